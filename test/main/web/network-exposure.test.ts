// A dashboard reachable from other machines: listed host names only, an access token on every
// request, and no status page on a private address (the server is not a probe into its network).
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../common/settings';
import { parseDashboardArgs } from '../../../main/web/args';
import { hostPolicyFor } from '../../../main/web/http-guard';
import { isPrivateAddress, privateSourceProblem } from '../../../main/web/network-exposure';
import { startDashboardServer, type RunningDashboard } from '../../../main/web/start';

let running: RunningDashboard | null = null;
afterEach(async () => {
  await running?.stop();
  running = null;
});

describe('binding beyond loopback', () => {
  it('refuses a wildcard bind that names no host, and accepts one that does', () => {
    const bare = parseDashboardArgs(['--host', '0.0.0.0']);
    expect(bare.ok).toBe(false);
    expect(bare.ok ? '' : bare.error).toContain('--allow-host');
    expect(parseDashboardArgs(['--host', '0.0.0.0', '--allow-host', 'status.example.test']).ok).toBe(true);
  });

  it('never accepts any Host on a wildcard bind: loopback and the listed names only', () => {
    const policy = hostPolicyFor(8787, '0.0.0.0', true, ['status.example.test']);
    expect([...policy.allowedHosts].sort()).toEqual(['127.0.0.1:8787', '[::1]:8787', 'localhost:8787', 'status.example.test:8787']);
  });

  it('serves nothing without the access link; the link sets a cookie that opens everything', async () => {
    const parsed = parseDashboardArgs(['--host', '0.0.0.0', '--allow-host', 'status.example.test', '--port', '0', '--url', 'https://status.example.test']);
    if (!parsed.ok) throw new Error(parsed.error);
    running = await startDashboardServer({ args: parsed.args, staticRoot: '/nonexistent', onWarning: () => undefined });
    const base = running.url;
    expect(running.accessUrl).toMatch(/\/\?access=[\w-]{20,}$/);

    expect((await fetch(`${base}/api/state`)).status).toBe(401);
    expect((await fetch(`${base}/api/state?access=wrong`)).status).toBe(401);
    const grant = await fetch(running.accessUrl ?? '', { redirect: 'manual' });
    expect(grant.status).toBe(303);
    expect(grant.headers.get('location')).toBe('/');
    const cookie = (grant.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(grant.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    expect((await fetch(`${base}/api/state`, { headers: { cookie } })).status).toBe(200);
    // DNS rebinding: the right cookie from a name nobody listed is still refused.
    const rebound = await new Promise<number>((resolve, reject) => {
      const request = http.get(`${base}/api/state`, { headers: { cookie, host: `evil.example:${running?.port}` } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
    });
    expect(rebound).toBe(421);

    // The page cannot point the server at the network it sits in.
    const headers = { cookie, 'Content-Type': 'application/json', Origin: base };
    const inside = await fetch(`${base}/api/settings`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ ...defaultSettings(), sources: [{ url: 'http://10.0.0.7:8080', kind: 'auto' }] }),
    });
    const answer = (await inside.json()) as { ok: boolean; error?: string };
    expect(answer.ok).toBe(false);
    expect(answer.error).toContain('private address');
    const outside = await fetch(`${base}/api/settings`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ ...defaultSettings(), sources: [{ url: 'https://93.184.216.34', kind: 'auto' }] }),
    });
    expect(((await outside.json()) as { ok: boolean }).ok).toBe(true);
  });

  it('asks for no token on loopback', async () => {
    const parsed = parseDashboardArgs(['--port', '0', '--url', 'https://status.example.test']);
    if (!parsed.ok) throw new Error(parsed.error);
    running = await startDashboardServer({ args: parsed.args, staticRoot: '/nonexistent', onWarning: () => undefined });
    expect(running.accessUrl).toBeNull();
    expect((await fetch(`${running.url}/api/state`)).status).toBe(200);
  });
});

describe('private addresses', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.32.0.1', false],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['::1', true],
    ['fd00::1', true],
    ['fe80::1', true],
    ['::ffff:10.0.0.1', true],
    ['93.184.216.34', false],
    ['2606:4700::1111', false],
  ])('%s is private: %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });

  it('resolves names, so a public name pointing inside is refused too', async () => {
    expect(await privateSourceProblem('https://inside.example', async () => ['10.0.0.9'])).toContain('10.0.0.9');
    expect(await privateSourceProblem('https://status.example', async () => ['93.184.216.34'])).toBeNull();
    expect(await privateSourceProblem('http://localhost:8080')).toContain('this machine');
  });
});
