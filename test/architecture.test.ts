// The import rules of .dependency-cruiser.cjs, checked on the real code: no cycles, a pure common/,
// a core that knows nothing of Electron or the window, a window that knows nothing of Node.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(__dirname, '..');

describe('architecture', () => {
  it('has no import cycle and no import across the forbidden lines', async () => {
    const bin = path.join(root, 'node_modules', '.bin', 'depcruise');
    const result = await run(bin, ['common', 'main', 'preload', 'renderer/src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const report = JSON.parse(result.stdout) as {
      summary: { violations: { rule: { name: string }; from: string; to: string }[]; totalCruised: number };
    };
    // The whole app was read, not an empty folder.
    expect(report.summary.totalCruised).toBeGreaterThan(100);
    expect(report.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`)).toEqual([]);
  }, 120_000);
});
