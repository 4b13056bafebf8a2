// One process per state file: a second `--watch` on the same file would save over the first's
// memory, and after a restart each would announce again what the other had seen. The lock is a
// file next to the state holding the owner's pid; a lock left by a process that died is taken over.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isProcessAlive } from './atomic-file';

export class StateLockedError extends Error {
  override readonly name = 'StateLockedError';
  constructor(
    readonly filePath: string,
    readonly ownerPid: number,
  ) {
    super(`${filePath} is in use by another gandi-status (pid ${ownerPid}); give this one its own --state FILE`);
  }
}

export interface StateLock {
  release(): Promise<void>;
}

async function ownerOf(lockFile: string): Promise<number | null> {
  const text = await fs.readFile(lockFile, 'utf8').catch(() => '');
  const pid = Number(text.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** Takes the lock of `stateFile` for this process; throws `StateLockedError` if a live process holds it. */
export async function acquireStateLock(stateFile: string, pid: number = process.pid): Promise<StateLock> {
  const lockFile = `${stateFile}.lock`;
  await fs.mkdir(path.dirname(lockFile), { recursive: true });
  for (let attempt = 0; ; attempt += 1) {
    try {
      await fs.writeFile(lockFile, `${pid}\n`, { flag: 'wx', mode: 0o600 });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const owner = await ownerOf(lockFile);
      if (owner !== null && owner !== pid && isProcessAlive(owner)) throw new StateLockedError(stateFile, owner);
      // Left by a process that is gone (killed, crashed): take it over, once.
      await fs.rm(lockFile, { force: true });
    }
  }
  return {
    async release() {
      if ((await ownerOf(lockFile)) === pid) await fs.rm(lockFile, { force: true });
    },
  };
}
