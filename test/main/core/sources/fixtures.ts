// Real documents from test/fixtures/real (see SOURCES.md there), and a fake fetch that
// serves them by URL.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHttpClient, type HttpClient } from '../../../../main/core/http';
import type { FetchLike } from '../../../../main/core/ports';

const here = path.dirname(fileURLToPath(import.meta.url));
export const FIXTURES_DIR = path.resolve(here, '../../../fixtures/real');

export function fixtureNames(): string[] {
  return readdirSync(FIXTURES_DIR).filter((name) => name.endsWith('.json')).sort();
}

export function fixtureText(name: string): string {
  return readFileSync(path.join(FIXTURES_DIR, name), 'utf8');
}

export function fixture(name: string): unknown {
  return JSON.parse(fixtureText(name)) as unknown;
}

/** A deep copy of a fixture, to mutate. */
export function mutable<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(fixtureText(name)) as T;
}

export type Route = unknown | (() => Response);

/** A fetch answering from a table of URL -> JSON body (or Response factory); 404 otherwise. */
export function routedFetch(routes: Map<string, Route>): FetchLike & { calls: string[] } {
  const calls: string[] = [];
  const fetchLike = async (url: string): Promise<Response> => {
    calls.push(url);
    if (!routes.has(url)) return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
    const route = routes.get(url);
    if (typeof route === 'function') return (route as () => Response)();
    return new Response(JSON.stringify(route), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return Object.assign(fetchLike, { calls });
}

export function httpFor(fetchLike: FetchLike): HttpClient {
  return createHttpClient({ fetch: fetchLike, timeoutMs: 2000 });
}
