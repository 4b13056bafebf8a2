// Checks what arrives over the bridge before it reaches the store, with the window API table's
// schemas (the same the core's output is bounded to). Anything unreadable is refused rather than
// guessed at, so a broken payload can never look like "all clear".
import { check, type Checked } from '../../common/schema';
import { WINDOW_CALLS, WINDOW_PUSHES, type AppState, type PushName, type PushPayload } from '../../common/window-api';

export type { Checked };

const WHAT: Record<PushName, string> = {
  state: 'status data',
  event: 'change event',
  settings: 'settings',
  show: 'show request',
  account: 'account check',
};

export function checkPush<K extends PushName>(push: K, value: unknown): Checked<PushPayload<K>> {
  return check(WINDOW_PUSHES[push].schema, value, WHAT[push]) as Checked<PushPayload<K>>;
}

export const checkAppState = (value: unknown): Checked<AppState> => check(WINDOW_CALLS.getState.output, value, 'app state');
