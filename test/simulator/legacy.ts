// The story told as Gandi's legacy API (Gandi/baobab, 2014-2019): /api/status, /api/services, /api/events.
// Rules follow baobab: an event is current from its start until its end; /api/status is the worst of current
// events (incident with services STORMY, without FOGGY, maintenance CLOUDY, else SUNNY).
import type { FixtureComponent, JsonObject, RealDocuments } from './fixtures';
import type { ComponentStatus, World, WorldIncident, WorldMaintenance } from './scenarios';
import { escapeHtml, htmlPage } from './statuspage';

export type Weather = 'SUNNY' | 'CLOUDY' | 'FOGGY' | 'STORMY';
const WEATHER_SEVERITY: Record<Weather, number> = { SUNNY: 0, CLOUDY: 1, FOGGY: 2, STORMY: 3 };

const WEATHER_OF: Record<ComponentStatus, Weather> = {
  operational: 'SUNNY',
  under_maintenance: 'CLOUDY',
  degraded_performance: 'FOGGY',
  partial_outage: 'STORMY',
  major_outage: 'STORMY',
};

/** Which legacy service a Statuspage component belongs to (the legacy list is fixed and coarse). */
export function legacyServiceOf(component: FixtureComponent, all: FixtureComponent[]): string | null {
  const group = component.group_id ? all.find((c) => c.id === component.group_id)?.name : undefined;
  if (group === 'Hosting') return component.name.startsWith('PAAS') ? 'PAAS' : 'IAAS';
  if (group === 'DNS' || component.name === 'Domain name registration') return 'Domain';
  if (group === 'Gandimail') return 'Email';
  if (group === 'Portal' || component.name === 'Web redirection services') return 'Site';
  if (group === 'APIs') return 'API';
  if (component.name === 'Network') return 'IAAS';
  return null;
}

type LegacyEvent = WorldIncident | WorldMaintenance;

const DATE_LOOKUPS = ['gt', 'gte', 'lt', 'lte'] as const;
type DateLookup = (typeof DATE_LOOKUPS)[number];

export interface EventFilter {
  current?: boolean;
  category?: 'Incident' | 'Maintenance';
  service?: string;
  /** baobab's `date_start__gt=...` and the like (a date alone means its midnight, UTC here). */
  dateStart?: Array<{ lookup: DateLookup; at: Date }>;
}

function parseDateStart(query: URLSearchParams): EventFilter['dateStart'] | string {
  const bounds: NonNullable<EventFilter['dateStart']> = [];
  for (const lookup of DATE_LOOKUPS) {
    const value = query.get(`date_start__${lookup}`);
    if (value === null) continue;
    const at = Date.parse(value);
    if (!Number.isFinite(at)) return `Bad value for filter date_start__${lookup}: ${value}`;
    bounds.push({ lookup, at: new Date(at) });
  }
  return bounds;
}

function matchesBound(start: Date, { lookup, at }: { lookup: DateLookup; at: Date }): boolean {
  const [t, bound] = [start.getTime(), at.getTime()];
  return lookup === 'gt' ? t > bound : lookup === 'gte' ? t >= bound : lookup === 'lt' ? t < bound : t <= bound;
}

/** Parses /api/events query parameters the way baobab checks them; returns an error text for bad values. */
export function parseEventFilter(query: URLSearchParams, serviceNames: string[]): EventFilter | string {
  const filter: EventFilter = {};
  const current = query.get('current');
  if (current !== null) {
    const value = current.toLowerCase();
    if (value !== 'true' && value !== 'false') return 'Bad value for filter current choises are: ["true", "false"]';
    // baobab refuses any date filter next to `current`.
    const dated = [...query.keys()].find((key) => key.includes('date'));
    if (dated !== undefined) return `Incompatible filter: "${dated}" with filter "current"`;
    filter.current = value === 'true';
  }
  const dateStart = parseDateStart(query);
  if (typeof dateStart === 'string') return dateStart;
  if (dateStart && dateStart.length > 0) filter.dateStart = dateStart;
  const category = query.get('category');
  if (category !== null) {
    const match = (['Incident', 'Maintenance'] as const).find((c) => c.toUpperCase() === category.toUpperCase());
    if (!match) return 'Bad value for filter category choises are: INCIDENT, MAINTENANCE';
    filter.category = match;
  }
  const service = query.get('services') ?? query.get('services__name');
  if (service !== null) {
    const match = serviceNames.find((s) => s.toUpperCase() === service.toUpperCase());
    if (!match) return `Bad value for filter services choises are: ${serviceNames.map((s) => s.toUpperCase()).join(', ')}`;
    filter.service = match;
  }
  return filter;
}

/** ISO 8601 without milliseconds and with +00:00, as baobab wrote dates. */
function legacyDate(date: Date | null): string | null {
  return date ? date.toISOString().replace(/\.\d{3}Z$/, '+00:00') : null;
}

