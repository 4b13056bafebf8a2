// The last account report in a JSON file, so a restart keeps what was known (and what a failed
// run carries forward). It holds no secret: the report never does.
import { promises as fs } from 'node:fs';
import type { AccountReport } from '../../../common/account';
import { writeFileAtomic } from '../atomic-file';
import type { AccountReportStore } from './account-service';

export function createAccountReportFile(filePath: string): AccountReportStore {
  return {
    async load() {
      try {
        return JSON.parse(await fs.readFile(filePath, 'utf8')) as unknown;
      } catch {
        return null;
      }
    },
    save: (report: AccountReport) => writeFileAtomic(filePath, `${JSON.stringify(report, null, 2)}\n`),
    clear: () => fs.rm(filePath, { force: true }),
  };
}
