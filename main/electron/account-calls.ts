// The window's account calls on the desktop: the view (never the token), "check my account now",
// and Settings' token field, each change pushed to the window.
import type { AccountView } from '../../common/account-view';
import type { CallHandlers } from '../../common/window-api';
import type { FetchLike } from '../core/ports';
import { createAccountService, type AccountService } from '../core/account/account-service';
import type { AccountTokenStore } from './account-token-store';

export interface DesktopAccount {
  service: AccountService;
  tokens: AccountTokenStore;
}

/** Where no token store is given (tests of other parts): no token, and none can be set. */
export function noDesktopAccount(fetch: FetchLike): DesktopAccount {
  const tokens: AccountTokenStore = {
    load: async () => undefined,
    set: async () => ({ ok: false, error: 'the token cannot be kept here' }),
    read: async () => null,
    state: () => ({ set: false, storage: 'none', encryptionAvailable: false, settable: false }),
  };
  return { service: createAccountService({ tokens, fetch, env: {} }), tokens };
}

export function accountCallHandlers(account: DesktopAccount): Pick<CallHandlers, 'getAccount' | 'checkAccount' | 'setAccountToken'> {
  return {
    getAccount: () => account.service.view(),
    checkAccount: () => account.service.checkNow(),
    setAccountToken: async (input) => {
      const kept = await account.tokens.set(input);
      if (!kept.ok) return kept;
      // The window hears of the run through the push; it is not kept waiting for it.
      void account.service.tokenChanged();
      return { ok: true, account: account.service.view() };
    },
  };
}

/** Pushes every change of the view to the window; returns the unsubscribe. */
export function pushAccountChanges(account: DesktopAccount, send: (view: AccountView) => void): () => void {
  return account.service.subscribe(send);
}
