// `--watch --account`: the daemon also checks the Gandi account (every 6 hours, at start when the
// last report is older), for the metrics and as `account.*` events on the stream. The token comes from --token-file or GANDI_PAT and is read
// again at every run, so a rotated token file is picked up; the report is kept next to the state.
import type { AccountReport } from '../../common/account';
import type { AccountEvent } from '../../common/account-events';
import { createAccountService } from '../core/account/account-service';
import { createAccountReportFile } from '../core/account/report-file';
import { ArgsError } from './args-error';
import type { CliOptions } from './args';
import { findToken, NO_TOKEN_MESSAGE } from './account-token';
import type { CliIo } from './io';

export interface AccountWatch {
  report(): AccountReport | null;
  stop(): void;
}

/** Where the daemon keeps the last account report: beside its state file. */
export function accountReportFile(stateFile: string): string {
  return stateFile.endsWith('.json') ? `${stateFile.slice(0, -'.json'.length)}-account.json` : `${stateFile}-account.json`;
}

export async function startAccountWatch(
  options: CliOptions,
  io: CliIo,
  stateFile: string,
  warn: (message: string) => void,
  onEvents: (events: AccountEvent[]) => void,
): Promise<AccountWatch> {
  const platform = io.platform ?? process.platform;
  const token = () => findToken(options.tokenFile ?? null, io.env, platform);
  // Said at start, in one line, rather than as "not checked" in metrics nobody reads yet.
  if ((await token()) === null) throw new ArgsError(NO_TOKEN_MESSAGE);
  const service = createAccountService({
    tokens: {
      read: token,
      state: () => ({ set: true, storage: 'server', encryptionAvailable: false, settable: false }),
    },
    fetch: io.fetch,
    env: io.env,
    now: io.now,
    store: createAccountReportFile(accountReportFile(stateFile)),
    onWarning: warn,
  });
  const unsubscribe = service.subscribeEvents(onEvents);
  await service.start();
  return { report: () => service.view().report, stop: () => {
      unsubscribe();
      service.stop();
    } };
}
