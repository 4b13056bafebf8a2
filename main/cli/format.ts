// What the command prints: a readable table of a snapshot, and one line per change event.
// Times are shown in the local time zone of the machine.
import type { ChangeEvent, Incident, Level, Maintenance, SourceSnapshot, StatusSnapshot } from '../../common/model';
import { FLAP_WINDOW_MS } from '../core/notice-damper';
import type { AccountEvent } from '../../common/account-events';
import { FIX_PAGES } from '../../common/account';
import { ACCOUNT_TEXTS } from '../../common/account-texts';

const LEVEL_LABEL: Record<Level, string> = {
  operational: 'operational',
  maintenance: 'maintenance',
  degraded: 'degraded',
  partial_outage: 'partial outage',
  major_outage: 'MAJOR OUTAGE',
  unknown: 'unknown',
};

export function levelLabel(level: Level): string {
  return LEVEL_LABEL[level];
}

const pad2 = (value: number): string => String(value).padStart(2, '0');

/** `YYYY-MM-DD HH:MM` in local time; the text as given when it is not a date. */
export function localTime(iso: string | null): string {
  if (iso === null) return '?';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())} ${pad2(date.getHours())}:${pad2(date.getMinutes())}`;
}

/** Control characters from the network never reach the terminal (no escape sequences). */
export function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

function truncate(text: string, max: number): string {
  const flat = clean(text);
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

function incidentLine(incident: Incident, snapshot: SourceSnapshot): string[] {
  const names = incident.services.map((id) => snapshot.services.find((s) => s.id === id)?.name ?? id);
  const lines = [
    `  - ${clean(incident.title)} [${incident.status}, impact ${incident.impact}]`,
    `    since ${localTime(incident.startedAt)}${names.length > 0 ? `, affects ${clean(names.join(', '))}` : ''}`,
  ];
  const latest = incident.updates[0];
  if (latest) lines.push(`    ${localTime(latest.at)} ${truncate(latest.body, 200)}`);
  lines.push(`    ${clean(incident.url)}`);
  return lines;
}

function maintenanceLine(maintenance: Maintenance): string[] {
  const status = maintenance.status.replace('_', ' ');
  return [
    `  - ${clean(maintenance.title)} [${status}]`,
    `    ${localTime(maintenance.scheduledFor)} -> ${localTime(maintenance.scheduledUntil)}`,
    `    ${clean(maintenance.url)}`,
  ];
}

function servicesBlock(snapshot: SourceSnapshot): string[] {
  if (snapshot.services.length === 0) return ['  (no services listed)'];
  const width = Math.min(48, Math.max(...snapshot.services.map((service) => clean(service.name).length)) + 2);
  const groups = new Map<string, SourceSnapshot['services']>();
  for (const service of snapshot.services) {
    const group = service.group ?? '';
    groups.set(group, [...(groups.get(group) ?? []), service]);
  }
  const lines: string[] = [];
  for (const [group, services] of groups) {
    const indent = group === '' ? '  ' : '    ';
    if (group !== '') lines.push(`  ${clean(group)}`);
    for (const service of services) {
      // Levels line up in one column whatever the indentation.
      const name = truncate(service.name, 46).padEnd(width + 4 - indent.length);
      lines.push(`${indent}${name}${levelLabel(service.status)}`);
    }
  }
  return lines;
}

export function formatSource(snapshot: SourceSnapshot): string {
  const header = `${clean(snapshot.name)} (${snapshot.url}): ${levelLabel(snapshot.overall)}`;
  const lines = [header];
  if (snapshot.stale) {
    const seen = snapshot.fetchedAt === null ? 'no data yet' : `data from ${localTime(snapshot.fetchedAt)}`;
    lines.push(`  ! could not refresh: ${clean(snapshot.error ?? 'unknown error')} (${seen})`);
  }
  lines.push(...servicesBlock(snapshot));
  const open = snapshot.incidents.filter((incident) => incident.status !== 'resolved' && incident.status !== 'postmortem');
  lines.push(open.length > 0 ? 'Open incidents:' : 'Open incidents: none');
  for (const incident of open) lines.push(...incidentLine(incident, snapshot));
  const maintenances = snapshot.maintenances.filter((maintenance) => maintenance.status !== 'completed');
  lines.push(maintenances.length > 0 ? 'Maintenances:' : 'Maintenances: none planned');
  for (const maintenance of maintenances) lines.push(...maintenanceLine(maintenance));
  return lines.join('\n');
}

export function formatSnapshot(snapshot: StatusSnapshot): string {
  const blocks = snapshot.sources.map(formatSource);
  if (snapshot.sources.length > 1) blocks.push(`Overall: ${levelLabel(snapshot.overall)}`);
  return `${blocks.join('\n\n')}\n`;
}

/** Title and message of an event, shared by the printed line and the desktop notification. */
export function describeEvent(event: ChangeEvent): { title: string; message: string } {
  const source = clean(event.sourceName);
  switch (event.type) {
    case 'incident.opened':
      return { title: `${source}: new incident`, message: `${clean(event.title)} (${event.status}, impact ${event.impact})` };
    case 'incident.updated':
      return {
        title: `${source}: incident ${event.status}`,
        message: `${clean(event.title)}${event.update ? `: ${truncate(event.update.body, 200)}` : ''}`,
      };
    case 'incident.resolved':
      return { title: `${source}: incident resolved`, message: clean(event.title) };
    case 'maintenance.scheduled':
      return {
        title: `${source}: maintenance scheduled`,
        message: `${clean(event.title)}, ${localTime(event.scheduledFor)} -> ${localTime(event.scheduledUntil)}`,
      };
    case 'maintenance.started':
      return { title: `${source}: maintenance started`, message: clean(event.title) };
    case 'maintenance.completed':
      return { title: `${source}: maintenance completed`, message: clean(event.title) };
    case 'maintenance.reminder':
      return { title: `${source}: maintenance soon`, message: `${clean(event.title)} starts at ${localTime(event.scheduledFor)}` };
    case 'service.changed':
      return event.flapping === true
        ? {
            title: `${source}: ${clean(event.serviceName)} keeps changing`,
            message: `Now ${levelLabel(event.to)}; its next changes are announced once it has been steady for ${FLAP_WINDOW_MS / 60_000} minutes.`,
          }
        : {
            title: `${source}: ${clean(event.serviceName)} ${levelLabel(event.to)}`,
            message: `${clean(event.serviceName)}: ${levelLabel(event.from)} -> ${levelLabel(event.to)}`,
          };
    case 'overall.changed':
      return { title: `Overall status now ${levelLabel(event.to)}`, message: `${levelLabel(event.from)} -> ${levelLabel(event.to)}` };
    case 'source.unreachable':
      return { title: `${source}: status page unreachable`, message: clean(event.error ?? 'no answer') };
    case 'source.recovered':
      return { title: `${source}: status page reachable again`, message: event.sourceUrl };
  }
}

/** Title and message of an account event (`--watch --account`), for the line and the notification. */
export function describeAccountEvent(event: AccountEvent): { title: string; message: string; url: string } {
  if (event.type === 'account.token-refused') {
    return { title: 'Gandi account: token refused', message: 'Gandi refused the token: create a new one', url: FIX_PAGES.token };
  }
  const check = ACCOUNT_TEXTS.en.check[event.check];
  const message = clean(event.finding.message);
  return event.type === 'account.finding'
    ? { title: `Gandi account: ${check} ${event.finding.severity}`, message, url: FIX_PAGES[event.check] }
    : { title: `Gandi account: ${check} fine again`, message: `no longer: ${message}`, url: FIX_PAGES[event.check] };
}

export function formatAccountEventLine(event: AccountEvent): string {
  const { title, message, url } = describeAccountEvent(event);
  return `${localTime(event.at)} [${event.type}] ${title}: ${message} ${url}`;
}

/**
 * The `--json` line of an account event: the finding's fields at the top, as for status events;
 * `at` is when the check saw it, `date` the date the finding is about (an expiry), if any.
 */
export function accountEventJson(event: AccountEvent): string {
  if (event.type === 'account.token-refused') return JSON.stringify(event);
  const { finding, ...rest } = event;
  const { key: _findingKey, check: _check, at: date, ...fields } = finding;
  return JSON.stringify({ ...rest, ...fields, date, url: FIX_PAGES[event.check] });
}

export function formatEventLine(event: ChangeEvent): string {
  const { title, message } = describeEvent(event);
  return `${localTime(event.at)} [${event.type}] ${title}: ${message} ${clean(event.url)}`;
}
