import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

describe('preload bundle', () => {
  // A sandboxed preload can require 'electron' and little else (no node:path, no node_modules):
  // one CommonJS file, built the way scripts/build.mjs builds it.
  it('is one CommonJS file that requires only electron', async () => {
    const result = await build({
      entryPoints: [path.join(root, 'preload/preload.ts')],
      absWorkingDir: root,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['electron'],
      write: false,
      logLevel: 'silent',
    });
    expect(result.outputFiles).toHaveLength(1);
    const code = result.outputFiles[0]!.text;
    const required = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((match) => match[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(code).not.toMatch(/\bimport\s*\(/);
  });
});
