// Where the command finds the Gandi token: `--token-file FILE` or the GANDI_PAT variable. A file
// others can read is refused (a token is a password), and so is anything but a small regular file.
import { promises as fs } from 'node:fs';
import { TOKEN_PAGE_URL } from '../../common/account';
import { ArgsError } from './args';

const MAX_TOKEN_FILE_BYTES = 4096;

/** The token, or null when none is given. Throws ArgsError with what to do. The message never quotes the token. */
export async function findToken(tokenFile: string | null, env: Record<string, string | undefined>, platform: NodeJS.Platform): Promise<string | null> {
  if (tokenFile === null) {
    const fromEnv = env.GANDI_PAT?.trim();
    return fromEnv ? fromEnv : null;
  }
  let stat;
  try {
    stat = await fs.stat(tokenFile);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new ArgsError(`cannot read the token file ${tokenFile} (${code})`);
  }
  if (!stat.isFile()) throw new ArgsError(`the token file ${tokenFile} is not a regular file`);
  if (stat.size > MAX_TOKEN_FILE_BYTES) throw new ArgsError(`the token file ${tokenFile} is too large to hold a token`);
  // Windows has no mode bits to check; its ACLs are the user's business.
  if (platform !== 'win32' && (stat.mode & 0o077) !== 0) {
    throw new ArgsError(`the token file ${tokenFile} can be read by other users; refused. Make it yours alone: chmod 600 ${tokenFile}`);
  }
  const token = (await fs.readFile(tokenFile, 'utf8')).split(/\r?\n/)[0]?.trim() ?? '';
  if (token === '') throw new ArgsError(`the token file ${tokenFile} is empty`);
  return token;
}

export const NO_TOKEN_MESSAGE = `no Gandi token: use --token-file FILE or set GANDI_PAT (create a token with read permissions at ${TOKEN_PAGE_URL})`;
