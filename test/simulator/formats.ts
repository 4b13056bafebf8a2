// The same story told in every other format the app reads, each under its own path prefix
// (/incident-io, /instatus, /betterstack, /cachet2, /cachet3, /statusio, /feed), on top of Gandi's
// real components. Shapes follow the provider examples in test/fixtures/providers.
import type { FixtureComponent, JsonObject, RealDocuments } from './fixtures';
import type { ComponentStatus, World, WorldIncident, WorldMaintenance, WorldUpdate } from './scenarios';
import { componentStatusOf, escapeHtml, htmlPage, StatuspageView } from './statuspage';

/** The formats served under a prefix, and the prefix of each. */
export const FORMAT_PREFIXES = ['incident-io', 'instatus', 'betterstack', 'cachet2', 'cachet3', 'statusio', 'feed'] as const;
export type FormatPrefix = (typeof FORMAT_PREFIXES)[number];

/** The status.io page id of the simulated page (24 hex digits, as real ones). */
export const STATUSIO_PAGE_ID = '5f3c9a1e2b7d4c0012ab34cd';

export interface Rendered {
  status: number;
  type: string;
  body: string;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const HTML_TYPE = 'text/html; charset=utf-8';
const ATOM_TYPE = 'application/atom+xml; charset=utf-8';
const json = (value: unknown): Rendered => ({ status: 200, type: JSON_TYPE, body: JSON.stringify(value) });

const SEVERITY: Record<ComponentStatus, number> = { operational: 0, under_maintenance: 1, degraded_performance: 2, partial_outage: 3, major_outage: 4 };

/** A Statuspage id as an incident.io ULID (26 Crockford base-32 characters, stable). */
export function ulidOf(id: string): string {
  const crockford = id.toUpperCase().replace(/[IL]/g, '1').replace(/O/g, '0').replace(/U/g, 'V').replace(/[^0-9A-Z]/g, '');
  return `01H${crockford}`.padEnd(26, '0').slice(0, 26);
}

/** "2026-03-12 09:14:03": how Cachet writes times (no offset; the simulated Cachet runs in UTC). */
function cachetTime(at: Date | null): string | null {
  return at === null ? null : at.toISOString().slice(0, 19).replace('T', ' ');
}

function lastUpdate(event: WorldIncident | WorldMaintenance): WorldUpdate | undefined {
  return event.updates[event.updates.length - 1];
}

function worstOf(statuses: ComponentStatus[]): ComponentStatus {
  return statuses.reduce<ComponentStatus>((a, b) => (SEVERITY[b] > SEVERITY[a] ? b : a), 'operational');
}

export class FormatViews {
  private readonly statuspage: StatuspageView;
  private readonly components: FixtureComponent[];
  private readonly groups: FixtureComponent[];
  private readonly members: FixtureComponent[];

  constructor(
    private readonly world: World,
    private readonly real: RealDocuments,
    /** The server's base URL; each format's page is `${root}/${prefix}`. */
    private readonly root: string,
  ) {
    this.components = real.components;
    this.groups = this.components.filter((c) => c.group);
    this.members = this.components.filter((c) => !c.group);
    this.statuspage = new StatuspageView(world, real, root);
  }

  private statusOf(component: FixtureComponent): ComponentStatus {
    return componentStatusOf(this.world, component, this.components);
  }

  private groupOf(component: FixtureComponent): FixtureComponent | undefined {
    return component.group_id ? this.groups.find((g) => g.id === component.group_id) : undefined;
  }

  private eventStatus(event: WorldIncident | WorldMaintenance): ComponentStatus {
    return worstOf(event.componentIds.map((id) => this.world.componentStatus.get(id) ?? 'operational'));
  }

  private open(): WorldIncident[] {
    return this.world.incidents.filter((i) => i.status !== 'resolved');
  }

  private upcomingOrActive(): WorldMaintenance[] {
    return this.world.maintenances.filter((m) => m.status !== 'completed');
  }

  private name(): string {
    return String(this.real.page.name);
  }

