// The real documents are kept in the repository (test/fixtures/real) so that the tests and the
// simulator run from a clone alone. Where the project's shared set sits next to the repository,
// the copy must be the same, file for file and byte for byte.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from './fixtures';

const here = path.dirname(fileURLToPath(import.meta.url));
const SHARED_DIR = path.resolve(here, '../../../../..', 'shared/fixtures/real');

describe('the real fixtures kept in the repository', () => {
  it('hold JSON documents with their provenance', () => {
    const names = readdirSync(FIXTURES_DIR);
    expect(names).toContain('SOURCES.md');
    expect(names.filter((name) => name.endsWith('.json')).length).toBeGreaterThanOrEqual(20);
  });

  it.skipIf(!existsSync(SHARED_DIR))('are the shared set, unchanged', () => {
    const shared = readdirSync(SHARED_DIR).sort();
    expect(readdirSync(FIXTURES_DIR).sort()).toEqual(shared);
    for (const name of shared) {
      expect(readFileSync(path.join(FIXTURES_DIR, name)).equals(readFileSync(path.join(SHARED_DIR, name))), name).toBe(true);
    }
  });
});
