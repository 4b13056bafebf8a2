// Gandi's API v5 examples are kept in the repository (test/fixtures/gandi-api-v5) so the tests and
// the simulator run from a clone alone. Where the project's shared set sits next to the repository,
// the copy must be the same, file for file and byte for byte.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const KEPT = path.resolve(here, '../../../fixtures/gandi-api-v5');
const SHARED = path.resolve(here, '../../../../..', 'shared/fixtures/gandi-api-v5');

describe("Gandi's API v5 examples kept in the repository", () => {
  it('hold every answer the checks read, with their sources', () => {
    const names = readdirSync(KEPT);
    for (const name of ['SOURCES.md', 'domain_domains_list.json', 'livedns_domain_snapshots.json', 'email_mailboxes_list.json', 'email_slots.json', 'billing_info.json', 'simplehosting_instances_list.json', 'certificate_issued_certs_list.json', 'organization_user_info.json', 'error_401.json', 'error_403.json', 'error_404.json']) {
      expect(names).toContain(name);
    }
  });

  it.skipIf(!existsSync(SHARED))('are the shared set, unchanged', () => {
    const shared = readdirSync(SHARED).sort();
    expect(readdirSync(KEPT).sort()).toEqual(shared);
    for (const name of shared) expect(readFileSync(path.join(KEPT, name)).equals(readFileSync(path.join(SHARED, name))), name).toBe(true);
  });
});