  /** The document at `path` under `prefix`, or null (a 404). */
  render(prefix: FormatPrefix, path: string): Rendered | null {
    const base = `${this.root}/${prefix}`;
    switch (prefix) {
      case 'incident-io':
        return this.incidentIo(path, base);
      case 'instatus':
        return this.instatus(path, base);
      case 'betterstack':
        // Hosted Better Stack pages answer every other path with their web page.
        return path === '/index.json' ? json(this.betterstack()) : { status: 200, type: HTML_TYPE, body: htmlPage(this.name(), '<div id="app"></div>') };
      case 'cachet2':
        return this.cachet2(path, base);
      case 'cachet3':
        return this.cachet3(path, base);
      case 'statusio':
        return this.statusio(path, base);
      case 'feed':
        return this.feed(path, base);
    }
  }

  // ---- incident.io -------------------------------------------------------------------------------

  private incidentIoWord(status: ComponentStatus): string {
    return status === 'major_outage' ? 'full_outage' : status;
  }

  private incidentIoComponents(): JsonObject[] {
    return this.members.map((c) => ({ id: ulidOf(c.id), name: c.name, status: this.incidentIoWord(this.statusOf(c)) }));
  }

  private incidentIoEvent(event: WorldIncident | WorldMaintenance, base: string): JsonObject {
    const document = event.kind === 'incident' ? this.statuspage.incident(event) : this.statuspage.maintenance(event);
    const updates = (document.incident_updates as JsonObject[]).map((u) => ({ ...u, id: ulidOf(String(u.id)), affected_components: undefined }));
    return { ...document, id: ulidOf(event.id), shortlink: `${base}/incidents/${ulidOf(event.id)}`, components: [], incident_updates: updates };
  }

  private incidentIoAffected(event: WorldIncident | WorldMaintenance): JsonObject[] {
    return event.componentIds.flatMap((id) => {
      const component = this.members.find((c) => c.id === id);
      if (!component) return [];
      return [{ id: ulidOf(id), name: component.name, group_name: this.groupOf(component)?.name ?? null, current_status: this.incidentIoWord(this.statusOf(component)) }];
    });
  }

  private incidentIo(path: string, base: string): Rendered | null {
    const page = { id: ulidOf('gandipage'), name: this.name(), url: `${base}/` };
    switch (path) {
      case '/api/v2/summary.json':
        return json({
          page,
          status: this.statuspage.status().status,
          // incident.io's summary lists only part of the components: components.json has them all.
          components: this.incidentIoComponents().slice(0, 8),
          incidents: this.open().map((i) => this.incidentIoEvent(i, base)),
          scheduled_maintenances: this.upcomingOrActive().map((m) => this.incidentIoEvent(m, base)),
        });
      case '/api/v2/components.json':
        return json({ page, components: this.incidentIoComponents() });
      case '/api/v2/incidents.json':
        return json({ page, incidents: [...this.world.incidents].reverse().map((i) => this.incidentIoEvent(i, base)) });
      case '/api/v1/summary': {
        const item = (event: WorldIncident | WorldMaintenance): JsonObject => ({
          id: ulidOf(event.id),
          name: event.name,
          status: event.kind === 'incident' ? event.status : event.status === 'in_progress' ? 'maintenance_in_progress' : 'maintenance_scheduled',
          url: `${base}/incidents/${ulidOf(event.id)}`,
          last_update_at: (lastUpdate(event)?.at ?? event.createdAt).toISOString(),
          last_update_message: lastUpdate(event)?.body ?? '',
          affected_components: this.incidentIoAffected(event),
        });
        const impact = (incident: WorldIncident): string => {
          const worst = this.eventStatus(incident);
          return worst === 'major_outage' ? 'full_outage' : worst === 'partial_outage' ? 'partial_outage' : 'degraded_performance';
        };
        return json({
          page_title: this.name(),
          page_url: base,
          ongoing_incidents: this.open().map((i) => ({ ...item(i), current_worst_impact: impact(i) })),
          in_progress_maintenances: this.world.maintenances
            .filter((m) => m.status === 'in_progress')
            .map((m) => ({ ...item(m), started_at: (m.startedAt ?? m.scheduledFor).toISOString(), scheduled_end_at: m.scheduledUntil.toISOString() })),
          scheduled_maintenances: this.world.maintenances
            .filter((m) => m.status === 'scheduled')
            .map((m) => ({ ...item(m), starts_at: m.scheduledFor.toISOString(), ends_at: m.scheduledUntil.toISOString() })),
        });
      }
      default:
        return null;
    }
  }

