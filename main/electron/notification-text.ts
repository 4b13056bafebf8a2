// Turns announced change events into what a notification says and what a click opens.
// Pure, so both languages and the burst summary are tested without a desktop.
import type { ChangeEvent, SourceProblem } from '../../common/model';
import { problemMessage } from '../../common/problem-message';
import { problemSentence } from '../../common/problem-texts';
import type { ShowTarget } from '../../common/window-api';
import { clockTime, type Texts } from './texts';
import { truncateText } from '../../common/notification-markup';
import { cleanRemoteLine } from '../../common/remote-text';
import { FLAP_WINDOW_MS } from '../core/notice-damper';
import type { Finding } from '../../common/account';
import type { AccountEvent } from '../../common/account-events';
import type { Touch } from '../../common/account-impact';
import { fillText } from '../../common/account-texts';

export interface Notice {
  title: string;
  body: string;
  /** What the window shows when the notification is clicked. */
  target: ShowTarget;
}

const MAX_BODY = 300;
const MAX_BURST_LINES = 4;

/** One line of a notification: remote text without controls or bidi overrides, on one line, bounded. */
function truncate(text: string, max: number): string {
  return truncateText(cleanRemoteLine(text).replace(/\s+/g, ' ').trim(), max);
}

export function targetOf(event: ChangeEvent): ShowTarget {
  switch (event.type) {
    case 'incident.opened':
    case 'incident.updated':
    case 'incident.resolved':
      return { kind: 'incident', sourceUrl: event.sourceUrl, id: event.incidentId };
    case 'maintenance.scheduled':
    case 'maintenance.started':
    case 'maintenance.completed':
    case 'maintenance.reminder':
      return { kind: 'maintenance', sourceUrl: event.sourceUrl, id: event.maintenanceId };
    default:
      return { kind: 'view', view: 'overview' };
  }
}

/** Short label of the kind of change, e.g. "New incident". */
export function headline(event: ChangeEvent, texts: Texts): string {
  const n = texts.notification;
  switch (event.type) {
    case 'incident.opened':
      return n.incidentOpened;
    case 'incident.updated':
      return n.incidentUpdated;
    case 'incident.resolved':
      return n.incidentResolved;
    case 'maintenance.scheduled':
      return n.maintenanceScheduled;
    case 'maintenance.started':
      return n.maintenanceStarted;
    case 'maintenance.completed':
      return n.maintenanceCompleted;
    case 'maintenance.reminder':
      return n.maintenanceReminder;
    case 'service.changed':
      return event.flapping === true ? n.serviceFlapping(event.serviceName) : n.serviceChanged(event.serviceName);
    case 'overall.changed':
      return n.overallChanged;
    case 'source.unreachable':
      return n.sourceUnreachable(event.sourceName);
    case 'source.recovered':
      return n.sourceRecovered(event.sourceName);
  }
}

/** A source's problem in the tray's language; null when it lacks what its sentence needs. */
export function problemLine(problem: SourceProblem, texts: Texts): string | null {
  const message = problemMessage(problem);
  return message === null ? null : problemSentence(message, texts.problem);
}

/** One line naming what the event is about (the incident title, the service, the page). */
export function subject(event: ChangeEvent, texts: Texts): string {
  switch (event.type) {
    case 'service.changed':
    case 'overall.changed':
      return `${texts.level[event.from]} → ${texts.level[event.to]}`;
    case 'source.unreachable':
    case 'source.recovered':
      return (event.problem === null ? null : problemLine(event.problem, texts)) ?? event.error ?? event.sourceUrl;
    default:
      return event.title;
  }
}

function details(event: ChangeEvent, texts: Texts): string[] {
  const lines: string[] = [];
  if (event.type.startsWith('incident.') || event.type.startsWith('maintenance.')) {
    if ('services' in event && event.services.length > 0) lines.push(texts.notification.affects(event.services.join(', ')));
  }
  if (event.type.startsWith('maintenance.') && 'scheduledFor' in event && event.scheduledFor !== null) {
    const start = new Date(event.scheduledFor);
    if (!Number.isNaN(start.getTime()) && event.type !== 'maintenance.completed') {
      lines.push(texts.notification.startsAt(clockTime(start)));
    }
  }
  if (event.type === 'service.changed' && event.flapping === true) lines.push(texts.notification.flappingHeld(FLAP_WINDOW_MS / 60_000));
  if ('update' in event && event.update !== null && event.update.body.trim() !== '') lines.push(event.update.body);
  return lines;
}

