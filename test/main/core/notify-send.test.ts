import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createNotifySend, notifySendArgs } from '../../../main/core/notify-send';

const APP = { appName: 'Gandi Status' };

describe('notify-send arguments', () => {
  it('puts -- before the title and the body, so remote text is never read as an option', () => {
    expect(notifySendArgs({ title: '--icon=/etc/hostname', body: '- Degraded performance on mail' }, APP)).toEqual([
      '--app-name',
      'Gandi Status',
      '--',
      '--icon=/etc/hostname',
      '- Degraded performance on mail',
    ]);
  });

  it('takes the icon from the caller only, before the --', () => {
    expect(notifySendArgs({ title: 't', body: 'b' }, { ...APP, icon: '/opt/Gandi Status/assets/icon-256.png' })).toEqual([
      '--app-name',
      'Gandi Status',
      '--icon',
      '/opt/Gandi Status/assets/icon-256.png',
      '--',
      't',
      'b',
    ]);
  });

  it('escapes the body, cleans and bounds both, and never sends an empty title', () => {
    const args = notifySendArgs({ title: '\u0000', body: `<a href="https://evil.example/phish">Open</a>\u202E ${'x'.repeat(140 * 1024)}` }, APP);
    const [title, body] = args.slice(args.indexOf('--') + 1);
    expect(title).toBe('Gandi Status');
    expect(body?.startsWith('&lt;a href="https://evil.example/phish"&gt;Open&lt;/a&gt; x')).toBe(true);
    expect(body).toHaveLength(1000);
  });
});

describe('running notify-send', () => {
  let dir: string;
  let fake: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'notify-send-'));
    fake = path.join(dir, 'notify-send');
    // Writes each argument it was given on its own line, as a real program receives them.
    await writeFile(fake, `#!/bin/sh\nfor arg in "$@"; do printf '%s\\n' "$arg"; done > "${path.join(dir, 'args.txt')}"\n`);
    await chmod(fake, 0o755);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('passes the arguments as an array, without a shell, and 140 KB of text goes through bounded', async () => {
    const onError = vi.fn();
    createNotifySend({ ...APP, command: fake, onError }).show({ title: '$(touch /tmp/pwned) `id`', body: 'y'.repeat(140 * 1024) });
    await vi.waitFor(async () => expect((await readFile(path.join(dir, 'args.txt'), 'utf8')).split('\n')).toContain('--'), { timeout: 5000 });
    const args = (await readFile(path.join(dir, 'args.txt'), 'utf8')).split('\n');
    expect(args.slice(0, 4)).toEqual(['--app-name', 'Gandi Status', '--', '$(touch /tmp/pwned) `id`']);
    expect(args[4]).toHaveLength(1000);
    expect(onError).not.toHaveBeenCalled();
  });

  it('reports a missing program through onError instead of throwing', async () => {
    const onError = vi.fn();
    expect(() => createNotifySend({ ...APP, command: path.join(dir, 'missing'), onError }).show({ title: 't', body: 'b' })).not.toThrow();
    await vi.waitFor(() => expect(onError).toHaveBeenCalledWith(expect.stringContaining('ENOENT')), { timeout: 5000 });
  });

  it('reports a failing program with its exit code and first line, not the text it was given', async () => {
    const failing = path.join(dir, 'failing');
    await writeFile(failing, '#!/bin/sh\necho "Unknown option -1" >&2\nexit 1\n');
    await chmod(failing, 0o755);
    const onError = vi.fn();
    createNotifySend({ ...APP, command: failing, onError }).show({ title: 'secret title', body: 'secret body' });
    await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(1), { timeout: 5000 });
    expect(onError.mock.calls[0]?.[0]).toMatch(/code 1: Unknown option -1$/);
    expect(onError.mock.calls[0]?.[0]).not.toContain('secret');
  });
});
