// The window's size and place, kept next to the settings (not in them: it is not a preference
// the user edits, and it changes on every close).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { serialised, writeFileAtomic } from '../core/atomic-file';

const windowStateSchema = z.object({
  width: z.number().int().min(360).max(10_000),
  height: z.number().int().min(300).max(10_000),
  x: z.number().int().min(-20_000).max(20_000).optional(),
  y: z.number().int().min(-20_000).max(20_000).optional(),
  maximized: z.boolean().default(false),
});

export type WindowState = z.infer<typeof windowStateSchema>;

export const DEFAULT_WINDOW_STATE: WindowState = { width: 960, height: 680, maximized: false };

export interface WindowStateStore {
  load(): Promise<WindowState>;
  save(state: WindowState): Promise<void>;
}

export function createWindowStateStore(directory: string, fileName = 'window-state.json'): WindowStateStore {
  const filePath = path.join(directory, fileName);
  const queue = serialised();
  return {
    async load() {
      try {
        const parsed = windowStateSchema.safeParse(JSON.parse(await fs.readFile(filePath, 'utf8')));
        return parsed.success ? parsed.data : { ...DEFAULT_WINDOW_STATE };
      } catch {
        // Missing or damaged: the default size is a fine answer, nothing to warn about.
        return { ...DEFAULT_WINDOW_STATE };
      }
    },
    async save(state) {
      const parsed = windowStateSchema.safeParse(state);
      if (!parsed.success) return;
      await queue(() => writeFileAtomic(filePath, JSON.stringify(parsed.data)));
    },
  };
}