export class LegacyView {
  constructor(
    private readonly world: World,
    private readonly real: RealDocuments,
  ) {}

  private servicesOf(event: LegacyEvent): string[] {
    const names = event.componentIds
      .map((id) => this.real.components.find((c) => c.id === id))
      .filter((c): c is FixtureComponent => c !== undefined)
      .map((c) => legacyServiceOf(c, this.real.components))
      .filter((s): s is string => s !== null);
    return [...new Set(names)];
  }

  private events(): LegacyEvent[] {
    return [...this.world.incidents, ...this.world.maintenances];
  }

  private start(event: LegacyEvent): Date | null {
    return event.kind === 'incident' ? event.createdAt : event.startedAt;
  }

  private end(event: LegacyEvent): Date | null {
    return event.kind === 'incident' ? event.resolvedAt : event.completedAt;
  }

  /** Current in baobab's sense: started and not ended (judged by the story, so both APIs agree). */
  private isCurrent(event: LegacyEvent): boolean {
    return this.start(event) !== null && this.end(event) === null;
  }

  /** The event's `date_start`: a maintenance not started yet is listed at its announced time. */
  private listedStart(event: LegacyEvent): Date {
    return this.start(event) ?? (event.kind === 'maintenance' ? event.scheduledFor : event.createdAt);
  }

  private eventSummary(event: LegacyEvent): JsonObject {
    const start = this.listedStart(event);
    const estimate = event.kind === 'incident' ? event.estimatedEnd : event.scheduledUntil;
    const end = this.end(event);
    const last = event.updates[event.updates.length - 1]?.at ?? event.createdAt;
    return {
      category: event.kind === 'incident' ? 'Incident' : 'Maintenance',
      date_end: legacyDate(end),
      date_start: legacyDate(start),
      duration: Math.max(0, Math.round(((end ?? estimate).getTime() - start.getTime()) / 60_000)),
      estimate_date_end: legacyDate(estimate),
      id: event.legacyId,
      last_update: legacyDate(last),
      services: this.servicesOf(event),
      title: event.name,
    };
  }

  services(): JsonObject[] {
    return this.real.legacyServices.map((service) => {
      const statuses = this.real.components
        .filter((c) => !c.group && legacyServiceOf(c, this.real.components) === service.name)
        .map((c) => WEATHER_OF[this.world.componentStatus.get(c.id) ?? 'operational']);
      const weather = statuses.reduce<Weather>((a, b) => (WEATHER_SEVERITY[b] > WEATHER_SEVERITY[a] ? b : a), 'SUNNY');
      return { description: service.description, name: service.name, status: weather };
    });
  }

  status(): JsonObject {
    const fromEvents = this.events()
      .filter((e) => this.isCurrent(e))
      .map((e): Weather => (e.kind === 'maintenance' ? 'CLOUDY' : this.servicesOf(e).length > 0 ? 'STORMY' : 'FOGGY'));
    // Services degraded without an event (flapping) still count, so /api/status never says less than /api/services.
    const fromServices = this.services().map((s) => s.status as Weather);
    const weather = [...fromEvents, ...fromServices].reduce<Weather>(
      (a, b) => (WEATHER_SEVERITY[b] > WEATHER_SEVERITY[a] ? b : a),
      'SUNNY',
    );
    return { status: weather };
  }

  eventList(filter: EventFilter): JsonObject[] {
    return this.events()
      .filter((e) => filter.current === undefined || this.isCurrent(e) === filter.current)
      .filter((e) => !filter.category || (e.kind === 'incident' ? 'Incident' : 'Maintenance') === filter.category)
      .filter((e) => !filter.service || this.servicesOf(e).includes(filter.service))
      .filter((e) => (filter.dateStart ?? []).every((bound) => matchesBound(this.listedStart(e), bound)))
      .map((e) => this.eventSummary(e))
      .reverse();
  }

  private find(legacyId: number): LegacyEvent | undefined {
    return this.events().find((e) => e.legacyId === legacyId);
  }

  /** `/api/events/{id}`: the event with its summary and logs (the updates, oldest first). */
  eventDetail(legacyId: number): JsonObject | null {
    const event = this.find(legacyId);
    if (!event) return null;
    return {
      ...this.eventSummary(event),
      summary: event.updates[0]?.body ?? event.name,
      logs: event.updates.slice(1).map((u, i) => ({ comment: u.body, date: legacyDate(u.at), id: legacyId * 100 + i + 1 })),
    };
  }

  /** `/timeline/events/{id}`: the human page of an event. */
  eventPage(legacyId: number): string | null {
    const event = this.find(legacyId);
    if (!event) return null;
    const logs = event.updates
      .map((u) => `<li><time>${legacyDate(u.at) ?? ''}</time> ${escapeHtml(u.body)}</li>`)
      .join('\n');
    return htmlPage(event.name, `<h1>${escapeHtml(event.name)}</h1>\n<ul>\n${logs}\n</ul>`);
  }
}
