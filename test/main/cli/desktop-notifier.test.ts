// `--watch --notify` on Linux runs notify-send itself: remote text after `--`, the body escaped.
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createNodeNotifier } from '../../../main/cli/desktop-notifier';

describe('desktop notifier of the command (Linux)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'gandi-cli-notify-'));
    // A notify-send that writes each argument it got on its own line.
    await writeFile(path.join(dir, 'notify-send'), `#!/bin/sh\nfor arg in "$@"; do printf '%s\\n' "$arg"; done > "${path.join(dir, 'args.txt')}"\n`);
    await chmod(path.join(dir, 'notify-send'), 0o755);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await rm(dir, { recursive: true, force: true });
  });

  it('passes the title and the body after --, the body escaped, without node-notifier', async () => {
    vi.stubEnv('PATH', `${dir}${path.delimiter}${process.env.PATH ?? ''}`);
    const onError = vi.fn();
    const notifier = await createNodeNotifier(onError, 'linux');
    notifier.notify({
      title: '--icon=/etc/hostname: new incident',
      message: '<a href="https://evil.example/phish">Open</a>\u0000 & <img src="file:///etc/hostname">\nhttps://status.example.test/incidents/1',
      url: 'https://status.example.test/incidents/1',
    });
    await vi.waitFor(async () => expect(await readFile(path.join(dir, 'args.txt'), 'utf8')).toContain('--'), { timeout: 5000 });
    expect((await readFile(path.join(dir, 'args.txt'), 'utf8')).split('\n').slice(0, 5)).toEqual([
      '--app-name',
      'Gandi Status',
      '--',
      '--icon=/etc/hostname: new incident',
      '&lt;a href="https://evil.example/phish"&gt;Open&lt;/a&gt; &amp; &lt;img src="file:///etc/hostname"&gt;',
    ]);
    expect(onError).not.toHaveBeenCalled();
  });
});