  // ---- Instatus ----------------------------------------------------------------------------------

  private instatusWord(status: ComponentStatus): string {
    return status.replace(/_/g, '').toUpperCase();
  }

  private instatus(path: string, base: string): Rendered | null {
    const incident = (i: WorldIncident): JsonObject => ({
      id: `cm${i.id}`,
      name: i.name,
      // Instatus writes its start as JavaScript's Date.toString() does.
      started: i.createdAt.toString(),
      status: i.status.toUpperCase(),
      impact: this.instatusWord(this.eventStatus(i)),
      url: `${base}/incident/cm${i.id}`,
      updatedAt: (lastUpdate(i)?.at ?? i.createdAt).toISOString(),
    });
    switch (path) {
      case '/':
      case '':
        return { status: 200, type: HTML_TYPE, body: htmlPage(this.name(), '<script src="https://instatus.com/widget/script.js"></script>') };
      case '/summary.json': {
        const open = this.open();
        const active = this.upcomingOrActive();
        const pageStatus = open.length > 0 || [...this.world.componentStatus.values()].some((s) => s !== 'under_maintenance')
          ? 'HASISSUES'
          : active.some((m) => m.status === 'in_progress') ? 'UNDERMAINTENANCE' : 'UP';
        return json({
          page: { name: this.name(), url: base, status: pageStatus },
          // A quiet Instatus page leaves the lists out altogether.
          ...(open.length > 0 ? { activeIncidents: open.map(incident) } : {}),
          ...(active.length > 0
            ? {
                activeMaintenances: active.map((m) => ({
                  id: `cm${m.id}`,
                  name: m.name,
                  start: m.scheduledFor.toString(),
                  status: m.status === 'in_progress' ? 'INPROGRESS' : 'NOTSTARTEDYET',
                  duration: String(Math.round((m.scheduledUntil.getTime() - m.scheduledFor.getTime()) / 60_000)),
                  url: `${base}/maintenance/cm${m.id}`,
                  updatedAt: (lastUpdate(m)?.at ?? m.createdAt).toISOString(),
                })),
              }
            : {}),
        });
      }
      case '/v2/components.json':
        return json({
          components: this.components.map((c) => {
            const group = this.groupOf(c);
            const incidents = this.open().filter((i) => i.componentIds.includes(c.id));
            return {
              id: c.id,
              name: c.name,
              description: '',
              status: this.instatusWord(this.statusOf(c)),
              group: group ? { id: group.id, name: group.name, description: '' } : null,
              ...(incidents.length > 0 ? { activeIncidents: incidents.map(incident) } : {}),
            };
          }),
        });
      default:
        return null;
    }
  }

  // ---- Better Stack ------------------------------------------------------------------------------

  private betterstackWord(status: ComponentStatus): string {
    const words: Record<ComponentStatus, string> = {
      operational: 'operational',
      under_maintenance: 'maintenance',
      degraded_performance: 'degraded',
      partial_outage: 'degraded',
      major_outage: 'downtime',
    };
    return words[status];
  }

