// Persisted state on disk: written atomically, read back defensively. A damaged file is moved
// aside and the app starts fresh; nothing here ever throws to the caller.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { NotARegularFileError, sweepTempFiles, writeFileAtomic } from './atomic-file';
import { fittedStateText } from './state-fit';
import { sourceSnapshotSchema } from '../../common/schema';
import { z } from 'zod';
import { LIMITS } from '../../common/limits';
import type { PersistedState, StateStore } from './ports';

/** Enough for months of announcements; the oldest keys go first. */
export const MAX_ANNOUNCED_KEYS = 5000;
/** The loader refuses a larger file; the saver makes every state fit it (state-fit.ts). */
export const MAX_STATE_BYTES = 20 * 1024 * 1024;

export const persistedStateSchema = z.object({
  version: z.literal(1),
  snapshots: z.array(sourceSnapshotSchema),
  announced: z.array(z.string().max(LIMITS.keyChars)),
});

export interface FileStateStoreOptions {
  onWarning?: (message: string) => void;
}

/** Keeps the newest keys only (they are appended in order of announcement). */
export function boundAnnounced(announced: readonly string[], max: number = MAX_ANNOUNCED_KEYS): string[] {
  return announced.length > max ? announced.slice(announced.length - max) : [...announced];
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createFileStateStore(filePath: string, options: FileStateStoreOptions = {}): StateStore {
  /** The last warning given: a problem that lasts (a full disk) is said once, until it changes or ends. */
  let lastWarning: string | null = null;
  const warn = (message: string): void => {
    if (message === lastWarning) return;
    lastWarning = message;
    try {
      options.onWarning?.(message);
    } catch {
      // A broken warning sink must not turn a recoverable problem into a crash.
    }
  };
  const dir = path.dirname(filePath);
  /** The newest state not yet being written, and who waits for it; a newer save replaces the state. */
  let pending: { state: PersistedState; written: Promise<void>; resolve: () => void } | null = null;
  let writing = false;

  async function moveAside(reason: string): Promise<void> {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const aside = `${filePath}.corrupt-${stamp}`;
    try {
      await fs.rename(filePath, aside);
      warn(`State file ${filePath} is unusable (${reason}); moved it to ${aside} and starting fresh.`);
    } catch (error) {
      warn(`State file ${filePath} is unusable (${reason}) and could not be moved aside (${describe(error)}); starting fresh.`);
    }
  }

  async function load(): Promise<PersistedState | null> {
    await sweepTempFiles(filePath);
    let raw: string;
    try {
      const stat = await fs.stat(filePath);
      if (!stat.isFile()) {
        // Not ours to read (a FIFO would block) nor to move aside (a device must stay where it is).
        warn(`State file ${new NotARegularFileError(filePath).message}; not used.`);
        return null;
      }
      if (stat.size > MAX_STATE_BYTES) {
        await moveAside(`larger than ${MAX_STATE_BYTES} bytes`);
        return null;
      }
      raw = await fs.readFile(filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      warn(`Cannot read state file ${filePath} (${describe(error)}); starting fresh.`);
      return null;
    }
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      await moveAside('not valid JSON');
      return null;
    }
    const parsed = persistedStateSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue ? `${issue.path.join('.') || 'root'}: ${issue.message}` : 'schema mismatch';
      await moveAside(`unexpected content at ${where}`);
      return null;
    }
    return { ...parsed.data, announced: boundAnnounced(parsed.data.announced) };
  }

  async function writeAtomically(state: PersistedState): Promise<void> {
    try {
      await writeFileAtomic(filePath, fittedStateText({ ...state, announced: boundAnnounced(state.announced) }, MAX_STATE_BYTES));
      lastWarning = null;
    } catch (error) {
      warn(`Cannot save state to ${filePath} (${describe(error)}).`);
    }
  }

  async function drain(): Promise<void> {
    writing = true;
    while (pending) {
      const batch = pending;
      pending = null;
      await writeAtomically(batch.state).catch(() => undefined);
      batch.resolve();
    }
    writing = false;
  }

  function save(state: PersistedState): Promise<void> {
    // Writes run one after another so an older state never lands after a newer one. While one is
    // under way only the newest state waits: on a slow or stalled disk, saves made at every poll
    // must not pile up (each holds a whole state) for as long as the disk takes.
    if (pending) {
      pending.state = state;
      return pending.written;
    }
    let resolve: () => void = () => undefined;
    const written = new Promise<void>((done) => (resolve = done));
    pending = { state, written, resolve };
    if (!writing) void drain();
    return written;
  }

  return { load, save };
}
