// Builds everything the app, the command line and the dashboard run from, into dist/.
// Node-side code is bundled to CommonJS by esbuild (a sandboxed preload must be one file);
// the renderer is built by vite.
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
const only = process.argv.slice(2);

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  // Less to compile at every start of the command and the dashboard; the source maps keep traces readable.
  minify: true,
  logLevel: 'warning',
  absWorkingDir: root,
  // Runtime dependencies stay in node_modules (node-notifier ships helper binaries it finds on disk).
  // prom-client too: `npm pack` ships the command line with its dependencies declared, not copied.
  external: ['electron', 'node-notifier', 'prom-client'],
};

const targets = {
  main: { entryPoints: ['main/electron/app.ts'], outfile: 'dist/main/app.js' },
  preload: { entryPoints: ['preload/preload.ts'], outfile: 'dist/preload/preload.js', external: ['electron'] },
  cli: {
    entryPoints: ['main/cli/gandi-status.ts'],
    outfile: 'dist/cli/gandi-status.js',
    banner: { js: '#!/usr/bin/env node' },
  },
  web: { entryPoints: ['main/web/server.ts'], outfile: 'dist/web/server.js' },
};

for (const [name, options] of Object.entries(targets)) {
  if (only.length > 0 && !only.includes(name)) continue;
  await build({ ...common, ...options });
}
if (only.length === 0 || only.includes('renderer')) {
  await viteBuild({ configFile: path.join(root, 'renderer/vite.config.mts'), logLevel: 'warn' });
}
console.log(`built ${only.length > 0 ? only.join(', ') : 'main, preload, cli, web, renderer'} into dist/`);
