// The text a user pastes into a support ticket: what the status page says right now, from their side.
import type { StatusSnapshot } from '../../common/model';
import type { Settings } from '../../common/settings';
import type { AccountReport } from '../../common/account';
import type { AppInfo } from '../../common/window-api';
import { checkName, findingText, notCheckedText } from './account-text';
import type { Language, Translate } from './i18n/messages';
import { sourceErrorText } from './problem';
import { currentMaintenances, orderedIncidents, serviceNames } from './selectors';
import { formatDateTime, type DisplayZone } from './time/format';

export interface SummaryInput {
  snapshot: StatusSnapshot | null;
  settings: Settings | null;
  info: AppInfo | null;
  now: number;
  t: Translate;
  lang: Language;
  zone: DisplayZone;
  /** The account checks the user ticked off in the support panel, in words. */
  checked?: string[];
  /** The last report of the Gandi account checks (it holds no secret), when there is one. */
  account?: AccountReport | null;
}

export function buildTicketSummary(input: SummaryInput): string {
  const { snapshot, settings, info, now, t, lang, zone, checked = [], account = null } = input;
  const when = (iso: string | null) => (iso && !Number.isNaN(Date.parse(iso)) ? formatDateTime(Date.parse(iso), zone, now) : '—');
  const followed = new Set(settings?.followedServices ?? []);
  const lines: string[] = [t('summary.title')];
  lines.push(`${t('summary.time')}: ${formatDateTime(now, zone, now)} (${new Date(now).toISOString()})`);
  const overall = snapshot && snapshot.sources.length > 0 ? snapshot.overall : 'unknown';
  lines.push(`${t('summary.state')}: ${t(`overall.${overall}`)}`);

  for (const source of snapshot?.sources ?? []) {
    let line = `${t('summary.source')}: ${source.name} (${source.url}): ${t(`level.${source.overall}`)}`;
    if (source.stale) {
      line += `, ${t('summary.stale', { time: when(source.fetchedAt), error: sourceErrorText(source, t, lang) })}`;
    }
    lines.push(line);
  }

  // The order of the window: worst first.
  const open = orderedIncidents(snapshot).open.map(({ source, item }) => ({ source, incident: item }));
  // With followed services, only what touches them; otherwise every open incident.
  const relevant = followed.size > 0 ? open.filter(({ incident }) => incident.services.some((id) => followed.has(id))) : open;
  lines.push('', `${t(followed.size > 0 ? 'summary.incidents' : 'summary.allIncidents')}:`);
  if (relevant.length === 0) lines.push(`- ${t('summary.noIncidents')}`);
  for (const { source, incident } of relevant) {
    const names = serviceNames(source, incident.services).join(', ') || t('incidents.noServices');
    lines.push(
      `- ${incident.title} — ${t(`incidentStatus.${incident.status}`)}, ${t('incidents.impact')}: ${t(`impact.${incident.impact}`)}`,
      `  ${t('incidents.affects')}: ${names}`,
      `  ${t('incidents.started')}: ${when(incident.startedAt)}; ${t('incidents.updated')}: ${when(incident.updatedAt)}`,
      `  ${incident.url}`,
    );
  }

  // What step 1 of the support panel lists: in progress, or starting within a day.
  const ongoing = currentMaintenances(snapshot, now).map(({ source, item }) => ({ source, maintenance: item }));
  if (ongoing.length > 0) {
    lines.push('', `${t('summary.maintenances')}:`);
    for (const { source, maintenance } of ongoing) {
      const names = serviceNames(source, maintenance.services).join(', ');
      lines.push(`- ${maintenance.title} (${when(maintenance.scheduledFor)} – ${when(maintenance.scheduledUntil)})${names ? `: ${names}` : ''}`);
    }
  }

  if (followed.size > 0) {
    const states = (snapshot?.sources ?? []).flatMap((source) =>
      source.services.filter((s) => followed.has(s.id)).map((s) => `${s.name} (${t(`level.${s.status}`)})`),
    );
    lines.push('', `${t('summary.followed')}: ${states.join(', ') || t('settings.noneSelected')}`);
  }

  if (account !== null) {
    lines.push('', `${t('summary.account')} (${t('account.checkedAt', { ago: when(account.checkedAt) })}):`);
    for (const result of account.checks) {
      if (result.check === 'token' && result.outcome === 'ok') continue;
      const why = notCheckedText(result, t);
      const findings = result.findings.map((finding) => findingText(finding, t, lang, now));
      lines.push(`- ${checkName(result.check, t)}: ${t(`account.outcome.${result.outcome}`)}${why !== null ? ` (${why})` : ''}`);
      for (const finding of findings) lines.push(`  ${finding}`);
    }
  }

  if (checked.length > 0) {
    lines.push('', `${t('summary.checked')}:`, ...checked.map((cause) => `- ${cause}`));
  }

  lines.push('', `${t('summary.app')}: ${info ? `${info.name} ${info.version} (${info.platform})` : '—'}`);
  return lines.join('\n');
}
