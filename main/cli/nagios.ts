// `gandi-status --check`: a monitoring plugin after the Nagios plugin guidelines. One line,
// `GANDI STATUS CRITICAL - PaaS FR-SD5 major outage; 1 incident | components=42;;; incidents=1;;; age=0s;;;`,
// and the exit code of the state (0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN). `--component` and
// `--group` judge only what a host depends on; `--max-age` lets a page that cannot be read now be
// judged by the last good data a `--watch` daemon saved, if it is recent enough.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import { isOpenIncident, worstLevel } from '../../common/levels';
import type { Level, Service, SourceSnapshot } from '../../common/model';
import { createHttpClient, hostOf, problemOf } from '../core/http';
import { unknownSnapshot } from '../core/snapshot';
import { createSource } from '../core/sources/index';
import { persistedStateSchema } from '../core/state-store';
import type { CliOptions } from './args';
import type { CheckSelection } from './check-args';
import { defaultStateFile } from './config-dir';
import { clean } from './format';
import type { CliIo } from './io';

export type { CheckSelection } from './check-args';

/** Icinga and Nagios keep long outputs, but a status line should fit a dashboard cell. */
export const MAX_CHECK_TEXT_CHARS = 300;
/** Components named in the line before "and N more". */
const NAMED_COMPONENTS = 3;


export const STATE_WORDS = ['OK', 'WARNING', 'CRITICAL', 'UNKNOWN'] as const;
export type CheckCode = 0 | 1 | 2 | 3;

export interface CheckVerdict {
  code: CheckCode;
  text: string;
  components: number;
  incidents: number;
  maintenances: number;
  /** Age of the oldest data judged, in whole seconds; null when nothing could be judged. */
  ageSeconds: number | null;
}

const LEVEL_WORDS: Record<Level, string> = {
  operational: 'operational',
  maintenance: 'maintenance',
  degraded: 'degraded',
  partial_outage: 'partial outage',
  major_outage: 'major outage',
  unknown: 'status unknown',
};

/** Remote text made safe for a plugin line: no control characters, no `|` (it starts the perfdata). */
export function pluginText(text: string): string {
  return clean(text).replace(/\|/g, '/');
}

function codeOf(levels: readonly Level[]): CheckCode {
  if (levels.includes('major_outage')) return 2;
  if (levels.includes('degraded') || levels.includes('partial_outage')) return 1;
  if (levels.length === 0 || levels.includes('unknown')) return 3;
  return 0;
}

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

