// The `gandi-status` command as a function: arguments and I/O in, exit code out, so it runs the
// same from the real entry and in tests. Errors become one line on stderr and exit code 3.
import { version } from '../../package.json';
import { createHttpClient, problemOf } from '../core/http';
import { unknownSnapshot } from '../core/snapshot';
import { overallOf } from '../../common/levels';
import { SOURCE_KIND_NAMES, type Level, type SourceSnapshot, type StatusSnapshot } from '../../common/model';
import type { DetectPageResult } from '../../common/window-api';
import { createPageDetector } from '../core/page-detection';
import { createSource } from '../core/sources/index';
import { USAGE, parseArgs, type CliOptions } from './args';
import type { CliIo } from './io';
import { clean, formatSnapshot, levelLabel } from './format';
import { runWatch } from './watch';
import { runAccount } from './account';
import { runCheck } from './nagios';

export type { CliIo, CliOutput } from './io';

export const EXIT = { ok: 0, warning: 1, critical: 2, unknown: 3 } as const;

/** Nagios-style exit code over every source: major wins, then degraded/partial, then unknown. */
export function exitCodeFor(levels: readonly Level[]): number {
  if (levels.includes('major_outage')) return EXIT.critical;
  if (levels.includes('degraded') || levels.includes('partial_outage')) return EXIT.warning;
  if (levels.length === 0 || levels.includes('unknown')) return EXIT.unknown;
  return EXIT.ok;
}


/** A source as the documented JSON has it: `problem` is for the translated windows, not part of it. */
export type ContractSource = Omit<SourceSnapshot, 'problem'>;
export interface ContractSnapshot {
  overall: Level;
  sources: ContractSource[];
}

/** The documented JSON, field by field in the documented order (nothing more, nothing less). */
export function toContract(status: StatusSnapshot): ContractSnapshot {
  return {
    overall: status.overall,
    sources: status.sources.map((s) => ({
      url: s.url,
      kind: s.kind,
      name: s.name,
      overall: s.overall,
      fetchedAt: s.fetchedAt,
      stale: s.stale,
      error: s.error,
      services: s.services.map(({ id, name, group, status: level }) => ({ id, name, group, status: level })),
      incidents: s.incidents.map((i) => ({
        id: i.id,
        title: i.title,
        status: i.status,
        impact: i.impact,
        services: i.services,
        startedAt: i.startedAt,
        updatedAt: i.updatedAt,
        resolvedAt: i.resolvedAt,
        url: i.url,
        updates: i.updates.map(({ at, status: word, body }) => ({ at, status: word, body })),
      })),
      maintenances: s.maintenances.map((m) => ({
        id: m.id,
        title: m.title,
        status: m.status,
        scheduledFor: m.scheduledFor,
        scheduledUntil: m.scheduledUntil,
        services: m.services,
        url: m.url,
      })),
    })),
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : String(error);
}

async function runOnce(options: CliOptions, io: CliIo): Promise<number> {
  const http = createHttpClient({ fetch: io.fetch, now: io.now });
  const snapshots = await Promise.all(
    options.urls.map(async (url): Promise<SourceSnapshot> => {
      const source = createSource({ url, kind: options.kind }, { http, now: io.now });
      try {
        return await source.fetchSnapshot(null);
      } catch (error) {
        const message = clean(messageOf(error));
        io.stderr.write(`gandi-status: ${message}\n`);
        return unknownSnapshot(source.url, source.kind, message, problemOf(error));
      }
    }),
  );
  const status: StatusSnapshot = { overall: overallOf(snapshots), sources: snapshots };
  if (options.json) {
    io.stdout.write(`${JSON.stringify(toContract(status), null, 2)}\n`);
  } else if (snapshots.some((snapshot) => snapshot.fetchedAt !== null)) {
    io.stdout.write(formatSnapshot(status));
  }
  return exitCodeFor(snapshots.map((snapshot) => snapshot.overall));
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** `detect`'s answer in words: what a user needs before adding the page. */
export function formatDetection(result: DetectPageResult & { ok: true }): string {
  const groups = result.groups > 0 ? ` in ${plural(result.groups, 'group')}` : '';
  const kindFlag = result.kind === 'statuspage' ? '' : ` --kind ${result.kind}`;
  return [
    clean(result.url),
    `  format:      ${SOURCE_KIND_NAMES[result.kind]} (${result.kind})`,
    `  name:        ${clean(result.name)}`,
    `  components:  ${result.services}${groups}`,
    `  now:         ${levelLabel(result.overall)}; ${plural(result.incidents, 'incident')}, ${plural(result.maintenances, 'maintenance')}`,
    `  requests:    ${result.requests}`,
    `Watch it with: gandi-status --url ${clean(result.url)}${kindFlag}`,
    '',
  ].join('\n');
}

async function runDetect(options: CliOptions, io: CliIo): Promise<number> {
  const [url] = options.urls;
  const result = await createPageDetector({ fetch: io.fetch, now: io.now })({ url: url ?? '', kind: options.kind });
  if (options.json) io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else if (result.ok) io.stdout.write(formatDetection(result));
  if (!result.ok) io.stderr.write(`gandi-status: ${clean(result.error)}\n`);
  return result.ok ? EXIT.ok : EXIT.unknown;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const options = parseArgs(argv);
    switch (options.mode) {
      case 'help':
        io.stdout.write(USAGE);
        return EXIT.ok;
      case 'version':
        io.stdout.write(`gandi-status ${version}\n`);
        return EXIT.ok;
      case 'watch':
        return await runWatch(options, io);
      case 'once':
        return await runOnce(options, io);
      case 'detect':
        return await runDetect(options, io);
      case 'account':
        return await runAccount(options, io);
      case 'check':
        return options.check ? await runCheck(options, options.check, io) : EXIT.unknown;
    }
  } catch (error) {
    // ArgsError and SourceError messages are written for people; anything else is still one line.
    io.stderr.write(`gandi-status: ${clean(messageOf(error))}\n`);
    return EXIT.unknown;
  }
}
