// Writes a file so that a crash or a full disk never leaves half of it: write a temporary file
// next to it, flush it, then rename over the old one (atomic on the same file system).
import { promises as fs } from 'node:fs';
import path from 'node:path';

let counter = 0;

/** A path that exists and is not a regular file (a device, a FIFO, a folder): never read as data, never replaced. */
export class NotARegularFileError extends Error {
  override readonly name = 'NotARegularFileError';
  constructor(readonly filePath: string) {
    super(`${filePath} is not a regular file`);
  }
}

/** Throws `NotARegularFileError` when `filePath` exists and is not a regular file (symlinks are followed). */
export async function ensureRegularOrMissing(filePath: string): Promise<void> {
  try {
    if (!(await fs.stat(filePath)).isFile()) throw new NotARegularFileError(filePath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

export async function writeFileAtomic(filePath: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(filePath), { recursive: true });
  // Renaming over /dev/null (as root) would turn the device into a plain file.
  await ensureRegularOrMissing(filePath);
  counter += 1;
  const temp = `${filePath}.${process.pid}.${counter}.tmp`;
  try {
    const handle = await fs.open(temp, 'w', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, filePath);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** Whether a process of this id exists (EPERM: it does, it is only someone else's). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files a writer killed mid-write left next to `filePath` (`<name>.<pid>.<n>.tmp`
 * of a process that is gone); those of a live process may still be renamed into place.
 */
export async function sweepTempFiles(filePath: string): Promise<void> {
  const dir = path.dirname(filePath);
  const prefix = `${path.basename(filePath)}.`;
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const match = /^(\d+)\.\d+\.tmp$/.exec(name.slice(prefix.length));
    const pid = Number(match?.[1]);
    if (match && pid !== process.pid && !isProcessAlive(pid)) await fs.rm(path.join(dir, name), { force: true }).catch(() => undefined);
  }
}

/** Runs writes one after the other, so the last save always wins. */
export function serialised(): <T>(task: () => Promise<T>) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
