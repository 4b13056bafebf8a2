// The dashboard serves dist/renderer: build it if it is not there or is older than its sources,
// so the browser tests never pass (or fail) on yesterday's build.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const RENDERER_BUILD = path.join(REPO_ROOT, 'dist', 'renderer');

/** What the renderer bundle is made from: its own folder, the preload's types and the shared folder. */
const SOURCES = ['renderer', 'preload', 'common'];

function newestChange(target: string): number {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce((newest, name) => Math.max(newest, newestChange(path.join(target, name))), stat.mtimeMs);
}

export function rendererBuildIsCurrent(): boolean {
  const index = path.join(RENDERER_BUILD, 'index.html');
  if (!existsSync(index)) return false;
  const built = statSync(index).mtimeMs;
  return SOURCES.every((source) => {
    const full = path.join(REPO_ROOT, source);
    return !existsSync(full) || newestChange(full) <= built;
  });
}

export async function ensureRendererBuild(): Promise<string> {
  if (!rendererBuildIsCurrent()) {
    await promisify(execFile)(process.execPath, [path.join(REPO_ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'renderer/vite.config.mts', '--logLevel', 'warn'], {
      cwd: REPO_ROOT,
      timeout: 120_000,
      // Under vitest NODE_ENV is "test", which would give React's development build: the browser
      // tests and the benchmarks must see what users get.
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
  return RENDERER_BUILD;
}
