// Keeps a snooze across restarts: "until tomorrow 8:00" must survive a reboot at night.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { serialised, writeFileAtomic } from '../core/atomic-file';

const snoozeSchema = z.object({ snoozedUntil: z.iso.datetime({ offset: true }).nullable() });

export interface SnoozeStore {
  /** The saved snooze end if it is still ahead of `now`; null when none, past or unreadable. */
  load(now: Date): Promise<Date | null>;
  save(snoozedUntil: Date | null): Promise<void>;
}

export function createSnoozeStore(directory: string, fileName = 'snooze.json'): SnoozeStore {
  const filePath = path.join(directory, fileName);
  const queue = serialised();
  return {
    async load(now) {
      try {
        const parsed = snoozeSchema.safeParse(JSON.parse(await fs.readFile(filePath, 'utf8')));
        if (!parsed.success || parsed.data.snoozedUntil === null) return null;
        const until = new Date(parsed.data.snoozedUntil);
        return until.getTime() > now.getTime() ? until : null;
      } catch {
        // Missing or damaged: not snoozed is the safe answer (notifications are shown).
        return null;
      }
    },
    async save(snoozedUntil) {
      await queue(() => writeFileAtomic(filePath, JSON.stringify({ snoozedUntil: snoozedUntil?.toISOString() ?? null })));
    },
  };
}
