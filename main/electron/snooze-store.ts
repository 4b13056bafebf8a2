// Keeps a notification pause across restarts: "until tomorrow 8:00" must survive a reboot at
// night, and so must what the pause (snooze or quiet hours) held back, or the summary due when it
// ends would be lost with the app (the core never announces the same change twice).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { serialised, writeFileAtomic } from '../core/atomic-file';
import { changeEventSchema } from '../../common/schema';
import type { ChangeEvent } from '../../common/model';

const MAX_HELD = 200;

const pauseSchema = z.object({
  snoozedUntil: z.iso.datetime({ offset: true }).nullable(),
  // Checked one by one on load: one damaged event does not cost the others.
  held: z.array(z.unknown()).max(MAX_HELD).default([]),
});

export interface NotificationPause {
  /** The saved snooze end if it is still ahead of `now`, else null. */
  snoozedUntil: Date | null;
  /** Changes held back and not shown yet, oldest first. */
  held: ChangeEvent[];
}

export interface SnoozeStore {
  /** What was saved; nothing snoozed and nothing held when the file is missing or unreadable. */
  load(now: Date): Promise<NotificationPause>;
  save(snoozedUntil: Date | null, held?: readonly ChangeEvent[]): Promise<void>;
}

export function createSnoozeStore(directory: string, fileName = 'snooze.json'): SnoozeStore {
  const filePath = path.join(directory, fileName);
  const queue = serialised();
  return {
    async load(now) {
      const nothing: NotificationPause = { snoozedUntil: null, held: [] };
      let parsed: z.infer<typeof pauseSchema>;
      try {
        const result = pauseSchema.safeParse(JSON.parse(await fs.readFile(filePath, 'utf8')));
        if (!result.success) return nothing;
        parsed = result.data;
      } catch {
        // Missing or damaged: not snoozed is the safe answer (notifications are shown).
        return nothing;
      }
      const until = parsed.snoozedUntil === null ? null : new Date(parsed.snoozedUntil);
      const held = parsed.held.flatMap((candidate) => {
        const event = changeEventSchema.safeParse(candidate);
        return event.success ? [event.data] : [];
      });
      return { snoozedUntil: until !== null && until.getTime() > now.getTime() ? until : null, held };
    },
    async save(snoozedUntil, held = []) {
      const text = JSON.stringify({ snoozedUntil: snoozedUntil?.toISOString() ?? null, held: held.slice(-MAX_HELD) });
      await queue(() => writeFileAtomic(filePath, text));
    },
  };
}