function selected(service: Service, selection: CheckSelection): boolean {
  if (selection.components.length === 0 && selection.groups.length === 0) return true;
  return (
    selection.components.some((name) => same(name, service.name) || same(name, service.id)) ||
    selection.groups.some((name) => service.group !== null && same(name, service.group))
  );
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export interface JudgedSource {
  snapshot: SourceSnapshot;
  /** Why it could not be read now (it is then the saved data, or nothing). */
  failure: string | null;
}

/** The verdict over the sources: pure, so every case is tested without a network. */
export function judge(sources: readonly JudgedSource[], selection: CheckSelection, now: Date): CheckVerdict {
  const filtered = selection.components.length > 0 || selection.groups.length > 0;
  const levels: Level[] = [];
  const parts: string[] = [];
  let components = 0;
  let incidents = 0;
  let maintenances = 0;
  let oldest: number | null = null;
  const many = sources.length > 1;

  for (const { snapshot, failure } of sources) {
    const name = pluginText(snapshot.name);
    const prefix = many ? `${name}: ` : '';
    if (snapshot.fetchedAt === null) {
      levels.push('unknown');
      parts.push(`${prefix}${pluginText(failure ?? `${name} not read`)}`);
      continue;
    }
    const age = Math.max(0, Math.round((now.getTime() - Date.parse(snapshot.fetchedAt)) / 1000));
    if (failure !== null && (selection.maxAgeSeconds === null || age > selection.maxAgeSeconds)) {
      levels.push('unknown');
      const limit = selection.maxAgeSeconds === null ? '' : ` (more than ${selection.maxAgeSeconds}s)`;
      parts.push(`${prefix}${pluginText(failure)}; last data ${age}s old${limit}`);
      continue;
    }
    oldest = Math.max(oldest ?? 0, age);
    const services = snapshot.services.filter((service) => selected(service, selection));
    const ids = new Set(services.map((service) => service.id));
    const concerns = (serviceIds: readonly string[]): boolean => !filtered || serviceIds.some((id) => ids.has(id));
    const open = snapshot.incidents.filter((incident) => isOpenIncident(incident) && concerns(incident.services));
    const inProgress = snapshot.maintenances.filter((m) => m.status === 'in_progress' && concerns(m.services));
    components += services.length;
    incidents += open.length;
    maintenances += inProgress.length;

    if (filtered) levels.push(...services.map((service) => service.status));
    else levels.push(snapshot.overall);

    const troubled = services
      .filter((service) => service.status !== 'operational')
      .sort((a, b) => rankForText(b.status) - rankForText(a.status));
    const named = troubled.slice(0, NAMED_COMPONENTS).map((service) => `${pluginText(service.name)} ${LEVEL_WORDS[service.status]}`);
    if (troubled.length > NAMED_COMPONENTS) named.push(`and ${troubled.length - NAMED_COMPONENTS} more`);
    let said: string;
    if (named.length > 0) said = named.join(', ');
    else if (!filtered && snapshot.overall !== 'operational') said = `${name} ${LEVEL_WORDS[snapshot.overall]}`;
    else if (services.length === 0) said = filtered ? 'no component selected here' : 'no components listed';
    else said = services.length === 1 ? `${pluginText(services[0]?.name ?? '')} operational` : `all ${services.length} components operational`;
    const extra = [open.length > 0 ? plural(open.length, 'incident') : 'no incident'];
    if (inProgress.length > 0) extra.push(`${plural(inProgress.length, 'maintenance')} in progress`);
    const staleNote = failure !== null ? ` (last data, ${age}s old: ${pluginText(failure)})` : '';
    parts.push(`${prefix}${said}; ${extra.join(', ')}${staleNote}`);
  }

  const missing = unmatchedNames(sources, selection);
  let code = codeOf(levels);
  if (missing.length > 0) {
    // A name that matches nothing is a configuration mistake, never an "all clear".
    code = 3;
    parts.unshift(`no component or group named ${missing.map((name) => `"${pluginText(name)}"`).join(', ')}`);
  }
  return { code, text: cut(parts.join('; ')), components, incidents, maintenances, ageSeconds: oldest };
}

/** Severity for sorting the named components: unknown after every real problem, before maintenance. */
function rankForText(level: Level): number {
  return level === 'unknown' ? 1.5 : ['operational', 'maintenance', 'degraded', 'partial_outage', 'major_outage'].indexOf(level);
}

function unmatchedNames(sources: readonly JudgedSource[], selection: CheckSelection): string[] {
  const read = sources.filter((source) => source.snapshot.fetchedAt !== null);
  if (read.length < sources.length) return []; // what a page that was not read holds is not known
  const services = read.flatMap((source) => source.snapshot.services);
  return [
    ...selection.components.filter((name) => !services.some((s) => same(name, s.name) || same(name, s.id))),
    ...selection.groups.filter((name) => !services.some((s) => s.group !== null && same(name, s.group))),
  ];
}

function cut(text: string): string {
  return text.length <= MAX_CHECK_TEXT_CHARS ? text : `${text.slice(0, MAX_CHECK_TEXT_CHARS - 1)}…`;
}

/** The plugin line: state, text, and the performance data after `|`. */
export function formatCheckLine(verdict: CheckVerdict): string {
  const perf = [`components=${verdict.components};;;`, `incidents=${verdict.incidents};;;`, `maintenances=${verdict.maintenances};;;`];
  if (verdict.ageSeconds !== null) perf.push(`age=${verdict.ageSeconds}s;;;`);
  return `GANDI STATUS ${STATE_WORDS[verdict.code]} - ${verdict.text} | ${perf.join(' ')}\n`;
}

/** The last good snapshots a `--watch` saved, read only (the daemon may hold the file). */
async function savedSnapshots(file: string): Promise<Map<string, SourceSnapshot>> {
  const saved = new Map<string, SourceSnapshot>();
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return saved;
    const parsed = persistedStateSchema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
    if (parsed.success) for (const snapshot of parsed.data.snapshots) saved.set(snapshot.url, snapshot as SourceSnapshot);
  } catch {
    // No saved data: a page that cannot be read is then simply unknown.
  }
  return saved;
}

function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : String(error);
}

export async function runCheck(options: CliOptions, selection: CheckSelection, io: CliIo): Promise<number> {
  const timeoutMs = selection.timeoutSeconds * 1000;
  const http = createHttpClient({ fetch: io.fetch, now: io.now, timeoutMs });
  const read = Promise.all(
    options.urls.map(async (url): Promise<JudgedSource> => {
      const source = createSource({ url, kind: options.kind }, { http, now: io.now });
      try {
        return { snapshot: await source.fetchSnapshot(null), failure: null };
      } catch (error) {
        return { snapshot: unknownSnapshot(source.url, source.kind, messageOf(error), problemOf(error)), failure: messageOf(error) };
      }
    }),
  );
  // One deadline for the whole check: a page needing several requests still answers in time.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  const live = await Promise.race([read, deadline]);
  clearTimeout(timer);
  const sources: JudgedSource[] =
    live ??
    options.urls.map((url) => ({
      snapshot: unknownSnapshot(url, 'statuspage', 'timeout'),
      failure: `no answer from ${hostOf(url)} within ${selection.timeoutSeconds}s`,
    }));

  if (selection.maxAgeSeconds !== null && sources.some((source) => source.failure !== null)) {
    const info = { platform: io.platform ?? process.platform, env: io.env, homedir: io.homedir ?? os.homedir() };
    const saved = await savedSnapshots(options.stateFile ?? defaultStateFile(info, options.urls));
    for (const source of sources) {
      const last = saved.get(source.snapshot.url);
      if (source.failure !== null && last && last.fetchedAt !== null) source.snapshot = { ...last, stale: true };
    }
  }
  const verdict = judge(sources, selection, io.now());
  io.stdout.write(formatCheckLine(verdict));
  return verdict.code;
}
