// The dashboard's Gandi token: given to the server at its start (--token-file or GANDI_PAT), never
// to the browser, and never settable from it.
import type { AccountTokenSource } from '../core/account/account-service';

export function serverTokenSource(token: string | undefined): AccountTokenSource {
  const kept = token?.trim() ? token.trim() : null;
  return {
    read: async () => kept,
    state: () => ({ set: kept !== null, storage: kept === null ? 'none' : 'server', encryptionAvailable: false, settable: false }),
  };
}

export const DASHBOARD_TOKEN_REFUSAL = "the dashboard's Gandi token is given to its server at start (--token-file or the GANDI_PAT variable), not through the browser";
