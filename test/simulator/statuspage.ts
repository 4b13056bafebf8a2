// The story told as Atlassian Statuspage v2 documents, on top of Gandi's real page and components.
import type { FixtureComponent, JsonObject, RealDocuments } from './fixtures';
import type { ComponentStatus, World, WorldIncident, WorldMaintenance, WorldUpdate } from './scenarios';

const COMPONENT_SEVERITY: Record<ComponentStatus, number> = {
  operational: 0,
  under_maintenance: 1,
  degraded_performance: 2,
  partial_outage: 3,
  major_outage: 4,
};

type Indicator = 'none' | 'maintenance' | 'minor' | 'major' | 'critical';
const INDICATOR_SEVERITY: Record<Indicator, number> = { none: 0, maintenance: 1, minor: 2, major: 3, critical: 4 };
const INDICATOR_DESCRIPTION: Record<Indicator, string> = {
  none: 'All Systems Operational',
  maintenance: 'Service Under Maintenance',
  minor: 'Partially Degraded Service',
  major: 'Partial System Outage',
  critical: 'Major System Outage',
};
const COMPONENT_INDICATOR: Record<ComponentStatus, Indicator> = {
  operational: 'none',
  under_maintenance: 'maintenance',
  degraded_performance: 'minor',
  partial_outage: 'minor',
  major_outage: 'major',
};

function worst<T extends string>(values: T[], severity: Record<T, number>, fallback: T): T {
  return values.reduce((a, b) => (severity[b] > severity[a] ? b : a), fallback);
}

export function componentStatusOf(world: World, component: FixtureComponent, all: FixtureComponent[]): ComponentStatus {
  if (component.group) {
    // A group shows its worst child, as Statuspage does.
    const children = all.filter((c) => c.group_id === component.id);
    return worst(
      children.map((c) => world.componentStatus.get(c.id) ?? 'operational'),
      COMPONENT_SEVERITY,
      'operational',
    );
  }
  return world.componentStatus.get(component.id) ?? 'operational';
}

export class StatuspageView {
  constructor(
    private readonly world: World,
    private readonly real: RealDocuments,
    private readonly baseUrl: string,
  ) {}

  private page(): JsonObject {
    return { ...this.real.page, url: this.baseUrl, updated_at: this.world.updatedAt.toISOString() };
  }

  private components(): JsonObject[] {
    const all = this.real.components;
    return all.map((c) => {
      const status = componentStatusOf(this.world, c, all);
      const changed = c.group
        ? all.filter((child) => child.group_id === c.id).map((child) => this.world.componentChangedAt.get(child.id))
        : [this.world.componentChangedAt.get(c.id)];
      const latest = changed.filter((d): d is Date => d !== undefined).sort((a, b) => b.getTime() - a.getTime())[0];
      return { ...c, status, updated_at: latest ? latest.toISOString() : c.updated_at };
    });
  }

  private componentName(id: string): string {
    const component = this.real.components.find((c) => c.id === id);
    if (!component) return id;
    const group = component.group_id ? this.real.components.find((c) => c.id === component.group_id) : undefined;
    return group ? `${group.name} - ${component.name}` : component.name;
  }

  private update(event: WorldIncident | WorldMaintenance, update: WorldUpdate, previous: WorldUpdate | undefined): JsonObject {
    const at = update.at.toISOString();
    return {
      id: update.id,
      status: update.status,
      body: update.body,
      incident_id: event.id,
      created_at: at,
      updated_at: at,
      display_at: at,
      affected_components: event.componentIds.map((code) => ({
        code,
        name: this.componentName(code),
        old_status: previous?.componentStatus ?? 'operational',
        new_status: update.componentStatus,
      })),
      deliver_notifications: true,
      custom_tweet: null,
      tweet_id: null,
    };
  }

  private eventBase(event: WorldIncident | WorldMaintenance): JsonObject {
    const components = this.components().filter((c) => event.componentIds.includes(String(c.id)));
    const lastUpdate = event.updates[event.updates.length - 1];
    const updates = event.updates.map((u, i) => this.update(event, u, event.updates[i - 1])).reverse();
    return {
      id: event.id,
      name: event.name,
      status: event.status,
      created_at: event.createdAt.toISOString(),
      updated_at: (lastUpdate?.at ?? event.createdAt).toISOString(),
      shortlink: `${this.baseUrl}/incidents/${event.id}`,
      page_id: this.real.page.id,
      incident_updates: updates,
      components,
    };
  }

