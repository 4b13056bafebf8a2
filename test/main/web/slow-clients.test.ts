// Clients that read slowly or never, and requests that never finish, cannot make the dashboard
// server grow: states are coalesced for a full socket, a client holding too much is dropped, a
// request body has a deadline (the event stream itself has none).
import net from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IncidentEvent, StatusSnapshot } from '../../../common/model';
import { defaultSettings } from '../../../common/settings';
import { listenDashboard, type ListeningDashboard } from '../../../main/web/dashboard';
import { createSettingsController } from '../../../main/web/settings-controller';
import { createFakeStatus, openSse, until, type FakeStatus, type SseFrame } from './fakes';

/** About 1 MB of JSON: a page with 1,000 services of long names. */
function bigSnapshot(round: number): StatusSnapshot {
  return {
    overall: 'operational',
    sources: [
      {
        url: 'https://status.example.test',
        kind: 'statuspage',
        name: 'Example',
        overall: 'operational',
        fetchedAt: new Date(Date.UTC(2026, 0, 1, 0, round)).toISOString(),
        stale: false,
        error: null,
        problem: null,
        services: Array.from({ length: 1000 }, (_, n) => ({ id: `s${n}`, name: `${n} ${'x'.repeat(990)}`, group: null, status: 'operational' as const })),
        incidents: [],
        maintenances: [],
      },
    ],
  };
}

/** About 1 MB of JSON: an incident naming 1,000 services of long names. */
function bigEvent(n: number): IncidentEvent {
  return {
    type: 'incident.opened',
    at: '2026-01-01T00:00:00.000Z',
    sourceUrl: 'https://status.example.test',
    sourceName: 'Example',
    key: `incident.opened|https://status.example.test|i${n}`,
    url: 'https://status.example.test/incidents/i',
    incidentId: `i${n}`,
    title: 'Down',
    status: 'investigating',
    previousStatus: null,
    impact: 'major',
    services: Array.from({ length: 1000 }, (_, k) => `${k} ${'y'.repeat(990)}`),
    serviceIds: [],
    update: null,
  };
}

let dir: string;
let status: FakeStatus;
let dashboard: ListeningDashboard;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'slow-clients-'));
  status = createFakeStatus(bigSnapshot(0));
  dashboard = await listenDashboard({
    port: 0,
    host: '127.0.0.1',
    hostGiven: false,
    staticRoot: dir,
    status,
    settings: createSettingsController({ initial: defaultSettings(), store: null }),
    info: { name: 'Gandi Status', version: '0.1.0', platform: 'web', locale: 'en-US' },
    requestTimeoutMs: 1000,
    maxBufferedBytes: 2 * 1024 * 1024,
  });
});
afterEach(async () => {
  await dashboard.close();
  await rm(dir, { recursive: true, force: true });
});

/** A raw connection that asks for the stream, then stops reading until `resume()`. */
function stuckStream(): { socket: net.Socket; received: () => string; ended: Promise<void> } {
  const socket = net.connect(dashboard.port, '127.0.0.1');
  let text = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (text += chunk));
  const ended = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  socket.on('error', () => undefined);
  socket.write(`GET /api/stream HTTP/1.1\r\nHost: 127.0.0.1:${dashboard.port}\r\n\r\n`);
  socket.pause();
  return { socket, received: () => text, ended };
}

const frameCount = (text: string, event: string): number => text.split(`event: ${event}\n`).length - 1;

describe('a dashboard client that does not read', () => {
  it('gets only the newest state once it reads again, not every state pushed meanwhile', async () => {
    const client = stuckStream();
    await new Promise((resolve) => setTimeout(resolve, 100));
    for (let round = 1; round <= 40; round += 1) {
      status.push({ snapshot: bigSnapshot(round), events: [] });
      await new Promise((resolve) => setImmediate(resolve));
    }
    client.socket.resume();
    const newest = bigSnapshot(40).sources[0]?.fetchedAt ?? '';
    await until(() => client.received().includes(newest), 'the newest state', 10_000);
    expect(frameCount(client.received(), 'state')).toBeLessThan(20);
    client.socket.destroy();
  });

  it('is let go once it holds more than the bound, and a reading client is not', async () => {
    const frames: SseFrame[] = [];
    const reader = openSse(`${dashboard.url}/api/stream`, (frame) => frames.push(frame));
    const client = stuckStream();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const events = (): number => frames.filter((frame) => frame.event === 'event').length;
    for (let n = 0; n < 20; n += 1) {
      status.push({ snapshot: bigSnapshot(0), events: [bigEvent(n)] });
      await until(() => events() === n + 1, 'the reader to read the event', 10_000);
    }
    client.socket.resume();
    await client.ended;
    expect(frameCount(client.received(), 'event')).toBeLessThan(20);
    reader.close();
  });

  it('sees an unchanged state only once', async () => {
    const frames: SseFrame[] = [];
    const reader = openSse(`${dashboard.url}/api/stream`, (frame) => frames.push(frame));
    await until(() => frames.length === 1, 'the first state');
    status.push({ snapshot: bigSnapshot(1), events: [] });
    status.push({ snapshot: bigSnapshot(1), events: [] });
    status.push({ snapshot: bigSnapshot(2), events: [] });
    await until(() => frames.length === 3, 'two new states');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(frames.map((frame) => (JSON.parse(frame.data) as StatusSnapshot).sources[0]?.fetchedAt)).toEqual([0, 1, 2].map((r) => bigSnapshot(r).sources[0]?.fetchedAt));
    reader.close();
  });
});

describe('request deadlines', () => {
  it('closes a request whose body never comes, and keeps an event stream open past the deadline', async () => {
    const frames: SseFrame[] = [];
    const reader = openSse(`${dashboard.url}/api/stream`, (frame) => frames.push(frame));
    const slow = net.connect(dashboard.port, '127.0.0.1');
    let answer = '';
    slow.setEncoding('utf8');
    slow.on('data', (chunk: string) => (answer += chunk));
    slow.on('error', () => undefined);
    const closed = new Promise<void>((resolve) => slow.on('close', () => resolve()));
    slow.write(`PUT /api/settings HTTP/1.1\r\nHost: 127.0.0.1:${dashboard.port}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"a":`);
    const started = Date.now();
    await closed;
    expect(Date.now() - started).toBeLessThan(5000);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    // The stream outlived the deadline: a push still arrives.
    status.push({ snapshot: bigSnapshot(9), events: [] });
    await until(() => frames.length === 2, 'a push after the deadline');
    reader.close();
  });
});
