// Runs the Electronegativity gate (scripts/electronegativity.mjs) the way CI does: the app must be
// clean, and a copy of it with the hardening undone must fail with the checks that guard it.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const script = path.join(root, 'scripts/electronegativity.mjs');
const SCANNED = ['package.json', 'main/electron', 'main/core', 'common', 'preload', 'renderer'];

interface GateRun {
  code: number;
  output: string;
}

function runGate(projectRoot: string): Promise<GateRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, [script, '--root', projectRoot], { timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, output: `${stdout}${stderr}` });
    });
  });
}

/** Check ids reported as findings, in output order. */
function findingIds(output: string): string[] {
  return [...output.matchAll(/^([A-Z_]+_CHECK) \(/gm)].map((match) => match[1] ?? '');
}

const copies: string[] = [];
afterAll(async () => {
  await Promise.all(copies.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function copyOfApp(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gandi-status-eng-'));
  copies.push(dir);
  for (const entry of SCANNED) await cp(path.join(root, entry), path.join(dir, entry), { recursive: true });
  return dir;
}

async function edit(file: string, from: string, to: string): Promise<void> {
  const text = await readFile(file, 'utf8');
  expect(text, `${file} should contain ${from}`).toContain(from);
  await writeFile(file, text.replace(from, to));
}

describe('Electronegativity gate', () => {
  it('finds nothing in the app beyond the reviewed exclusions', async () => {
    const run = await runGate(root);
    expect(run.output).toContain('No findings.');
    expect(findingIds(run.output)).toEqual([]);
    expect(run.code).toBe(0);
  }, 60_000);

  it('fails when the window hardening is undone or a raw link is opened', async () => {
    const copy = await copyOfApp();
    const security = path.join(copy, 'main/electron/security.ts');
    await edit(security, 'contextIsolation: true,', 'contextIsolation: false,');
    // Without the sandbox line (Electronegativity only weighs nodeIntegration when sandbox is unset).
    await edit(security, 'sandbox: true,', '');
    await edit(security, 'nodeIntegration: false,', 'nodeIntegration: true,');
    // Renderer calls to the bridge are accepted; a shell call in main with a variable URL is not.
    await mkdir(path.join(copy, 'main/electron/extra'), { recursive: true });
    await writeFile(
      path.join(copy, 'main/electron/extra/links.ts'),
      "import { shell } from 'electron';\nexport const open = (url: string) => shell.openExternal(url);\n",
    );

    const run = await runGate(copy);
    expect(run.code).toBe(1);
    expect(new Set(findingIds(run.output))).toEqual(
      new Set(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'NODE_INTEGRATION_JS_CHECK', 'OPEN_EXTERNAL_JS_CHECK']),
    );
    expect(run.output).toContain('main/electron/extra/links.ts');
  }, 60_000);

  it('fails when the page loses its Content-Security-Policy', async () => {
    const copy = await copyOfApp();
    const html = path.join(copy, 'renderer/index.html');
    const text = await readFile(html, 'utf8');
    const withoutCsp = text.replace(/<!-- eng-disable CSP_GLOBAL_CHECK --><meta[\s\S]*?\/>/, '');
    expect(withoutCsp).not.toContain('Content-Security-Policy');
    await writeFile(html, withoutCsp);

    const run = await runGate(copy);
    expect(run.code).toBe(1);
    expect(findingIds(run.output)).toEqual(['CSP_GLOBAL_CHECK']);
  }, 60_000);
});
