// A Gandi token kept in a file (the command line's --token-file, the dashboard's): refused when
// other users can read it (a token is a password), and when it is anything but a small regular file.
// One rule for every front door; messages name the file, never what it holds.
import { promises as fs } from 'node:fs';

const MAX_TOKEN_FILE_BYTES = 4096;

export class TokenFileError extends Error {
  override readonly name = 'TokenFileError';
}

/** The token in `file` (its first line, trimmed). Throws TokenFileError saying what to do. */
export async function readTokenFile(file: string, platform: NodeJS.Platform): Promise<string> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw new TokenFileError(`cannot read the token file ${file} (${code})`);
  }
  if (!stat.isFile()) throw new TokenFileError(`the token file ${file} is not a regular file`);
  if (stat.size > MAX_TOKEN_FILE_BYTES) throw new TokenFileError(`the token file ${file} is too large to hold a token`);
  // Windows has no mode bits to check; its ACLs are the user's business.
  if (platform !== 'win32' && (stat.mode & 0o077) !== 0) {
    throw new TokenFileError(`the token file ${file} can be read by other users; refused. Make it yours alone: chmod 600 ${file}`);
  }
  const token = (await fs.readFile(file, 'utf8')).split(/\r?\n/)[0]?.trim() ?? '';
  if (token === '') throw new TokenFileError(`the token file ${file} is empty`);
  return token;
}