  incident(incident: WorldIncident): JsonObject {
    return {
      ...this.eventBase(incident),
      monitoring_at: incident.monitoringAt?.toISOString() ?? null,
      resolved_at: incident.resolvedAt?.toISOString() ?? null,
      impact: incident.impact,
      started_at: incident.createdAt.toISOString(),
      reminder_intervals: null,
    };
  }

  maintenance(maintenance: WorldMaintenance): JsonObject {
    return {
      ...this.eventBase(maintenance),
      monitoring_at: null,
      resolved_at: maintenance.completedAt?.toISOString() ?? null,
      impact: 'maintenance',
      started_at: maintenance.createdAt.toISOString(),
      scheduled_for: maintenance.scheduledFor.toISOString(),
      scheduled_until: maintenance.scheduledUntil.toISOString(),
    };
  }

  private indicator(): Indicator {
    const fromIncidents = this.world.incidents.filter((i) => i.status !== 'resolved').map((i): Indicator => i.impact);
    const fromComponents = [...this.world.componentStatus.values()].map((s) => COMPONENT_INDICATOR[s]);
    return worst([...fromIncidents, ...fromComponents], INDICATOR_SEVERITY, 'none');
  }

  private unresolvedIncidents(): JsonObject[] {
    return this.world.incidents.filter((i) => i.status !== 'resolved').map((i) => this.incident(i));
  }

  private maintenancesWith(statuses: WorldMaintenance['status'][]): JsonObject[] {
    return this.world.maintenances.filter((m) => statuses.includes(m.status)).map((m) => this.maintenance(m));
  }

  status(): JsonObject {
    const indicator = this.indicator();
    return { page: this.page(), status: { indicator, description: INDICATOR_DESCRIPTION[indicator] } };
  }

  /** summary.json lists components, unresolved incidents and upcoming/active maintenances only. */
  summary(): JsonObject {
    return {
      page: this.page(),
      components: this.components(),
      incidents: this.unresolvedIncidents(),
      scheduled_maintenances: this.maintenancesWith(['scheduled', 'in_progress']),
      status: this.status().status,
    };
  }

  /** The documents of the v2 API, by path under /api/v2. */
  document(pathname: string): JsonObject | null {
    switch (pathname) {
      case '/api/v2/summary.json':
        return this.summary();
      case '/api/v2/status.json':
        return this.status();
      case '/api/v2/components.json':
        return { page: this.page(), components: this.components() };
      case '/api/v2/incidents.json':
        return { page: this.page(), incidents: this.world.incidents.map((i) => this.incident(i)).reverse() };
      case '/api/v2/incidents/unresolved.json':
        return { page: this.page(), incidents: this.unresolvedIncidents() };
      case '/api/v2/scheduled-maintenances.json':
        return { page: this.page(), scheduled_maintenances: this.maintenancesWith(['scheduled', 'in_progress', 'completed']) };
      case '/api/v2/scheduled-maintenances/upcoming.json':
        return { page: this.page(), scheduled_maintenances: this.maintenancesWith(['scheduled']) };
      case '/api/v2/scheduled-maintenances/active.json':
        return { page: this.page(), scheduled_maintenances: this.maintenancesWith(['in_progress']) };
      default:
        return null;
    }
  }

  /** The public page of an incident or maintenance, `/incidents/{id}`. */
  eventPage(id: string): string | null {
    const event = [...this.world.incidents, ...this.world.maintenances].find((e) => e.id === id);
    if (!event) return null;
    const updates = [...event.updates]
      .reverse()
      .map((u) => `<li><strong>${escapeHtml(u.status)}</strong> <time>${u.at.toISOString()}</time><p>${escapeHtml(u.body)}</p></li>`)
      .join('\n');
    return htmlPage(event.name, `<h1>${escapeHtml(event.name)}</h1>\n<p>Status: ${event.status}</p>\n<ol>\n${updates}\n</ol>`);
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function htmlPage(title: string, body: string): string {
  return `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>\n<body>\n${body}\n</body>\n</html>\n`;
}
