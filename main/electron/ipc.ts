// The one place IPC handlers are registered. Every message is checked twice before a handler
// sees it: it comes from our window's main frame showing our page, and its payload fits the
// contract's schema. Anything else is rejected (the renderer's invoke() fails).
import { URL } from 'node:url';
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { z } from 'zod';
import { CALL_NAMES, WINDOW_CALLS, type CallHandlers } from '../../common/window-api';

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

function pageOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    // Chromium writes a Windows drive letter in capitals (file:///C:/...), Node keeps its case.
    const pathname = parsed.protocol === 'file:' ? parsed.pathname.replace(/^\/([a-z]):/, (_all, drive: string) => `/${drive.toUpperCase()}:`) : parsed.pathname;
    return `${parsed.protocol}//${parsed.host}${pathname}`;
  } catch {
    return null;
  }
}

/**
 * Trusted: sent by our window's web contents, from its main frame (not an iframe), while that
 * frame shows our page (not something it was navigated to).
 */
export function trustedSender(getContents: () => WebContents | null, pageUrl: string): SenderCheck {
  const page = pageOf(pageUrl);
  return (event) => {
    const contents = getContents();
    if (contents === null || contents.isDestroyed() || event.sender !== contents) return false;
    const frame = event.senderFrame;
    if (frame === null || frame.parent !== null) return false;
    return page !== null && pageOf(frame.url) === page;
  };
}

export class IpcRejection extends Error {
  constructor(channel: string, reason: string) {
    super(`${channel}: ${reason}`);
    this.name = 'IpcRejection';
  }
}

/** Registers one invoke handler behind the sender check and the payload schema. */
export function handle<Schema extends z.ZodType, Result>(
  ipcMain: IpcMain,
  channel: string,
  schema: Schema,
  isTrusted: SenderCheck,
  handler: (payload: z.output<Schema>) => Result | Promise<Result>,
): void {
  ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]) => {
    if (!isTrusted(event)) throw new IpcRejection(channel, 'sender not trusted');
    if (args.length > 1) throw new IpcRejection(channel, 'too many arguments');
    const parsed = schema.safeParse(args[0]);
    if (!parsed.success) throw new IpcRejection(channel, 'invalid payload');
    return handler(parsed.data);
  });
}

/** Registers every call of the window API's table; returns a function removing them again. */
export function registerIpcHandlers(ipcMain: IpcMain, isTrusted: SenderCheck, handlers: CallHandlers): () => void {
  for (const name of CALL_NAMES) {
    const call = WINDOW_CALLS[name];
    // openExternal is among them: its handler resolves a validated target and checks the link
    // policy (docs/electronegativity.md); the window never passes a URL.
    handle(ipcMain, call.channel, call.input, isTrusted, handlers[name] as (input: unknown) => unknown);
  }
  return () => {
    for (const name of CALL_NAMES) ipcMain.removeHandler(WINDOW_CALLS[name].channel);
  };
}