  private betterstack(): JsonObject {
    const sections = [{ id: 'top', name: '' }, ...this.groups.map((g) => ({ id: g.id, name: g.name }))];
    const resources = this.members.map((c, position) => ({
      id: c.id,
      type: 'status_page_resource',
      attributes: {
        status_page_section_id: c.group_id ?? 'top',
        resource_id: position,
        resource_type: 'Monitor',
        public_name: c.name,
        explanation: '',
        position,
        availability: 1,
        status: this.betterstackWord(this.statusOf(c)),
        status_history: [],
      },
    }));
    const updates: JsonObject[] = [];
    const reports = [...this.world.incidents, ...this.world.maintenances].map((event) => {
      const ids = event.updates.map((u) => `${event.id}-${u.id}`);
      event.updates.forEach((u, index) =>
        updates.push({
          id: ids[index],
          type: 'status_update',
          attributes: {
            message: u.body,
            published_at: u.at.toISOString(),
            published_at_timezone: 'UTC',
            notify_subscribers: true,
            affected_resources: event.componentIds.map((id) => ({
              status_page_resource_id: id,
              status: event.kind === 'maintenance' ? 'maintenance' : u.componentStatus === 'operational' ? 'resolved' : this.betterstackWord(u.componentStatus),
            })),
          },
        }),
      );
      const ended = event.kind === 'incident' ? event.resolvedAt : event.completedAt;
      return {
        id: event.id,
        type: 'status_report',
        attributes: {
          title: event.name,
          report_type: event.kind === 'maintenance' ? 'maintenance' : 'manual',
          // Better Stack has no "started" flag: work started early moves the start.
          starts_at: (event.kind === 'maintenance' ? (event.startedAt ?? event.scheduledFor) : event.createdAt).toISOString(),
          ends_at: event.kind === 'maintenance' ? (event.completedAt ?? event.scheduledUntil).toISOString() : (ended?.toISOString() ?? null),
          affected_resources: event.componentIds.map((id) => ({ status_page_resource_id: id, status: this.betterstackWord(this.world.componentStatus.get(id) ?? 'degraded_performance') })),
          aggregate_state: ended ? 'resolved' : event.kind === 'maintenance' ? 'maintenance' : this.betterstackWord(this.eventStatus(event)),
        },
        relationships: { status_updates: { data: [...ids].reverse().map((id) => ({ id, type: 'status_update' })) } },
      };
    });
    const overall = worstOf(this.members.map((c) => this.statusOf(c)));
    return {
      data: {
        id: '165432',
        type: 'status_page',
        attributes: { company_name: this.name(), timezone: 'UTC', aggregate_state: this.betterstackWord(overall), subdomain: 'gandi', custom_domain: null, announcement: null },
        relationships: {},
      },
      included: [
        ...sections.map((s, position) => ({ id: s.id, type: 'status_page_section', attributes: { name: s.name, position } })),
        ...resources,
        ...reports,
        ...updates,
      ],
    };
  }

  // ---- Cachet ------------------------------------------------------------------------------------

  /** Cachet's numeric ids, stable: position in the fixture, from 1. */
  private cachetId(component: FixtureComponent): number {
    return this.components.indexOf(component) + 1;
  }

  private cachetStatus(status: ComponentStatus, version: 2 | 3): number {
    const codes: Record<ComponentStatus, number> = { operational: 1, under_maintenance: version === 3 ? 6 : 1, degraded_performance: 2, partial_outage: 3, major_outage: 4 };
    return codes[status];
  }

  private static readonly INCIDENT_CODES: Record<string, number> = { investigating: 1, identified: 2, monitoring: 3, resolved: 4 };

  private cachetIncidentPosts(incident: WorldIncident): { first: WorldUpdate | undefined; later: WorldUpdate[] } {
    return { first: incident.updates[0], later: incident.updates.slice(1) };
  }

  private scheduleCode(m: WorldMaintenance): number {
    return m.status === 'scheduled' ? 0 : m.status === 'in_progress' ? 1 : 2;
  }

  private componentIdsOf(event: WorldIncident | WorldMaintenance): number[] {
    return event.componentIds.flatMap((id) => {
      const c = this.members.find((m) => m.id === id);
      return c ? [this.cachetId(c)] : [];
    });
  }

