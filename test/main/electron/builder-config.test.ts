// electron-builder cannot build here (it needs the Electron binary and downloads its tools), so
// the configuration is checked against the JSON schema electron-builder itself ships.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Ajv from 'ajv';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const require = createRequire(import.meta.url);

function loadConfig(): Record<string, unknown> {
  const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));
  if (typeof config !== 'object' || config === null) throw new Error('electron-builder.yml is not a mapping');
  return config as Record<string, unknown>;
}

function validator() {
  const schema: unknown = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  return ajv.compile(schema as object);
}

describe('electron-builder.yml', () => {
  it('is valid against app-builder-lib/scheme.json', () => {
    const validate = validator();
    const valid = validate(loadConfig());
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check does catch mistakes', () => {
    const validate = validator();
    expect(validate({ ...loadConfig(), linux: { target: 'AppImage', categry: 'Network' } })).toBe(false);
  });

  it('describes the tray app packages', () => {
    const config = loadConfig();
    expect(config).toMatchObject({
      appId: 'net.gandi.status-tray',
      productName: 'Gandi Status',
      asar: true,
      linux: { target: ['AppImage', 'deb'], category: 'Network' },
      mac: { target: ['dmg'], extendInfo: { LSUIElement: true } },
      win: { target: ['nsis'] },
    });
    expect(config.files).toEqual(expect.arrayContaining(['dist/**', 'package.json', 'assets/tray/**']));
  });

  it('flips the fuses that would let the packaged binary run other code', () => {
    expect(loadConfig()).toMatchObject({
      electronFuses: {
        runAsNode: false,
        enableNodeOptionsEnvironmentVariable: false,
        enableNodeCliInspectArguments: false,
        grantFileProtocolExtraPrivileges: false,
        onlyLoadAppFromAsar: true,
        enableEmbeddedAsarIntegrityValidation: true,
      },
    });
  });
});
