// Where the command finds the Gandi token: `--token-file FILE` (see token-file.ts for what is
// refused) or the GANDI_PAT variable.
import { TOKEN_PAGE_URL } from '../../common/account';
import { readTokenFile, TokenFileError } from '../core/account/token-file';
import { ArgsError } from './args';

/** The token, or null when none is given. Throws ArgsError with what to do; the message never quotes the token. */
export async function findToken(tokenFile: string | null, env: Record<string, string | undefined>, platform: NodeJS.Platform): Promise<string | null> {
  if (tokenFile === null) {
    const fromEnv = env.GANDI_PAT?.trim();
    return fromEnv ? fromEnv : null;
  }
  try {
    return await readTokenFile(tokenFile, platform);
  } catch (error) {
    if (error instanceof TokenFileError) throw new ArgsError(error.message);
    throw error;
  }
}

export const NO_TOKEN_MESSAGE = `no Gandi token: use --token-file FILE or set GANDI_PAT (create a token with read permissions at ${TOKEN_PAGE_URL})`;
