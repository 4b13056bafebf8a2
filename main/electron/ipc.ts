// The one place IPC handlers are registered. Every message is checked twice before a handler
// sees it: it comes from our window's main frame showing our page, and its payload fits the
// contract's schema. Anything else is rejected (the renderer's invoke() fails).
import { URL } from 'node:url';
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { z } from 'zod';
import {
  copyTextSchema,
  externalTargetSchema,
  INVOKE,
  type AppState,
  type ExternalTarget,
  type SetSettingsResult,
  type Settings,
} from '../../preload/contract';

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

export interface AppIpcHandlers {
  getState(): AppState | Promise<AppState>;
  refresh(): Promise<void>;
  openExternal(target: ExternalTarget): Promise<boolean>;
  getSettings(): Settings | Promise<Settings>;
  /** Gets the raw payload: invalid settings are answered with a reason, not a rejection. */
  setSettings(candidate: unknown): Promise<SetSettingsResult>;
  copyText(text: string): boolean;
}

const noPayload = z.undefined();

/** Registers every channel of the contract; returns a function removing them again. */
export function registerIpcHandlers(ipcMain: IpcMain, isTrusted: SenderCheck, handlers: AppIpcHandlers): () => void {
  handle(ipcMain, INVOKE.getState, noPayload, isTrusted, () => handlers.getState());
  handle(ipcMain, INVOKE.refresh, noPayload, isTrusted, () => handlers.refresh());
  // Not shell.openExternal: a validated target, turned into a URL and checked against the
  // allow-list by the handler (docs/electronegativity.md).
  handle(ipcMain, INVOKE.openExternal, externalTargetSchema, isTrusted, (target) =>
    handlers.openExternal(target), // eng-disable OPEN_EXTERNAL_JS_CHECK
  );
  handle(ipcMain, INVOKE.getSettings, noPayload, isTrusted, () => handlers.getSettings());
  handle(ipcMain, INVOKE.setSettings, z.unknown(), isTrusted, (candidate) => handlers.setSettings(candidate));
  handle(ipcMain, INVOKE.copyText, copyTextSchema, isTrusted, (text) => handlers.copyText(text));
  return () => {
    for (const channel of Object.values(INVOKE)) ipcMain.removeHandler(channel);
  };
}
