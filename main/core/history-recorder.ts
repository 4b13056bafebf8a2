// Keeps the app's own history (common/history.ts) as the core publishes pictures: each picture is
// an observation, saved to a file now and then (and at stop), bounded and compacted by the rules of
// common/history.ts. A file that cannot be read starts an empty history, with a warning; it never
// stops the app.
import { promises as fs } from 'node:fs';
import { emptyHistory, historySchema, recordObservation, type History } from '../../common/history';
import type { StatusSnapshot } from '../../common/model';
import { writeFileAtomic } from './atomic-file';

export interface HistoryRecorder {
  /** Reads the kept history (once, at start). */
  load(): Promise<void>;
  record(snapshot: StatusSnapshot): void;
  history(): History;
  /** Saves now (at stop). */
  flush(): Promise<void>;
}

export interface HistoryRecorderOptions {
  /** Where it is kept; null keeps it in memory only. */
  file: string | null;
  now?: () => Date;
  /** Saves at most this often while recording (default 5 minutes). */
  saveEveryMs?: number;
  onWarning?: (message: string) => void;
}

export function createHistoryRecorder(options: HistoryRecorderOptions): HistoryRecorder {
  const now = options.now ?? (() => new Date());
  const saveEveryMs = options.saveEveryMs ?? 5 * 60_000;
  const warn = options.onWarning ?? (() => undefined);
  let history = emptyHistory();
  const lastObserved = new Map<string, number>();
  let lastSaved = 0;
  let dirty = false;
  let saving: Promise<void> = Promise.resolve();

  function save(): Promise<void> {
    if (options.file === null || !dirty) return saving;
    const file = options.file;
    dirty = false;
    lastSaved = now().getTime();
    const text = JSON.stringify(history);
    saving = saving
      .then(() => writeFileAtomic(file, text))
      .catch((error: unknown) => warn(`Saving the history failed: ${error instanceof Error ? error.message : String(error)}`));
    return saving;
  }

  return {
    async load() {
      if (options.file === null) return;
      let text: string;
      try {
        text = await fs.readFile(options.file, 'utf8');
      } catch {
        return; // none yet
      }
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(text);
      } catch {
        // reported below
      }
      const checked = historySchema.safeParse(parsed);
      if (checked.success) history = checked.data;
      else warn(`The history file ${options.file} could not be read; starting a new history.`);
    },
    record(snapshot) {
      const at = now();
      const gaps = new Map<string, number>();
      for (const source of snapshot.sources) {
        const previous = lastObserved.get(source.url);
        gaps.set(source.url, previous === undefined ? 0 : (at.getTime() - previous) / 60_000);
        if (!source.stale && source.fetchedAt !== null) lastObserved.set(source.url, at.getTime());
      }
      history = recordObservation(history, snapshot, at, gaps);
      dirty = true;
      if (at.getTime() - lastSaved >= saveEveryMs) void save();
    },
    history: () => history,
    flush: () => save(),
  };
}

/** Where a history is kept beside a state file: state.json -> state-history.json. */
export function historyFileBeside(stateFile: string): string {
  return stateFile.endsWith('.json') ? `${stateFile.slice(0, -'.json'.length)}-history.json` : `${stateFile}-history.json`;
}