/** The account's uses an event touches, in words ("your instances shop-prod run there"). */
export function touchesLine(touches: readonly Touch[], texts: Texts): string {
  return texts.accountNotice.yours(touches.map((touch) => fillText(texts.account.touch[touch.use], { items: touch.items.join(', ') })).join('; '));
}

function sameTarget(a: ShowTarget, b: ShowTarget): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function namesItsSource(event: ChangeEvent): boolean {
  return event.type === 'source.unreachable' || event.type === 'source.recovered';
}

/** What of the account an event touches, if anything (from common/account-impact.ts). */
export type TouchesOf = (event: ChangeEvent) => readonly Touch[];

/** One notification for one event, or one that sums up a burst. */
export function composeNotice(events: readonly ChangeEvent[], texts: Texts, touchesOf: TouchesOf = () => []): Notice | null {
  const [first] = events;
  if (first === undefined) return null;
  if (events.length === 1) {
    const touches = touchesOf(first);
    const yours = touches.length > 0 ? [touchesLine(touches, texts)] : [];
    return {
      // A page's own health names the page already: "Gandi unreachable", not "... - Gandi".
      title: cleanRemoteLine(namesItsSource(first) ? headline(first, texts) : `${headline(first, texts)} - ${first.sourceName}`),
      body: [subject(first, texts), ...yours, ...details(first, texts)].map((line) => truncate(line, MAX_BODY)).join('\n'),
      target: targetOf(first),
    };
  }
  const lines = events.slice(0, MAX_BURST_LINES).map((event) => `${headline(event, texts)}: ${subject(event, texts)}`);
  if (events.length > MAX_BURST_LINES) lines.push(texts.andMore(events.length - MAX_BURST_LINES));
  const targets = events.map(targetOf);
  const target = targets.every((t) => sameTarget(t, targets[0] ?? t))
    ? targetOf(first)
    : ({ kind: 'view', view: 'overview' } as const);
  const sources = new Set(events.map((event) => event.sourceName));
  const sourceName = sources.size === 1 ? first.sourceName : [...sources].join(', ');
  return {
    title: cleanRemoteLine(texts.notification.burst(events.length, sourceName)),
    // Notification bodies keep newlines on every desktop; each change on its own line.
    body: lines.map((line) => truncate(line, 120)).join('\n'),
    target,
  };
}

/** A finding in the notification's language, its date said in whole days. */
export function findingLine(finding: Finding, texts: Texts): string {
  const days = finding.days ?? 0;
  const amount = finding.amount === null ? '' : String(Math.round(finding.amount * 100) / 100);
  return fillText(texts.account.finding[finding.code], { subject: finding.subject, days: finding.days ?? '?', amount, ago: texts.accountNotice.daysAgo(-days) });
}

function accountLine(event: AccountEvent, texts: Texts): string {
  return event.type === 'account.token-refused' ? texts.accountNotice.tokenRefused : findingLine(event.finding, texts);
}

/** New findings of the account checks: one notice, opening the support panel on the check. */
export function composeAccountNotice(events: readonly AccountEvent[], texts: Texts): Notice | null {
  const [first] = events;
  if (first === undefined) return null;
  const checks = new Set(events.map((event) => (event.type === 'account.token-refused' ? 'token' : event.check)));
  const [only] = [...checks];
  const target: ShowTarget = checks.size === 1 && only !== undefined ? { kind: 'account', check: only } : { kind: 'view', view: 'support' };
  const title =
    events.length === 1 ? texts.accountNotice.title(texts.account.check[only ?? 'token']) : texts.accountNotice.several(events.length);
  const lines = events.slice(0, MAX_BURST_LINES).map((event) => accountLine(event, texts));
  if (events.length > MAX_BURST_LINES) lines.push(texts.andMore(events.length - MAX_BURST_LINES));
  // Capitalised: a finding's sentence starts mid-sentence in the window ("the zone of ...").
  return { title, body: lines.map((line) => truncate(line.charAt(0).toUpperCase() + line.slice(1), 120)).join('\n'), target };
}
