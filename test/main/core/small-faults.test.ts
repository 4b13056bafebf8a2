// The smaller faults over time, one line each in the issue: recovery before its news, temporary
// files of killed writes, one warning for a lasting problem, JSON labelled as a web page, capped
// Retry-After said as capped, duplicate ids, and one summary request on an auto page's first poll.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient, SourceError } from '../../../main/core/http';
import type { PollerTimers } from '../../../main/core/poller';
import { createFileStateStore } from '../../../main/core/state-store';
import { createStatusCore } from '../../../main/core/status-core';
import { fakeStatuspage, PAGE_URL, rawIncident } from './fake-statuspage';

const idle: PollerTimers = { setTimeout: () => 0, clearTimeout: () => undefined };
const minutesAgo = (minutes: number): string => new Date(Date.now() - minutes * 60_000).toISOString();
let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'small-faults-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('the core', () => {
  it('announces a recovery before the news it made visible', async () => {
    const page = fakeStatuspage();
    page.summary.incidents = [rawIncident('inc1', [{ status: 'investigating', at: minutesAgo(30) }])];
    const heard: string[] = [];
    const core = createStatusCore({ sources: [{ url: PAGE_URL, kind: 'statuspage' }], fetch: page.fetch, timers: idle });
    core.subscribe(({ events }) => heard.push(...events.map((event) => event.type)));
    await core.start();
    await core.refreshNow();
    page.fail = () => new Response('busy', { status: 500 });
    await core.refreshNow();
    await core.refreshNow();
    page.fail = null;
    page.summary.incidents = [rawIncident('inc1', [{ status: 'investigating', at: minutesAgo(30) }, { status: 'resolved', at: minutesAgo(1) }])];
    await core.refreshNow();
    await core.stop();
    expect(heard).toEqual(['incident.opened', 'source.unreachable', 'source.recovered', 'incident.resolved']);
  });

  it('reads an incident listed twice as one, with no update made up between the copies', async () => {
    const page = fakeStatuspage();
    const open = rawIncident('inc1', [{ status: 'investigating', at: minutesAgo(30) }]);
    const closed = rawIncident('inc1', [{ status: 'investigating', at: minutesAgo(30) }, { status: 'resolved', at: minutesAgo(20) }]);
    page.summary.incidents = [open, closed];
    const heard: string[] = [];
    const core = createStatusCore({ sources: [{ url: PAGE_URL, kind: 'statuspage' }], fetch: page.fetch, timers: idle });
    core.subscribe(({ events }) => heard.push(...events.map((event) => event.type)));
    await core.start();
    await core.refreshNow();
    await core.refreshNow();
    await core.refreshNow();
    await core.stop();
    expect(heard).toEqual(['incident.opened']);
    expect(core.getSnapshot().sources[0]?.incidents.map((incident) => incident.id)).toEqual(['inc1']);
  });

  it('asks for the summary once on the first poll of an auto page', async () => {
    const page = fakeStatuspage();
    const core = createStatusCore({ sources: [{ url: PAGE_URL, kind: 'auto' }], fetch: page.fetch, timers: idle });
    await core.start();
    await core.refreshNow();
    expect(page.fetch.calls.filter((url) => url.endsWith('/api/v2/summary.json'))).toHaveLength(1);
    expect(core.getSnapshot().sources[0]).toMatchObject({ kind: 'statuspage', stale: false });
    await core.refreshNow();
    expect(page.fetch.calls.filter((url) => url.endsWith('/api/v2/summary.json'))).toHaveLength(2);
    await core.stop();
  });
});

describe('the state file', () => {
  it('sweeps the temporary files of writes killed midway, not those of a live writer', async () => {
    const file = path.join(dir, 'state.json');
    const dead = `${file}.2147483646.7.tmp`;
    const live = `${file}.${process.pid}.999.tmp`;
    await fs.writeFile(dead, '{"half');
    await fs.writeFile(live, '{"half');
    await createFileStateStore(file).load();
    expect((await fs.readdir(dir)).sort()).toEqual([path.basename(live)]);
  });

  it('says a lasting problem once, not at every save', async () => {
    const blocker = path.join(dir, 'not-a-folder');
    await fs.writeFile(blocker, '');
    const warnings: string[] = [];
    const store = createFileStateStore(path.join(blocker, 'state.json'), { onWarning: (m) => warnings.push(m) });
    const state = { version: 1 as const, snapshots: [], announced: [] };
    for (let n = 0; n < 5; n += 1) await store.save(state);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Cannot save state to /);
  });
});

describe('the HTTP client', () => {
  const answering = (body: string, headers: Record<string, string>, status = 200) =>
    createHttpClient({ fetch: async () => new Response(body, { status, headers }), timeoutMs: 2000 });

  it('reads JSON a server labels as text/html, and still refuses a web page', async () => {
    expect((await answering('{"status":{"indicator":"none"}}', { 'content-type': 'text/html' }).getJson('https://s.example.test/a')).body).toEqual({ status: { indicator: 'none' } });
    await expect(answering('<html>oops</html>', { 'content-type': 'text/html' }).getJson('https://s.example.test/a')).rejects.toMatchObject({ problem: { case: 'web-page' } });
  });

  it.each([
    ['a year', '31536000'],
    ['more than a number holds', '9'.repeat(400)],
  ])('says the wait it will honour for a Retry-After of %s: one hour', async (_, retryAfter) => {
    const error = await answering('', { 'retry-after': retryAfter }, 429).getJson('https://s.example.test/a').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).message).toBe('s.example.test answered HTTP 429 (retry after 3600 s)');
    expect((error as SourceError).problem.retryAfterSeconds).toBe(3600);
  });
});

describe('a redirect', () => {
  it('is followed within the site, and refused, saying where, to another site', async () => {
    const { createServer } = await import('node:http');
    const summary = JSON.stringify({ page: { name: 'Elsewhere' }, status: { indicator: 'major', description: 'down' } });
    const target = createServer((_, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(summary));
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    const port = (target.address() as { port: number }).port;
    const redirecting = createServer((req, res) => {
      const host = req.url?.startsWith('/same') ? '127.0.0.1' : 'localhost';
      res.writeHead(302, { location: `http://${host}:${port}/api/v2/summary.json` }).end();
    });
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    const from = `http://127.0.0.1:${(redirecting.address() as { port: number }).port}`;
    try {
      const http = createHttpClient({ fetch: (url, init) => fetch(url, init), timeoutMs: 2000 });
      expect((await http.getJson(`${from}/same`)).body).toEqual(JSON.parse(summary));
      const refused = await http.getJson(`${from}/other`).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(SourceError);
      expect((refused as SourceError).message).toBe(`127.0.0.1:${from.split(':')[2]} sent the request on to another site (localhost:${port}); its answer is not used`);
    } finally {
      await Promise.all([new Promise((resolve) => target.close(resolve)), new Promise((resolve) => redirecting.close(resolve))]);
    }
  });
});
