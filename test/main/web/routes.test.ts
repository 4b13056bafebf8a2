import http from 'node:http';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IncidentEvent, StatusSnapshot } from '../../../common/model';
import { listenDashboard, type ListeningDashboard } from '../../../main/web/dashboard';
import { CONTENT_SECURITY_POLICY } from '../../../main/web/http-guard';
import { createSettingsController, type SettingsController } from '../../../main/web/settings-controller';
import { defaultSettings, type Settings } from '../../../common/settings';
import { type AppState } from '../../../common/window-api';
import { createFakeStatus, openSse, until, type FakeStatus, type SseFrame } from './fakes';

const snapshot: StatusSnapshot = {
  overall: 'operational',
  sources: [
    {
      url: 'https://status.gandi.net',
      kind: 'statuspage',
      name: 'Gandi',
      overall: 'operational',
      fetchedAt: '2026-11-25T04:00:00.000Z',
      stale: false,
      error: null,
      problem: null,
      services: [{ id: 'web', name: 'Web Hosting', group: null, status: 'operational' }],
      incidents: [
        {
          id: 'inc1',
          title: 'Mail delays',
          status: 'resolved',
          impact: 'minor',
          services: ['web'],
          startedAt: '2026-11-25T02:00:00.000Z',
          updatedAt: '2026-11-25T03:00:00.000Z',
          resolvedAt: '2026-11-25T03:00:00.000Z',
          url: 'https://status.gandi.net/incidents/inc1',
          updates: [],
        },
        {
          id: 'evil',
          title: 'Elsewhere',
          status: 'investigating',
          impact: 'minor',
          services: [],
          startedAt: null,
          updatedAt: null,
          resolvedAt: null,
          url: 'https://evil.example/phish',
          updates: [],
        },
      ],
      maintenances: [],
    },
  ],
};

const openedEvent: IncidentEvent = {
  type: 'incident.opened',
  at: '2026-11-25T04:01:00.000Z',
  sourceUrl: 'https://status.gandi.net',
  sourceName: 'Gandi',
  key: 'incident:inc2:investigating',
  url: 'https://status.gandi.net/incidents/inc2',
  incidentId: 'inc2',
  title: 'Web hosting down',
  status: 'investigating',
  previousStatus: null,
  impact: 'major',
  services: ['Web Hosting'],
  serviceIds: ['web'],
  update: null,
};

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let dir: string;
let root: string;
let status: FakeStatus;
let settings: SettingsController;
let dashboard: ListeningDashboard;

