import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from './server';
import { INCIDENT_ID, INCIDENT_LEGACY_ID, MAINTENANCE_LEGACY_ID } from './scenarios';

type Json = Record<string, unknown>;

let sim: Simulator;
let clock: Date;

beforeEach(async () => {
  clock = new Date('2026-03-02T09:00:00.000Z');
  sim = await startSimulator({ port: 0, scenario: 'all-clear', now: () => clock, stallMs: 300, hugeBytes: 10 * 1024 * 1024 });
});

afterEach(async () => {
  await sim.close();
});

function later(minutes: number): void {
  clock = new Date(clock.getTime() + minutes * 60_000);
}

async function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${sim.url}${path}`, { headers });
}

async function getJson(path: string): Promise<Json> {
  const response = await get(path);
  expect(response.status).toBe(200);
  return (await response.json()) as Json;
}

async function getList(path: string): Promise<Json[]> {
  const response = await get(path);
  expect(response.status).toBe(200);
  return (await response.json()) as Json[];
}

function records(value: unknown): Json[] {
  expect(Array.isArray(value)).toBe(true);
  return value as Json[];
}

function component(summary: Json, name: string): Json {
  const found = records(summary.components).find((c) => c.name === name);
  expect(found, name).toBeDefined();
  return found as Json;
}

function service(services: Json[], name: string): string {
  return String(services.find((s) => s.name === name)?.status);
}

describe('simulator: all clear', () => {
  it('listens on 127.0.0.1 only and serves Gandi\'s real components, groups included', async () => {
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const summary = await getJson('/api/v2/summary.json');
    expect(records(summary.components)).toHaveLength(27);
    expect(records(summary.components).filter((c) => c.group === true).map((c) => c.name)).toEqual(
      expect.arrayContaining(['DNS', 'Gandimail', 'Hosting', 'Portal', 'APIs']),
    );
    expect(records(summary.components).every((c) => c.status === 'operational')).toBe(true);
    expect(summary.status).toEqual({ indicator: 'none', description: 'All Systems Operational' });
    expect(summary.incidents).toEqual([]);
    expect(summary.scheduled_maintenances).toEqual([]);
    expect((summary.page as Json).url).toBe(sim.url);
  });

  it('tells the same story through the legacy API', async () => {
    expect(await getJson('/api/status')).toEqual({ status: 'SUNNY' });
    const services = await getList('/api/services');
    expect(services.map((s) => s.name)).toEqual(['IAAS', 'PAAS', 'Site', 'API', 'SSL', 'Domain', 'Email']);
    expect(services.every((s) => s.status === 'SUNNY')).toBe(true);
    expect(await getList('/api/events?current=true')).toEqual([]);
    const schema = await getJson('/api/status/schema');
    expect(JSON.stringify(schema)).toContain('STORMY');
  });

  it('answers 404 for unknown paths and 405 for other methods', async () => {
    expect((await get('/api/v2/nothing.json')).status).toBe(404);
    expect((await fetch(`${sim.url}/api/status`, { method: 'POST' })).status).toBe(405);
  });
});

describe('simulator: incident life', () => {
  it('goes investigating -> identified -> monitoring -> resolved, adding a timed update each step', async () => {
    sim.setScenario('incident-life');
    const expected = [
      ['investigating', 'major_outage', 'STORMY'],
      ['identified', 'major_outage', 'STORMY'],
      ['monitoring', 'degraded_performance', 'FOGGY'],
    ] as const;
    for (const [index, [status, componentStatus, weather]] of expected.entries()) {
      if (index > 0) {
        later(10);
        expect(sim.step()).toBe(true);
      }
      const summary = await getJson('/api/v2/summary.json');
      const [incident] = records(summary.incidents);
      expect(incident?.id).toBe(INCIDENT_ID);
      expect(incident?.status).toBe(status);
      const updates = records(incident?.incident_updates);
      expect(updates).toHaveLength(index + 1);
      expect(updates[0]?.status).toBe(status); // newest first
      expect(updates[0]?.created_at).toBe(clock.toISOString());
      expect(component(summary, 'PAAS FR-SD5').status).toBe(componentStatus);
      expect(component(summary, 'Hosting').status).toBe(componentStatus); // the group shows its worst child
      expect((summary.status as Json).indicator).toBe('major');

      expect(await getJson('/api/status')).toEqual({ status: 'STORMY' });
      expect(service(await getList('/api/services'), 'PAAS')).toBe(weather);
      const current = await getList('/api/events?current=true');
      expect(current.map((e) => [e.id, e.category, e.services, e.date_end])).toEqual([
        [INCIDENT_LEGACY_ID, 'Incident', ['PAAS'], null],
      ]);
    }

    const detail = await getJson(`/api/events/${INCIDENT_LEGACY_ID}`);
    expect(typeof detail.summary).toBe('string');
    expect(records(detail.logs)).toHaveLength(2);
    expect(records(detail.logs)[1]?.comment).toMatch(/monitoring/);

    later(10);
    expect(sim.step()).toBe(true);
    expect(sim.step()).toBe(false); // resolved is the end of the story
    const summary = await getJson('/api/v2/summary.json');
    expect(summary.incidents).toEqual([]);
    expect((summary.status as Json).indicator).toBe('none');
    const all = records((await getJson('/api/v2/incidents.json')).incidents);
    expect(all.map((i) => [i.id, i.status, i.resolved_at])).toEqual([[INCIDENT_ID, 'resolved', clock.toISOString()]]);
    expect(records(all[0]?.incident_updates)[0]?.body).toMatch(/resolved/);
    expect(records((await getJson('/api/v2/incidents/unresolved.json')).incidents)).toEqual([]);

    expect(await getJson('/api/status')).toEqual({ status: 'SUNNY' });
    expect(await getList('/api/events?current=true')).toEqual([]);
    const past = await getList('/api/events?current=false');
    expect(past.map((e) => [e.id, e.date_end])).toEqual([[INCIDENT_LEGACY_ID, clock.toISOString().replace('.000Z', '+00:00')]]);

    const page = await get(`/incidents/${INCIDENT_ID}`);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('Web hosting unreachable on FR-SD5');
    expect(await (await get(`/timeline/events/${INCIDENT_LEGACY_ID}`)).text()).toContain('Web hosting unreachable');
  });

  it('filters legacy events by category and service, and refuses bad filters', async () => {
    sim.setScenario('incident-life');
    expect(await getList('/api/events?category=Incident&services=PAAS&current=true')).toHaveLength(1);
    expect(await getList('/api/events?category=Maintenance&current=true')).toEqual([]);
    expect(await getList('/api/events?services=Email')).toEqual([]);
    expect((await get('/api/events?category=Outage')).status).toBe(400);
    expect((await get('/api/events?services=NOPE')).status).toBe(400);
    expect((await get('/api/events?current=maybe')).status).toBe(400);
  });
});

describe('simulator: maintenance life', () => {
  it('goes scheduled -> in_progress -> completed with a window relative to now', async () => {
    sim.setScenario('maintenance-life');
    const start = clock.getTime();
    let summary = await getJson('/api/v2/summary.json');
    let [maintenance] = records(summary.scheduled_maintenances);
    expect(maintenance?.status).toBe('scheduled');
    expect(maintenance?.impact).toBe('maintenance');
    expect(Date.parse(String(maintenance?.scheduled_for))).toBe(start + 2 * 3600_000);
    expect(Date.parse(String(maintenance?.scheduled_until))).toBe(start + 4 * 3600_000);
    expect((summary.status as Json).indicator).toBe('none');
    expect(await getJson('/api/status')).toEqual({ status: 'SUNNY' });
    expect(await getList('/api/events?current=true')).toEqual([]);
    expect((await getList('/api/events?category=Maintenance')).map((e) => e.id)).toEqual([MAINTENANCE_LEGACY_ID]);

    later(120);
    sim.step();
    summary = await getJson('/api/v2/summary.json');
    [maintenance] = records(summary.scheduled_maintenances);
    expect(maintenance?.status).toBe('in_progress');
    expect(component(summary, 'IAAS FR-SD3').status).toBe('under_maintenance');
    expect((summary.status as Json).indicator).toBe('maintenance');
    expect(await getJson('/api/status')).toEqual({ status: 'CLOUDY' });
    expect(service(await getList('/api/services'), 'IAAS')).toBe('CLOUDY');
    expect(records((await getJson('/api/v2/scheduled-maintenances/active.json')).scheduled_maintenances)).toHaveLength(1);

    later(120);
    sim.step();
    summary = await getJson('/api/v2/summary.json');
    expect(summary.scheduled_maintenances).toEqual([]);
    expect(component(summary, 'IAAS FR-SD3').status).toBe('operational');
    const all = records((await getJson('/api/v2/scheduled-maintenances.json')).scheduled_maintenances);
    expect(all.map((m) => m.status)).toEqual(['completed']);
    expect(records(all[0]?.incident_updates).map((u) => u.status)).toEqual(['completed', 'in_progress', 'scheduled']);
    expect(await getJson('/api/status')).toEqual({ status: 'SUNNY' });
  });
});

describe('simulator: flapping', () => {
  it('alternates LiveDNS between degraded and operational on every step, in both APIs', async () => {
    sim.setScenario('flapping');
    const seen: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const summary = await getJson('/api/v2/summary.json');
      const weather = service(await getList('/api/services'), 'Domain');
      seen.push(`${String(component(summary, 'LiveDNS').status)}/${weather}/${String((summary.status as Json).indicator)}`);
      sim.step();
    }
    expect(seen).toEqual([
      'degraded_performance/FOGGY/minor',
      'operational/SUNNY/none',
      'degraded_performance/FOGGY/minor',
      'operational/SUNNY/none',
    ]);
  });
});

describe('simulator: faults', () => {
  it('error-500, rate-limited and unavailable answer with their status and Retry-After', async () => {
    sim.setScenario('error-500');
    expect((await get('/api/v2/summary.json')).status).toBe(500);
    sim.setScenario('rate-limited');
    const limited = await get('/api/status');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    sim.setScenario('unavailable');
    const unavailable = await get('/api/v2/summary.json');
    expect(unavailable.status).toBe(503);
    expect(Number(unavailable.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('invalid-json and the HTML error pages are not JSON', async () => {
    sim.setScenario('invalid-json');
    const invalid = await get('/api/v2/summary.json');
    expect(invalid.status).toBe(200);
    const text = await invalid.text();
    expect(() => JSON.parse(text) as unknown).toThrow();
    sim.setScenario('html-error');
    const gateway = await get('/api/v2/summary.json');
    expect(gateway.status).toBe(502);
    expect(gateway.headers.get('content-type')).toMatch(/text\/html/);
    expect(await gateway.text()).toContain('502 Bad Gateway');
    sim.setScenario('html-error-200');
    const disguised = await get('/api/v2/summary.json');
    expect(disguised.status).toBe(200);
    expect(await disguised.text()).toMatch(/^<html>/);
  });

  it('truncated announces more bytes than it sends, then hangs up', async () => {
    sim.setScenario('truncated');
    const response = await get('/api/v2/summary.json');
    expect(Number(response.headers.get('content-length'))).toBeGreaterThan(1000);
    await expect(response.text()).rejects.toThrow();
  });

  it('huge sends a 10 MB body that is still valid JSON', async () => {
    sim.setScenario('huge');
    const response = await get('/api/v2/summary.json');
    expect(response.headers.get('content-length')).toBe(String(10 * 1024 * 1024));
    const text = await response.text();
    expect(Buffer.byteLength(text)).toBe(10 * 1024 * 1024);
    expect(records((JSON.parse(text) as Json).components)).toHaveLength(27);
  });

  it('stall accepts the request and never answers (the client times out first)', async () => {
    sim.setScenario('stall');
    const started = Date.now();
    await expect(fetch(`${sim.url}/api/v2/summary.json`, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(290);
    expect(sim.requests.all().at(-1)?.status).toBe(0);
  });
});

describe('simulator: conditional requests', () => {
  it('serves ETag and Last-Modified and answers 304 while the document is unchanged', async () => {
    const first = await get('/api/v2/summary.json');
    const etag = first.headers.get('etag');
    const lastModified = first.headers.get('last-modified');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(lastModified).toBe(clock.toUTCString());

    const byTag = await get('/api/v2/summary.json', { 'If-None-Match': String(etag) });
    expect(byTag.status).toBe(304);
    expect(await byTag.text()).toBe('');
    const byDate = await get('/api/v2/summary.json', { 'If-Modified-Since': String(lastModified) });
    expect(byDate.status).toBe(304);

    sim.setScenario('incident-life');
    const changed = await get('/api/v2/summary.json', { 'If-None-Match': String(etag), 'If-Modified-Since': String(lastModified) });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    // Changed within the same second: the date still moves on, so If-Modified-Since alone cannot miss it.
    expect(Date.parse(String(changed.headers.get('last-modified')))).toBeGreaterThan(Date.parse(String(lastModified)));

    const log = sim.requests.forPath('/api/v2/summary.json');
    expect(log.map((r) => r.status)).toEqual([200, 304, 304, 200]);
    expect(log[1]?.ifNoneMatch).toBe(etag);
    expect(log[2]?.ifModifiedSince).toBe(lastModified);
  });
});

describe('simulator: control endpoint', () => {
  it('switches scenarios, steps and reports its state over HTTP', async () => {
    const switched = await fetch(`${sim.url}/__control/scenario`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'incident-life' }),
    });
    expect(switched.status).toBe(200);
    expect(((await switched.json()) as Json).phase).toBe('investigating');

    const stepped = (await (await fetch(`${sim.url}/__control/step`, { method: 'POST' })).json()) as Json;
    expect(stepped).toMatchObject({ advanced: true, step: 1, phase: 'identified', steps: 4 });

    expect(((await getJson('/__control/scenario?name=error-500')) as Json).scenario).toBe('error-500');
    expect(await getJson('/__control/state')).toMatchObject({ scenario: 'error-500', phase: 'error-500' });

    const bad = await get('/__control/scenario?name=meteor-strike');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Json).scenarios).toContain('all-clear');
    // Control requests stay out of the request log.
    expect(sim.requests.all().some((r) => r.path.startsWith('/__control'))).toBe(false);
  });

  it('steps on its own with stepSeconds', async () => {
    const auto = await startSimulator({ scenario: 'incident-life', stepSeconds: 0.05 });
    try {
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(auto.state().phase).toBe('resolved');
    } finally {
      await auto.close();
    }
  });
});
