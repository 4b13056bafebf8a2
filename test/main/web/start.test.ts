// The dashboard with the real core, polling the simulator over HTTP.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDashboardServer, type RunningDashboard } from '../../../main/web/start';
import { defaultSettings } from '../../../common/settings';
import { type AppState } from '../../../common/window-api';
import { startSimulator, type Simulator } from '../../simulator/server';

let first: Simulator;
let second: Simulator;
let dashboard: RunningDashboard;

const json = { 'Content-Type': 'application/json' };
const state = async (): Promise<AppState> => (await (await fetch(`${dashboard.url}/api/state`)).json()) as AppState;

beforeEach(async () => {
  [first, second] = await Promise.all([startSimulator({ port: 0, scenario: 'all-clear' }), startSimulator({ port: 0, scenario: 'incident-life' })]);
  dashboard = await startDashboardServer({
    args: { urls: [first.url], port: 0, host: '127.0.0.1', hostGiven: false, settingsFile: null, stateFile: null, allowHosts: [], allowPrivateSources: false, help: false },
    staticRoot: '/nonexistent',
    onWarning: () => undefined,
  });
});

afterEach(async () => {
  await dashboard.stop();
  await Promise.all([first.close(), second.close()]);
});

describe('startDashboardServer', () => {
  it('polls the --url source and serves what it found', async () => {
    await fetch(`${dashboard.url}/api/refresh`, { method: 'POST', headers: json, body: '{}' });
    const current = await state();
    expect(current.settings.sources).toEqual([{ url: first.url, kind: 'auto' }]);
    expect(current.snapshot.sources[0]).toMatchObject({ url: first.url, name: 'Gandi.net Status', stale: false, overall: 'operational' });
    expect(current.snapshot.sources[0]?.services.length).toBeGreaterThan(5);
  });

  it('applies new sources from saved settings to the running core', async () => {
    const settings = { ...defaultSettings(), sources: [{ url: second.url, kind: 'auto' as const }] };
    const saved = await fetch(`${dashboard.url}/api/settings`, { method: 'PUT', headers: json, body: JSON.stringify(settings) });
    expect(saved.status).toBe(200);
    await fetch(`${dashboard.url}/api/refresh`, { method: 'POST', headers: json, body: '{}' });
    const current = await state();
    expect(current.snapshot.sources.map((source) => source.url)).toEqual([second.url]);
    expect(current.snapshot.sources[0]?.incidents[0]?.title).toBe('Web hosting unreachable on FR-SD5');
  });

  it('says the window is not built instead of serving nothing', async () => {
    const page = await fetch(`${dashboard.url}/`);
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('npm run build');
  });
});
