// The example documents of every format are kept in the repository (test/fixtures/providers) so
// that the tests run from a clone alone. Where the project's shared set sits next to the
// repository, the copy must be the same, file for file and byte for byte.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROVIDERS_DIR } from './provider-fixtures';

const here = path.dirname(fileURLToPath(import.meta.url));
const SHARED_DIR = path.resolve(here, '../../../../..', 'shared/fixtures/providers');

function files(dir: string, prefix = ''): string[] {
  return readdirSync(dir)
    .flatMap((name) => (statSync(path.join(dir, name)).isDirectory() ? files(path.join(dir, name), `${prefix}${name}/`) : [`${prefix}${name}`]))
    .sort();
}

describe('the provider examples kept in the repository', () => {
  it('hold every format with its provenance', () => {
    const names = files(PROVIDERS_DIR);
    expect(names).toContain('SOURCES.md');
    for (const format of ['incident-io/', 'instatus/', 'betterstack/', 'cachet/v2/', 'cachet/v3/', 'statusio/']) {
      expect(names.some((name) => name.startsWith(format)), format).toBe(true);
    }
  });

  it.skipIf(!existsSync(SHARED_DIR))('are the shared set, unchanged', () => {
    const shared = files(SHARED_DIR);
    expect(files(PROVIDERS_DIR)).toEqual(shared);
    for (const name of shared) {
      expect(readFileSync(path.join(PROVIDERS_DIR, name)).equals(readFileSync(path.join(SHARED_DIR, name))), name).toBe(true);
    }
  });
});
