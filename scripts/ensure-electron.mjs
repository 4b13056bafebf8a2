// `npm start` needs Electron's binary. Recent npm versions skip dependency install scripts unless
// they are approved, and CI installs with ELECTRON_SKIP_BINARY_DOWNLOAD=1, so the binary may be
// missing: fetch it once with Electron's own installer before the first start.
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    return require('electron');
  } catch {
    return null;
  }
}

if (!electronBinary()) {
  console.log('Electron binary missing: running its installer (needs internet access once)...');
  const installer = path.join(path.dirname(require.resolve('electron/package.json')), 'install.js');
  const result = spawnSync(process.execPath, [installer], {
    stdio: 'inherit',
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
  });
  if (result.status !== 0 || !electronBinary()) {
    console.error('Could not install the Electron binary. Check the network, then run: node node_modules/electron/install.js');
    process.exit(1);
  }
}
