// The read-only client against the simulator over real HTTP: Bearer token, pagination by
// Total-Count and Link to a bound, 429 and 5xx waited out, 401/403 told apart (a 403 that is not
// JSON too), redirects not followed, a budget of requests, and the base changed only by GANDI_API_URL.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createGandiApi, gandiApiBase, GANDI_API_BASE, GandiApiError, type GandiApiOptions } from '../../../../main/core/account/gandi-api';
import { domainSchema } from '../../../../main/core/account/api-schemas';
import { SIM_TOKENS, startGandiApiSimulator, type GandiApiSimulator } from '../../../simulator/gandi-api';

let sim: GandiApiSimulator;
let waits: number[];

beforeAll(async () => {
  sim = await startGandiApiSimulator();
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.setScenario('fixtures');
  sim.setFault(null);
  sim.requests.length = 0;
  waits = [];
});

function api(options: Partial<GandiApiOptions> = {}) {
  return createGandiApi({
    token: SIM_TOKENS.all,
    fetch: (url, init) => fetch(url, init),
    base: sim.url,
    sleep: async (ms) => {
      waits.push(ms);
    },
    minIntervalMs: 0,
    ...options,
  });
}

async function failure(promise: Promise<unknown>): Promise<GandiApiError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(GandiApiError);
  return error as GandiApiError;
}

describe('the Gandi API client', () => {
  it('sends GET with the Bearer token and reads a document', async () => {
    const info = await api().get('organization/user-info', z.object({ username: z.string() }));
    expect(info.username).toBe('alice_martin');
    expect(sim.requests).toEqual([expect.objectContaining({ method: 'GET', path: '/v5/organization/user-info', authorization: `Bearer ${SIM_TOKENS.all}` })]);
  });

  it('follows Link pages to the end, and Total-Count says how many there are', async () => {
    const client = api({ perPage: 3 });
    const list = await client.getAll('domain/domains', domainSchema);
    expect(list.items.map((d) => d.fqdn)).toEqual(['example-shop.fr', 'expired-brand.com', 'held-startup.net', 'external-dns.org']);
    expect(list).toMatchObject({ total: 4, complete: true, skipped: 0 });
    expect(sim.requests.map((r) => r.query)).toEqual(['?per_page=3&page=1', '?per_page=3&page=2']);
  });

  it('stops at the page bound and says the list is incomplete', async () => {
    sim.setScenario('many');
    const list = await api({ perPage: 10, maxPages: 3 }).getAll('domain/domains', domainSchema);
    expect(list).toMatchObject({ total: 200, complete: false });
    expect(list.items).toHaveLength(30);
    expect(sim.requests).toHaveLength(3);
  });

  it('leaves out an item that does not fit, not the list', async () => {
    const client = createGandiApi({
      token: 't',
      base: 'https://api.example/v5/',
      fetch: async () => new Response(JSON.stringify([{ fqdn: 'a.fr' }, { fqdn: 42 }]), { status: 200 }),
      minIntervalMs: 0,
    });
    expect(await client.getAll('domain/domains', domainSchema)).toMatchObject({ items: [{ fqdn: 'a.fr' }], skipped: 1, complete: true });
  });

  it('waits out a 429 as Retry-After says, then reads', async () => {
    sim.setFault({ kind: '429-retry-after', times: 1 });
    await api().get('billing/info', z.object({}));
    expect(waits).toEqual([1000]);
    expect(sim.requests).toHaveLength(2);
  });

  it('backs off 2, 4, 8 s on a 429 without Retry-After or a 5xx, then gives up as unreachable', async () => {
    sim.setFault({ kind: '500' });
    const error = await failure(api().get('billing/info', z.object({})));
    expect(error).toMatchObject({ kind: 'unreachable', detail: 'HTTP 500' });
    expect(waits).toEqual([2000, 4000, 8000]);
    sim.setFault({ kind: '429', times: 2 });
    waits = [];
    await api().get('billing/info', z.object({}));
    expect(waits).toEqual([2000, 4000]);
  });

  it('tells 401 (token refused) from 403 (permission), a 403 that is not JSON included', async () => {
    expect(await failure(api({ token: 'unknown' }).get('billing/info', z.object({})))).toMatchObject({ kind: 'unauthorized' });
    expect(await failure(api({ token: SIM_TOKENS.noBilling }).get('billing/info', z.object({})))).toMatchObject({ kind: 'forbidden' });
    sim.setFault({ kind: '403-not-json' });
    expect(await failure(api().get('billing/info', z.object({})))).toMatchObject({ kind: 'forbidden', detail: 'HTTP 403' });
  });

  it('says a web page or a wrong shape is an unexpected answer', async () => {
    sim.setFault({ kind: 'not-json' });
    expect(await failure(api().get('billing/info', z.object({})))).toMatchObject({ kind: 'unexpected', detail: 'not JSON' });
    sim.setFault(null);
    expect(await failure(api().get('billing/info', z.object({ grid: z.number() })))).toMatchObject({ kind: 'unexpected', detail: 'grid' });
  });

  it('never follows a redirect (it would carry the token elsewhere)', async () => {
    const seen: (string | undefined)[] = [];
    const client = createGandiApi({
      token: 't',
      base: 'https://api.example/v5/',
      fetch: async (_, init) => {
        seen.push(init?.redirect);
        return new Response(null, { status: 302, headers: { location: 'https://elsewhere.example/' } });
      },
      minIntervalMs: 0,
    });
    expect(await failure(client.get('billing/info', z.object({})))).toMatchObject({ kind: 'unexpected', detail: 'HTTP 302' });
    expect(seen).toEqual(['manual']);
  });

  it('follows no Link to another origin', async () => {
    const calls: string[] = [];
    const client = createGandiApi({
      token: 't',
      base: 'https://api.example/v5/',
      perPage: 1,
      fetch: async (url) => {
        calls.push(url);
        return new Response(JSON.stringify([{ fqdn: 'a.fr' }]), { status: 200, headers: { link: '<https://evil.example/v5/domain/domains?page=2>; rel="next"', 'total-count': '1' } });
      },
      minIntervalMs: 0,
    });
    await client.getAll('domain/domains', domainSchema);
    expect(calls).toEqual(['https://api.example/v5/domain/domains?per_page=1&page=1']);
  });

  it('makes no more requests than its budget, retries included', async () => {
    sim.setFault({ kind: '500' });
    const client = api({ maxRequests: 2 });
    expect(await failure(client.get('billing/info', z.object({})))).toMatchObject({ kind: 'budget' });
    expect(sim.requests).toHaveLength(2);
    expect(client.remaining()).toBe(0);
  });

  it('says a server out of reach is unreachable, with a code and not the request', async () => {
    const error = await failure(api({ base: 'http://127.0.0.1:1/v5/' }).get('billing/info', z.object({})));
    expect(error.kind).toBe('unreachable');
    expect(error.detail).toMatch(/^[A-Z]+|TypeError$/);
  });

  it("uses Gandi's base unless GANDI_API_URL names another", () => {
    expect(gandiApiBase({})).toBe(GANDI_API_BASE);
    expect(GANDI_API_BASE).toBe('https://api.gandi.net/v5/');
    expect(gandiApiBase({ GANDI_API_URL: 'http://127.0.0.1:8080/v5' })).toBe('http://127.0.0.1:8080/v5/');
    expect(() => gandiApiBase({ GANDI_API_URL: 'file:///etc/passwd' })).toThrow(/http/);
    expect(() => gandiApiBase({ GANDI_API_URL: 'https://u:p@x.example/' })).toThrow(/credentials/);
  });
});