  private cachet2(path: string, base: string): Rendered | null {
    const meta = (count: number): JsonObject => ({
      pagination: { total: count, count, per_page: 100, current_page: 1, total_pages: 1, links: { next_page: null, previous_page: null } },
    });
    const raw = (c: FixtureComponent): JsonObject => ({
      id: this.cachetId(c),
      name: c.name,
      description: '',
      link: '',
      status: this.cachetStatus(this.statusOf(c), 2),
      order: this.cachetId(c),
      group_id: c.group_id ? this.cachetId(this.groupOf(c) ?? c) : 0,
      created_at: '2025-11-02 10:00:00',
      updated_at: cachetTime(this.world.componentChangedAt.get(c.id) ?? null) ?? '2025-11-02 10:00:00',
      deleted_at: null,
      enabled: true,
      meta: null,
    });
    switch (path) {
      case '':
      case '/':
        return { status: 200, type: HTML_TYPE, body: htmlPage(this.name(), '<footer>Powered by <a href="https://cachethq.io">Cachet</a></footer>') };
      case '/api/v1/ping':
        return json({ data: 'Pong!' });
      case '/api/v1/components':
        return json({ meta: meta(this.members.length), data: this.members.map((c) => ({ ...raw(c), status_name: '', tags: [] })) });
      case '/api/v1/components/groups':
        return json({
          meta: meta(this.groups.length),
          data: this.groups.map((g) => ({
            id: this.cachetId(g),
            name: g.name,
            order: 0,
            collapsed: 2,
            visible: 1,
            enabled_components: this.members.filter((c) => c.group_id === g.id).map(raw),
          })),
        });
      case '/api/v1/incidents':
        return json({
          meta: meta(this.world.incidents.length),
          data: [...this.world.incidents].reverse().map((i) => {
            const { first, later } = this.cachetIncidentPosts(i);
            const latest = later[later.length - 1] ?? first;
            return {
              id: i.legacyId,
              component_id: this.componentIdsOf(i)[0] ?? 0,
              name: i.name,
              status: FormatViews.INCIDENT_CODES[first?.status ?? 'investigating'] ?? 1,
              visible: 1,
              message: first?.body ?? '',
              created_at: cachetTime(i.createdAt),
              updated_at: cachetTime(latest?.at ?? i.createdAt),
              occurred_at: cachetTime(i.createdAt),
              is_resolved: i.status === 'resolved',
              updates: [...later].reverse().map((u, index) => ({
                id: i.legacyId * 100 + later.length - index,
                incident_id: i.legacyId,
                status: FormatViews.INCIDENT_CODES[u.status] ?? 0,
                message: u.body,
                created_at: cachetTime(u.at),
                updated_at: cachetTime(u.at),
              })),
              latest_status: FormatViews.INCIDENT_CODES[latest?.status ?? 'investigating'] ?? 1,
              permalink: `${base}/incidents/${i.legacyId}`,
            };
          }),
        });
      case '/api/v1/schedules':
        return json({
          meta: meta(this.world.maintenances.length),
          data: this.world.maintenances.map((m) => ({
            id: m.legacyId,
            name: m.name,
            message: m.updates[0]?.body ?? '',
            status: this.scheduleCode(m),
            scheduled_at: cachetTime(m.scheduledFor),
            // As Cachet 2 does: the time of the request until the schedule is done.
            completed_at: cachetTime(m.completedAt) ?? cachetTime(new Date()),
            created_at: cachetTime(m.createdAt),
            updated_at: cachetTime(lastUpdate(m)?.at ?? m.createdAt),
            deleted_at: null,
            components: this.componentIdsOf(m).map((id) => ({ component_id: id, component_status: 2 })),
          })),
        });
      default:
        return null;
    }
  }

