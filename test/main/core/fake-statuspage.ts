// A Statuspage page held in memory and served by a fake fetch: tests change its incidents and
// components between polls and the core reads them as it would read a real page.
import { mutable } from './sources/fixtures';
import type { FetchLike } from '../../../main/core/ports';

export const PAGE_URL = 'https://status.example.test';

export interface RawUpdate {
  id: string;
  status: string;
  body: string;
  created_at: string;
  display_at: string;
}

export interface RawIncident {
  id: string;
  name: string | null;
  status: string;
  impact: string;
  created_at: string;
  updated_at: string;
  resolved_at: string | null;
  incident_updates: RawUpdate[];
  components?: unknown[];
}

interface Summary {
  page: { name: string };
  components: Array<{ id: string; name: string; status: string; group?: boolean }>;
  incidents: RawIncident[];
  scheduled_maintenances: unknown[];
  status: { indicator: string; description: string };
}

export interface FakePage {
  fetch: FetchLike & { calls: string[] };
  summary: Summary;
  /** The first component that is not a group. */
  component: Summary['components'][number];
  /** What the server answers instead of the summary, when set. */
  fail: (() => Response) | null;
}

export function fakeStatuspage(): FakePage {
  const summary = mutable<Summary>('statuspage-gandi-summary-all-ok.json');
  const component = summary.components.find((c) => c.group !== true);
  if (!component) throw new Error('fixture without a component');
  const calls: string[] = [];
  const page: FakePage = {
    summary,
    component,
    fail: null,
    fetch: Object.assign(
      async (url: string): Promise<Response> => {
        calls.push(url);
        if (page.fail) return page.fail();
        const path = url.slice(PAGE_URL.length);
        const body =
          path === '/api/v2/summary.json'
            ? summary
            : path === '/api/v2/incidents.json'
              ? { incidents: summary.incidents }
              : path === '/api/v2/scheduled-maintenances.json'
                ? { scheduled_maintenances: summary.scheduled_maintenances }
                : null;
        if (body === null) return new Response('not found', { status: 404 });
        return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
      },
      { calls },
    ),
  };
  return page;
}

/** An incident in the page's words, with one update per status it went through (oldest first). */
export function rawIncident(id: string, steps: Array<{ status: string; at: string }>): RawIncident {
  const last = steps[steps.length - 1];
  if (!last) throw new Error('an incident needs a step');
  const resolved = last.status === 'resolved';
  return {
    id,
    name: `Incident ${id}`,
    status: last.status,
    impact: 'minor',
    created_at: steps[0]?.at ?? last.at,
    updated_at: last.at,
    resolved_at: resolved ? last.at : null,
    incident_updates: steps
      .map((step, index) => ({ id: `${id}-u${index}`, status: step.status, body: `${step.status} ${index}`, created_at: step.at, display_at: step.at }))
      .reverse(),
  };
}
