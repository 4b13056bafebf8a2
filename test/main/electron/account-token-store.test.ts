// The desktop's Gandi token against the fake electron's safeStorage: encrypted in its own file,
// kept for this run only (or in a private plain file if the user accepts) without a keyring, and
// never part of what the window is told.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { electronModule, resetFakeElectron, state } from './fake-electron';
import { createAccountTokenStore, ENCRYPTED_TOKEN_FILE, PLAIN_TOKEN_FILE } from '../../../main/electron/account-token-store';
import { accountCallHandlers } from '../../../main/electron/account-calls';
import { createAccountService } from '../../../main/core/account/account-service';

vi.mock('electron', () => import('./fake-electron').then((m) => m.electronModule));

const TOKEN = 'pat-secret-0123456789abcdef';
let dir: string;
let warnings: string[];

beforeEach(async () => {
  resetFakeElectron();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gandi-token-'));
  warnings = [];
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function store(platform: NodeJS.Platform = 'linux') {
  return createAccountTokenStore({ safeStorage: electronModule.safeStorage as never, dir, platform, warn: (m) => warnings.push(m) });
}

async function files(): Promise<Record<string, { mode: number; text: string }>> {
  const names = await fs.readdir(dir);
  const out: Record<string, { mode: number; text: string }> = {};
  for (const name of names) out[name] = { mode: (await fs.stat(path.join(dir, name))).mode & 0o777, text: await fs.readFile(path.join(dir, name), 'utf8') };
  return out;
}

describe('the desktop token store', () => {
  it('keeps the token encrypted, in its own file readable by the user alone, and reads it back', async () => {
    const tokens = store();
    expect(await tokens.set({ token: TOKEN })).toEqual({ ok: true });
    expect(tokens.state()).toEqual({ set: true, storage: 'encrypted', encryptionAvailable: true, settable: true });
    const kept = await files();
    expect(Object.keys(kept)).toEqual([ENCRYPTED_TOKEN_FILE]);
    expect(kept[ENCRYPTED_TOKEN_FILE]?.mode).toBe(0o600);
    expect(kept[ENCRYPTED_TOKEN_FILE]?.text).not.toContain(TOKEN);
    const again = store();
    await again.load();
    expect(await again.read()).toBe(TOKEN);
    expect(again.state().storage).toBe('encrypted');
  });

  it('without a keyring keeps it for this run only, writing nothing', async () => {
    state.encryptionAvailable = false;
    const tokens = store();
    await tokens.set({ token: TOKEN });
    expect(tokens.state()).toEqual({ set: true, storage: 'this-run', encryptionAvailable: false, settable: true });
    expect(await tokens.read()).toBe(TOKEN);
    expect(await files()).toEqual({});
    const next = store();
    await next.load();
    expect(next.state().set).toBe(false);
  });

  it("counts Chromium's fixed-key fallback on Linux (basic_text) as no keyring", async () => {
    state.storageBackend = 'basic_text';
    expect(store('linux').state().encryptionAvailable).toBe(false);
    expect(store('darwin').state().encryptionAvailable).toBe(true);
  });

  it('keeps it in a plain file readable by the user alone when asked, and refuses one others can read', async () => {
    state.encryptionAvailable = false;
    const tokens = store();
    await tokens.set({ token: TOKEN, fallback: 'plain-file' });
    expect(tokens.state().storage).toBe('plain-file');
    expect((await files())[PLAIN_TOKEN_FILE]?.mode).toBe(0o600);
    await fs.chmod(path.join(dir, PLAIN_TOKEN_FILE), 0o644);
    const next = store();
    await next.load();
    expect(next.state().set).toBe(false);
    expect(warnings.join('\n')).toContain('can be read by other users');
    expect(warnings.join('\n')).not.toContain(TOKEN);
  });

  it('forgets it: both files gone', async () => {
    const tokens = store();
    await tokens.set({ token: TOKEN });
    await tokens.set({ token: null });
    expect(tokens.state()).toMatchObject({ set: false, storage: 'none' });
    expect(await files()).toEqual({});
  });

  it('says a kept token that does not decrypt must be set again, without quoting it', async () => {
    await fs.writeFile(path.join(dir, ENCRYPTED_TOKEN_FILE), TOKEN, { mode: 0o600 });
    const tokens = store();
    await tokens.load();
    expect(tokens.state().set).toBe(false);
    expect(warnings).toEqual(['The kept Gandi token could not be read; set it again in Settings.']);
  });

  it('never gives the token to the window: the calls answer with its state only', async () => {
    const tokens = store();
    const service = createAccountService({ tokens, fetch: async () => new Response('{}', { status: 401 }), env: { GANDI_API_URL: 'http://127.0.0.1:9/v5/' }, sleep: async () => undefined, limits: { minIntervalMs: 0 } });
    const calls = accountCallHandlers({ tokens, service });
    const answers = [await calls.setAccountToken({ token: TOKEN }), await calls.checkAccount(undefined), calls.getAccount(undefined)];
    expect(JSON.stringify(answers)).not.toContain(TOKEN);
    expect(answers[2]).toMatchObject({ token: { set: true, storage: 'encrypted' }, report: { overall: 'not-checked' } });
  });
});