  private cachet3(path: string, base: string): Rendered | null {
    const stamp = (at: Date | null): JsonObject => ({ human: null, string: cachetTime(at) });
    const enumOf = (value: number): JsonObject => ({ human: String(value), value });
    const component = (c: FixtureComponent): JsonObject => ({
      id: String(this.cachetId(c)),
      type: 'components',
      attributes: { id: this.cachetId(c), name: c.name, description: '', link: null, order: 0, status: enumOf(this.cachetStatus(this.statusOf(c), 3)), enabled: true },
    });
    const page = (data: JsonObject[], included: JsonObject[] = []): Rendered =>
      json({ data, included, links: { first: `${base}${path}?page=1`, next: null }, meta: { current_page: 1, per_page: 100 } });
    switch (path) {
      case '/api/ping':
        return json({ data: 'Pong!' });
      case '/api/status': {
        const worst = worstOf(this.members.map((c) => this.statusOf(c)));
        return json({ data: { status: worst === 'operational' ? 'operational' : worst, message: '' } });
      }
      case '/api/components':
        return page(this.members.map(component));
      case '/api/component-groups':
        return page(
          this.groups.map((g) => ({
            id: String(this.cachetId(g)),
            type: 'componentGroups',
            attributes: { id: this.cachetId(g), name: g.name, collapsed: 2, visible: 1 },
            relationships: { components: { data: this.members.filter((c) => c.group_id === g.id).map((c) => ({ type: 'components', id: String(this.cachetId(c)) })) } },
          })),
          this.members.map(component),
        );
      case '/api/incidents': {
        const included: JsonObject[] = [];
        const data = [...this.world.incidents].reverse().map((i) => {
          const { first, later } = this.cachetIncidentPosts(i);
          const latest = later[later.length - 1] ?? first;
          const ids = later.map((u, index) => String(i.legacyId * 100 + index + 1));
          later.forEach((u, index) =>
            included.push({
              id: ids[index],
              type: 'updates',
              attributes: { id: Number(ids[index]), updateable_id: i.legacyId, updateable_type: 'incident', message: u.body, status: enumOf(FormatViews.INCIDENT_CODES[u.status] ?? 0), created: stamp(u.at), updated: stamp(u.at) },
            }),
          );
          return {
            id: String(i.legacyId),
            type: 'incidents',
            attributes: {
              id: i.legacyId,
              name: i.name,
              message: first?.body ?? '',
              status: enumOf(FormatViews.INCIDENT_CODES[latest?.status ?? 'investigating'] ?? 0),
              occurred: stamp(i.createdAt),
              published: stamp(i.createdAt),
              created: stamp(i.createdAt),
              updated: stamp(latest?.at ?? i.createdAt),
            },
            relationships: {
              updates: { data: [...ids].reverse().map((id) => ({ type: 'updates', id })) },
              components: { data: this.componentIdsOf(i).map((id) => ({ type: 'components', id: String(id) })) },
            },
          };
        });
        return page(data, included);
      }
      case '/api/schedules':
        return page(
          this.world.maintenances.map((m) => ({
            id: String(m.legacyId),
            type: 'schedules',
            attributes: { id: m.legacyId, name: m.name, message: m.updates[0]?.body ?? '', status: enumOf(this.scheduleCode(m)), scheduled: stamp(m.scheduledFor), completed: stamp(m.completedAt) },
            relationships: { components: { data: this.componentIdsOf(m).map((id) => ({ type: 'components', id: String(id) })) } },
          })),
        );
      default:
        return null;
    }
  }

  // ---- status.io ---------------------------------------------------------------------------------

  private static readonly STATUSIO_CODES: Record<ComponentStatus, [number, string]> = {
    operational: [100, 'Operational'],
    under_maintenance: [200, 'Planned Maintenance'],
    degraded_performance: [300, 'Degraded Performance'],
    partial_outage: [400, 'Partial Service Disruption'],
    major_outage: [500, 'Service Disruption'],
  };

  private static readonly STATUSIO_STATES: Record<string, number> = { investigating: 100, identified: 200, monitoring: 300 };

