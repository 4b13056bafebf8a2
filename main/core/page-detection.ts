// "Add a status page": what a URL is, before it is saved. Detects the format (or takes the one
// forced), reads the page once with its adapter, and says what was found, or why nothing was, in
// one sentence. Used by Settings (both windows) and `gandi-status detect URL`.
import type { DetectPageInput, DetectPageResult } from '../../common/window-api';
import { createHttpClient, problemOf } from './http';
import type { Clock, FetchLike } from './ports';
import { createSource } from './sources/index';

export interface PageDetectorOptions {
  fetch: FetchLike;
  now?: Clock;
  timeoutMs?: number;
}

export type PageDetector = (input: DetectPageInput) => Promise<DetectPageResult>;

export function createPageDetector(options: PageDetectorOptions): PageDetector {
  const now = options.now ?? (() => new Date());
  return async ({ url, kind }) => {
    let requests = 0;
    // A client of its own: nothing cached from the polls, and every request counted.
    const counted: FetchLike = (target, init) => {
      requests += 1;
      return options.fetch(target, init);
    };
    const http = createHttpClient({ fetch: counted, now, ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }) });
    try {
      const source = createSource({ url, kind }, { http, now });
      const snapshot = await source.fetchSnapshot(null);
      return {
        ok: true,
        url: snapshot.url,
        kind: snapshot.kind,
        name: snapshot.name,
        overall: snapshot.overall,
        services: snapshot.services.length,
        groups: new Set(snapshot.services.map((s) => s.group).filter((g) => g !== null)).size,
        incidents: snapshot.incidents.length,
        maintenances: snapshot.maintenances.length,
        requests,
      };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? error.message : String(error), problem: problemOf(error), requests };
    }
  };
}