function call(method: string, urlPath: string, options: { headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: dashboard.port, method, path: urlPath, headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const json = { 'Content-Type': 'application/json' };

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dashboard-routes-'));
  root = path.join(dir, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Gandi Status</title>');
  await writeFile(path.join(root, 'assets', 'app-1234.js'), 'console.log(1)');
  await writeFile(path.join(dir, 'secret.txt'), 'do not serve');
  await symlink(path.join(dir, 'secret.txt'), path.join(root, 'linked.txt'));
  status = createFakeStatus(snapshot);
  settings = createSettingsController({ initial: defaultSettings(), store: null });
  dashboard = await listenDashboard({
    port: 0,
    host: '127.0.0.1',
    hostGiven: false,
    staticRoot: root,
    status,
    settings,
    info: { name: 'Gandi Status', version: '0.1.0', platform: 'web', locale: 'en-US' },
    heartbeatMs: 50,
    maxClients: 2,
  });
});

afterEach(async () => {
  await dashboard.close();
  await rm(dir, { recursive: true, force: true });
});

describe('GET /api/state', () => {
  it('returns the snapshot, settings and web platform info, with security headers', async () => {
    const reply = await call('GET', '/api/state');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const state = JSON.parse(reply.body) as AppState;
    expect(state.snapshot.sources[0]?.services[0]?.name).toBe('Web Hosting');
    expect(state.info.platform).toBe('web');
    expect(state.settings.links.ticket).toBe('https://helpdesk.gandi.net/hc/en-us/requests/new');
    expect(state.recentEvents).toEqual([]);
  });

  it('keeps the events pushed so far for pages opened later', async () => {
    status.push({ snapshot, events: [openedEvent] });
    const state = JSON.parse((await call('GET', '/api/state')).body) as AppState;
    expect(state.recentEvents.map((event) => event.key)).toEqual([openedEvent.key]);
  });
});

describe('GET /api/stream', () => {
  it('sends the current state first, then each pushed snapshot and event, and heartbeats', async () => {
    const frames: SseFrame[] = [];
    let raw = '';
    const stream = openSse(`${dashboard.url}/api/stream`, (frame) => frames.push(frame));
    const res = await stream.response;
    res.on('data', (chunk: string) => (raw += chunk));
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    await until(() => frames.length === 1, 'the first state');
    expect(frames[0]?.event).toBe('state');

    const changed: StatusSnapshot = { ...snapshot, overall: 'major_outage' };
    status.push({ snapshot: changed, events: [openedEvent] });
    await until(() => frames.length === 3, 'the pushed update');
    expect(frames[1]?.event).toBe('state');
    expect((JSON.parse(frames[1]?.data ?? '{}') as StatusSnapshot).overall).toBe('major_outage');
    expect(frames[2]?.event).toBe('event');
    expect(JSON.parse(frames[2]?.data ?? '{}')).toMatchObject({ type: 'incident.opened', title: 'Web hosting down' });
    await until(() => raw.includes(': keep-alive'), 'a heartbeat');
    stream.close();
  });

  it('pushes accepted settings to every stream', async () => {
    const frames: SseFrame[] = [];
    const stream = openSse(`${dashboard.url}/api/stream`, (frame) => frames.push(frame));
    await until(() => frames.length === 1, 'the first state');
    const next: Settings = { ...defaultSettings(), language: 'fr' };
    await call('PUT', '/api/settings', { headers: json, body: JSON.stringify(next) });
    await until(() => frames.some((frame) => frame.event === 'settings'), 'the settings push');
    expect(JSON.parse(frames.find((frame) => frame.event === 'settings')?.data ?? '{}')).toMatchObject({ language: 'fr' });
    stream.close();
  });

  it('refuses clients beyond the cap and frees a slot when one disconnects', async () => {
    const frames: SseFrame[] = [];
    const first = openSse(`${dashboard.url}/api/stream`, (frame) => frames.push(frame));
    const second = openSse(`${dashboard.url}/api/stream`, (frame) => frames.push(frame));
    await until(() => frames.length === 2, 'two streams');
    expect((await call('GET', '/api/stream')).status).toBe(503);
    first.close();
    // The server notices the disconnect asynchronously: retry until a new stream is accepted.
    const deadline = Date.now() + 3000;
    let accepted = false;
    while (!accepted && Date.now() < deadline) {
      const third = openSse(`${dashboard.url}/api/stream`, () => undefined);
      accepted = (await third.response).statusCode === 200;
      third.close();
      if (!accepted) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(accepted).toBe(true);
    second.close();
  });
});

describe('POST /api/refresh', () => {
  it('polls the core now', async () => {
    const reply = await call('POST', '/api/refresh', { headers: json, body: '{}' });
    expect(reply.status).toBe(200);
    expect(status.refreshCount()).toBe(1);
  });

  it('refuses a cross-site form post (no JSON type) and a foreign Origin', async () => {
    expect((await call('POST', '/api/refresh', { headers: { 'Content-Type': 'text/plain' }, body: '' })).status).toBe(415);
    const foreign = await call('POST', '/api/refresh', { headers: { ...json, Origin: 'http://evil.example' }, body: '{}' });
    expect(foreign.status).toBe(403);
    expect(status.refreshCount()).toBe(0);
  });

  it('accepts the page’s own Origin', async () => {
    const own = await call('POST', '/api/refresh', { headers: { ...json, Origin: dashboard.url }, body: '{}' });
    expect(own.status).toBe(200);
  });

  it('only answers POST', async () => {
    const reply = await call('GET', '/api/refresh');
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('POST');
  });
});

describe('Host check (DNS rebinding)', () => {
  it('refuses a foreign Host on reads and writes', async () => {
    expect((await call('GET', '/api/state', { headers: { Host: `evil.example:${dashboard.port}` } })).status).toBe(421);
    expect((await call('GET', '/', { headers: { Host: 'evil.example' } })).status).toBe(421);
    const write = await call('PUT', '/api/settings', { headers: { ...json, Host: `evil.example:${dashboard.port}` }, body: '{}' });
    expect(write.status).toBe(421);
  });

  it('accepts localhost and 127.0.0.1 on the right port only', async () => {
    expect((await call('GET', '/api/state', { headers: { Host: `localhost:${dashboard.port}` } })).status).toBe(200);
    expect((await call('GET', '/api/state', { headers: { Host: `127.0.0.1:${dashboard.port + 1}` } })).status).toBe(421);
  });
});

describe('/api/settings', () => {
  it('returns the settings and saves valid ones', async () => {
    expect((JSON.parse((await call('GET', '/api/state')).body) as AppState).settings).toEqual(defaultSettings());
    expect((await call('GET', '/api/settings')).status).toBe(405);
    const next: Settings = { ...defaultSettings(), pollIntervalSeconds: 120 };
    const reply = await call('PUT', '/api/settings', { headers: json, body: JSON.stringify(next) });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, settings: next });
    expect(settings.get().pollIntervalSeconds).toBe(120);
  });

  it.each([
    ['an interval under the minimum', { ...defaultSettings(), pollIntervalSeconds: 5 }, 'pollIntervalSeconds'],
    ['a javascript: ticket link', { ...defaultSettings(), links: { ...defaultSettings().links, ticket: 'javascript:alert(1)' } }, 'links.ticket'],
    ['no source', { ...defaultSettings(), sources: [] }, 'sources'],
  ])('answers the reason for %s (as the desktop does) and changes nothing', async (_name, body, where) => {
    const reply = await call('PUT', '/api/settings', { headers: json, body: JSON.stringify(body) });
    expect(reply.status).toBe(200);
    const answer = JSON.parse(reply.body) as { ok: boolean; error: string };
    expect(answer.ok).toBe(false);
    expect(answer.error).toContain(where);
    expect(settings.get()).toEqual(defaultSettings());
  });

  it('answers 400 to a body that is not JSON, 415 to another type, 413 when too large', async () => {
    expect((await call('PUT', '/api/settings', { headers: json, body: '{nope' })).status).toBe(400);
    expect((await call('PUT', '/api/settings', { headers: { 'Content-Type': 'text/plain' }, body: '{}' })).status).toBe(415);
    const huge = JSON.stringify({ ...defaultSettings(), mutedServices: ['x'.repeat(70 * 1024)] });
    expect((await call('PUT', '/api/settings', { headers: json, body: huge })).status).toBe(413);
  });
});