  private statusio(path: string, base: string): Rendered | null {
    const api = `${base}/1.0/status/${STATUSIO_PAGE_ID}`;
    if (path === '' || path === '/') {
      return { status: 200, type: HTML_TYPE, body: htmlPage(this.name(), `<script>var statuspage_id = "${STATUSIO_PAGE_ID}"; fetch("${escapeHtml(api)}");</script>`) };
    }
    if (path !== `/1.0/status/${STATUSIO_PAGE_ID}`) return null;
    const codeOf = (status: ComponentStatus) => {
      const [status_code, word] = FormatViews.STATUSIO_CODES[status];
      return { status: word, status_code };
    };
    const entry = (c: FixtureComponent, containers: FixtureComponent[]): JsonObject => ({
      id: c.id,
      name: c.name,
      updated: this.world.updatedAt.toISOString(),
      ...codeOf(this.statusOf(c)),
      containers: containers.map((m) => ({ id: m.id, name: m.name, updated: this.world.updatedAt.toISOString(), ...codeOf(this.statusOf(m)) })),
    });
    const status = this.components.filter((c) => !c.group_id).map((c) => entry(c, c.group ? this.members.filter((m) => m.group_id === c.id) : []));
    const affected = (event: WorldIncident | WorldMaintenance) => {
      const members = event.componentIds.flatMap((id) => this.members.filter((m) => m.id === id));
      return {
        components_affected: members.map((m) => this.groupOf(m) ?? m).map((c) => ({ _id: c.id, name: c.name })),
        containers_affected: members.filter((m) => m.group_id).map((m) => ({ _id: m.id, name: m.name })),
      };
    };
    const messages = (event: WorldIncident | WorldMaintenance) =>
      [...event.updates].reverse().map((u) => ({
        details: u.body,
        state: FormatViews.STATUSIO_STATES[u.status] ?? 100,
        status: FormatViews.STATUSIO_CODES[event.kind === 'maintenance' ? 'under_maintenance' : u.componentStatus][0],
        datetime: u.at.toISOString(),
      }));
    const maintenance = (m: WorldMaintenance) => ({
      name: m.name,
      _id: m.id,
      datetime_open: m.createdAt.toISOString(),
      datetime_planned_start: m.scheduledFor.toISOString(),
      datetime_planned_end: m.scheduledUntil.toISOString(),
      messages: messages(m),
      ...affected(m),
    });
    const overall = worstOf(this.members.map((c) => this.statusOf(c)));
    return json({
      result: {
        status_overall: { updated: this.world.updatedAt.toISOString(), ...codeOf(overall) },
        status,
        incidents: this.open().map((i) => ({ name: i.name, _id: i.id, datetime_open: i.createdAt.toISOString(), messages: messages(i), ...affected(i) })),
        maintenance: {
          active: this.world.maintenances.filter((m) => m.status === 'in_progress').map(maintenance),
          upcoming: this.world.maintenances.filter((m) => m.status === 'scheduled').map(maintenance),
        },
      },
    });
  }

  // ---- RSS / Atom ----------------------------------------------------------------------------------

  private static readonly FEED_STAGES: Record<string, string> = {
    investigating: 'Investigating',
    identified: 'Identified',
    monitoring: 'Monitoring',
    resolved: 'Resolved',
    scheduled: 'Scheduled',
    in_progress: 'In progress',
    completed: 'Completed',
  };

  private feed(path: string, base: string): Rendered | null {
    if (path === '' || path === '/') {
      const head = `<link rel="alternate" type="application/atom+xml" title="${escapeHtml(this.name())}" href="${escapeHtml(base)}/history.atom">`;
      return { status: 200, type: HTML_TYPE, body: htmlPage(this.name(), '<h1>Status</h1>').replace('</head>', `${head}</head>`) };
    }
    if (path !== '/history.atom') return null;
    const xml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    const entries = [...this.world.incidents, ...this.world.maintenances].map((event) => {
      const updated = lastUpdate(event)?.at ?? event.createdAt;
      // The content is HTML, escaped once more into the XML.
      const html = [...event.updates]
        .reverse()
        .map((u) => `<p><small>${u.at.toISOString()}</small><br><strong>${FormatViews.FEED_STAGES[u.status] ?? u.status}</strong> - ${escapeHtml(u.body)}</p>`)
        .join('');
      return `  <entry>
    <id>tag:${new URL(base).host},2005:Incident/${event.legacyId}</id>
    <published>${event.createdAt.toISOString()}</published>
    <updated>${updated.toISOString()}</updated>
    <link rel="alternate" type="text/html" href="${xml(`${this.root}/incidents/${event.id}`)}"/>
    <title>${xml(event.name)}</title>
    <content type="html">${xml(html)}</content>
  </entry>`;
    });
    const body = `<?xml version="1.0" encoding="UTF-8"?>
<feed xml:lang="en-US" xmlns="http://www.w3.org/2005/Atom">
  <id>tag:${new URL(base).host},2005:/history</id>
  <link rel="alternate" type="text/html" href="${xml(base)}"/>
  <title>${xml(this.name())} - Incident History</title>
  <updated>${this.world.updatedAt.toISOString()}</updated>
${entries.join('\n')}
</feed>
`;
    return { status: 200, type: ATOM_TYPE, body };
  }
}
