// `gandi-status detect URL` and `--url` on every format: what a page is, then its state.
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, type CliIo } from '../../../main/cli/cli';
import { parseArgs, ArgsError } from '../../../main/cli/args';
import { FETCHED_AT, serveSite, SITES, type SiteServer } from '../core/sources/provider-fixtures';

let site: SiteServer | null = null;
afterEach(async () => {
  await site?.close();
  site = null;
});

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: { write: (chunk: string) => out.push(chunk) },
    stderr: { write: (chunk: string) => err.push(chunk) },
    fetch: (url, init) => fetch(url, init),
    env: {},
    now: () => FETCHED_AT,
  };
  const code = await runCli(argv, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

async function serve(name: string): Promise<SiteServer> {
  const served = SITES[name];
  if (!served) throw new Error(name);
  site = await serveSite(served);
  return site;
}

describe('gandi-status detect', () => {
  it('says what an Instatus page is, and how to watch it', async () => {
    const { base } = await serve('instatus');
    const { code, stdout, stderr } = await run(['detect', `${base}/`]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        base,
        '  format:      Instatus (instatus)',
        '  name:        Acme Cloud',
        '  components:  5 in 1 group',
        '  now:         partial outage; 1 incident, 1 maintenance',
        '  requests:    4',
        `Watch it with: gandi-status --url ${base} --kind instatus`,
        '',
      ].join('\n'),
    );
  });

  it.each([
    ['incident-io', 'incident-io'],
    ['betterstack', 'betterstack'],
    ['cachet2', 'cachet'],
    ['cachet3', 'cachet'],
    ['statusio', 'statusio'],
    ['feed-atom', 'feed'],
  ])('%s: answers JSON with --json', async (name, kind) => {
    const { base } = await serve(name);
    const { code, stdout } = await run(['detect', base, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, kind, url: base });
  });

  it('exits 3 with one sentence when nothing fits', async () => {
    site = await serveSite({ kind: 'feed', entry: '', documents: {} });
    const { code, stdout, stderr } = await run(['detect', site.base]);
    expect(code).toBe(3);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^gandi-status: 127\.0\.0\.1:\d+ answers like no status page format read here \(.*; no feed link found\)\n$/);
  });

  it('reads its arguments strictly', () => {
    expect(parseArgs(['detect', 'https://status.example.com/', '--kind=cachet', '--json'])).toMatchObject({
      mode: 'detect',
      urls: ['https://status.example.com'],
      kind: 'cachet',
      json: true,
    });
    expect(() => parseArgs(['detect'])).toThrow(ArgsError);
    expect(() => parseArgs(['detect', 'https://a.example', 'https://b.example'])).toThrow(/one status page address/);
    expect(() => parseArgs(['detect', 'https://a.example', '--watch'])).toThrow(/unknown option --watch/);
    expect(() => parseArgs(['detect', 'https://a.example', '--kind', 'rss'])).toThrow(/--kind must be one of auto, statuspage, gandi-legacy, incident-io, instatus, betterstack, cachet, statusio, feed/);
  });
});

describe('gandi-status --url on every format', () => {
  it.each([
    ['incident-io', 1],
    ['instatus', 1],
    ['betterstack', 1],
    ['cachet2', 1],
    ['cachet3', 1],
    ['statusio', 1],
    ['feed-atom', 1],
    ['feed-rss', 1],
  ])('%s: detected and shown, Nagios exit %i', async (name, exit) => {
    const served = await serve(name);
    const entry = `${served.base}${SITES[name]?.entry ?? ''}`;
    const { code, stdout, stderr } = await run(['--url', entry]);
    expect(stderr).toBe('');
    expect(code).toBe(exit);
    expect(stdout.length).toBeGreaterThan(0);
  });

  it.each(['instatus', 'betterstack', 'cachet', 'statusio', 'feed', 'incident-io'])('accepts --kind %s', (kind) => {
    expect(parseArgs(['--url', 'https://status.example.com', '--kind', kind]).kind).toBe(kind);
  });

  it('takes the forced format without detecting', async () => {
    const served = await serve('betterstack');
    const { code, stdout } = await run(['--url', served.base, '--kind', 'betterstack', '--json']);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ overall: 'degraded', sources: [{ kind: 'betterstack', name: 'Acme Cloud' }] });
    expect(served.requests).toEqual(['/index.json']);
  });
});
