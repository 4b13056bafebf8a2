// The desktop's Gandi token: encrypted by the OS keychain (Electron safeStorage: Keychain, DPAPI,
// libsecret/KWallet) in its own file, never in the settings. Where there is no keyring (a Linux
// session without one, where safeStorage would fall back to a fixed key), it is kept for this run
// only, unless the user accepts a plain file readable by them alone. It is never sent to the window.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { SafeStorage } from 'electron';
import type { SetAccountTokenInput, TokenState, TokenStorage } from '../../common/account-view';
import { setAccountTokenInputSchema } from '../../common/account-view';
import type { AccountTokenSource } from '../core/account/account-service';

export const ENCRYPTED_TOKEN_FILE = 'gandi-token.enc';
export const PLAIN_TOKEN_FILE = 'gandi-token.txt';

export type TokenSafeStorage = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & {
  getSelectedStorageBackend?: SafeStorage['getSelectedStorageBackend'];
};

export interface AccountTokenStore extends AccountTokenSource {
  /** Reads what was kept (call once the app is ready: safeStorage needs it). */
  load(): Promise<void>;
  /** Keeps a new token, or forgets it (null). Never throws with the token in the message. */
  set(input: SetAccountTokenInput): Promise<{ ok: true } | { ok: false; error: string }>;
}

export interface AccountTokenStoreOptions {
  safeStorage: TokenSafeStorage;
  /** The app's userData folder. */
  dir: string;
  platform: NodeJS.Platform;
  warn?: (message: string) => void;
}

/** Writes a file only its owner can read, whole or not at all. */
async function writePrivate(file: string, data: string | Buffer): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temp, data, { mode: 0o600 });
  await fs.chmod(temp, 0o600);
  await fs.rename(temp, file);
}

async function removeIfThere(file: string): Promise<void> {
  await fs.rm(file, { force: true });
}

export function createAccountTokenStore(options: AccountTokenStoreOptions): AccountTokenStore {
  const warn = options.warn ?? (() => undefined);
  const encryptedFile = path.join(options.dir, ENCRYPTED_TOKEN_FILE);
  const plainFile = path.join(options.dir, PLAIN_TOKEN_FILE);
  let token: string | null = null;
  let storage: TokenStorage = 'none';

  /** "basic_text" is Chromium's fixed-key fallback on Linux: no protection, so not counted as encryption. */
  function encryptionAvailable(): boolean {
    if (!options.safeStorage.isEncryptionAvailable()) return false;
    return options.platform !== 'linux' || options.safeStorage.getSelectedStorageBackend?.() !== 'basic_text';
  }

  const failure = (what: string, error: unknown): string => `${what} (${error instanceof Error && 'code' in error ? String(error.code) : 'error'})`;

  return {
    async load() {
      try {
        if (encryptionAvailable()) {
          const bytes = await fs.readFile(encryptedFile).catch(() => null);
          if (bytes !== null) {
            token = options.safeStorage.decryptString(bytes).trim() || null;
            storage = token === null ? 'none' : 'encrypted';
            return;
          }
        }
        const stat = await fs.stat(plainFile).catch(() => null);
        if (stat === null) return;
        if (options.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
          warn(`The Gandi token file ${plainFile} can be read by other users: not used. Set the token again.`);
          return;
        }
        token = (await fs.readFile(plainFile, 'utf8')).trim() || null;
        storage = token === null ? 'none' : 'plain-file';
      } catch {
        // The message could quote what was read: only say that it failed.
        warn('The kept Gandi token could not be read; set it again in Settings.');
        token = null;
        storage = 'none';
      }
    },
    async set(input) {
      const parsed = setAccountTokenInputSchema.safeParse(input);
      if (!parsed.success) return { ok: false, error: 'not a token' };
      const { token: next, fallback } = parsed.data;
      try {
        if (next === null) {
          await removeIfThere(encryptedFile);
          await removeIfThere(plainFile);
          token = null;
          storage = 'none';
        } else if (encryptionAvailable()) {
          await writePrivate(encryptedFile, options.safeStorage.encryptString(next));
          await removeIfThere(plainFile);
          token = next;
          storage = 'encrypted';
        } else if (fallback === 'plain-file') {
          await writePrivate(plainFile, `${next}\n`);
          await removeIfThere(encryptedFile);
          token = next;
          storage = 'plain-file';
        } else {
          await removeIfThere(plainFile);
          token = next;
          storage = 'this-run';
        }
        return { ok: true };
      } catch (error) {
        return { ok: false, error: failure('the token could not be kept', error) };
      }
    },
    read: async () => token,
    state: (): TokenState => ({ set: token !== null, storage, encryptionAvailable: encryptionAvailable(), settable: true }),
  };
}
