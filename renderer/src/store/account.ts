// Account slice: what the window knows of the Gandi account checks (the token's state and the
// last report; never the token), as main pushes it.
import type { StateCreator } from 'zustand/vanilla';
import type { AccountView } from '../../../common/account-view';

export interface AccountSlice {
  /** Null until main answers (and in windows whose bridge has no account). */
  account: AccountView | null;
  receiveAccount(account: AccountView): void;
}

export const createAccountSlice: StateCreator<AccountSlice> = (set) => ({
  account: null,
  receiveAccount: (account) => set({ account }),
});
