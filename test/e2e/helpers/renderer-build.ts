// The dashboard serves dist/renderer: build it once if it is not there.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const RENDERER_BUILD = path.join(REPO_ROOT, 'dist', 'renderer');

export async function ensureRendererBuild(): Promise<string> {
  if (!existsSync(path.join(RENDERER_BUILD, 'index.html'))) {
    await promisify(execFile)(process.execPath, [path.join(REPO_ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'renderer/vite.config.mts', '--logLevel', 'warn'], {
      cwd: REPO_ROOT,
      timeout: 120_000,
    });
  }
  return RENDERER_BUILD;
}