describe('POST /api/open-external', () => {
  const open = (target: unknown) => call('POST', '/api/open-external', { headers: json, body: JSON.stringify(target) });

  it('resolves the support links from settings', async () => {
    expect(JSON.parse((await open({ kind: 'ticket' })).body)).toEqual({ url: 'https://helpdesk.gandi.net/hc/en-us/requests/new' });
    expect(JSON.parse((await open({ kind: 'chat' })).body)).toEqual({ url: 'https://admin.gandi.net' });
    expect(JSON.parse((await open({ kind: 'status-page' })).body)).toEqual({ url: 'https://status.gandi.net' });
  });

  it('resolves an incident of the snapshot to its page', async () => {
    const reply = await open({ kind: 'incident', sourceUrl: 'https://status.gandi.net', id: 'inc1' });
    expect(JSON.parse(reply.body)).toEqual({ url: 'https://status.gandi.net/incidents/inc1' });
  });

  it('refuses a URL the page made up, an unknown incident and an off-site incident link', async () => {
    expect((await open({ kind: 'url', url: 'https://evil.example' })).status).toBe(400);
    expect((await open({ kind: 'incident', sourceUrl: 'https://status.gandi.net', id: 'nope' })).status).toBe(403);
    const offSite = await open({ kind: 'incident', sourceUrl: 'https://status.gandi.net', id: 'evil' });
    expect(offSite.status).toBe(403);
    expect(offSite.body).not.toContain('evil.example');
  });
});

describe('static files', () => {
  it('serves the page and its assets with their types and the CSP', async () => {
    const page = await call('GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.body).toContain('Gandi Status');
    const script = await call('GET', '/assets/app-1234.js');
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/linked.txt', '/nope.html', '/%00'])(
    'refuses %s',
    async (urlPath) => {
      const reply = await call('GET', urlPath);
      expect(reply.status).toBe(404);
      expect(reply.body).not.toContain('do not serve');
    },
  );

  it('does not accept writes outside the API', async () => {
    expect((await call('POST', '/index.html', { headers: json, body: '{}' })).status).toBe(405);
  });
});
