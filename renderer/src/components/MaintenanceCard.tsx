// One maintenance: when (in the user's time, with relative times), what the page says about it,
// which services, and a link to its page.
import { useAffectsYou } from '../affects-you';
import { forwardRef } from 'react';
import type { Maintenance, SourceSnapshot } from '../../../common/model';
import { useApi, useAppStore, useI18n } from '../context';
import type { Language, Translate } from '../i18n/messages';
import { serviceNames } from '../selectors';
import { formatClock, formatDateTime, formatDuration, formatRelative, parseTime, sameLocalDay, type DisplayZone } from '../time/format';
import { MaintenanceBadge } from './Badges';
import { ExternalIcon } from './Icons';
import { UpdateText } from './UpdateText';

interface CardProps {
  source: SourceSnapshot;
  maintenance: Maintenance;
  highlighted: boolean;
}

export const MaintenanceCard = forwardRef<HTMLElement, CardProps>(function MaintenanceCard({ source, maintenance, highlighted }, ref) {
  const { t, lang, zone } = useI18n();
  const api = useApi();
  const now = useAppStore((state) => state.now);
  const start = parseTime(maintenance.scheduledFor);
  const end = parseTime(maintenance.scheduledUntil);
  const names = serviceNames(source, maintenance.services);
  const affects = useAffectsYou().items.get(`${source.url}|${maintenance.id}`);
  const titleId = `maintenance-${maintenance.id}-title`.replace(/[^a-zA-Z0-9_-]/g, '_');

  return (
    <article
      ref={ref}
      tabIndex={-1}
      aria-labelledby={titleId}
      className={`card maintenance${highlighted ? ' highlighted' : ''}`}
    >
      <div className="card-head">
        <h3 id={titleId} className="card-title">
          {maintenance.title}
        </h3>
        <MaintenanceBadge status={maintenance.status} />
      </div>
      <p className="when">
        {start === null ? (
          t('maintenances.noDate')
        ) : (
          <>
            <time dateTime={maintenance.scheduledFor ?? undefined}>{formatDateTime(start, zone, now)}</time>
            {end !== null ? (
              <>
                {' – '}
                <time dateTime={maintenance.scheduledUntil ?? undefined}>
                  {sameLocalDay(start, end, zone) ? formatClock(end, zone) : formatDateTime(end, zone, now)}
                </time>
              </>
            ) : null}
          </>
        )}
      </p>
      <p className="relative">{relativeLine(maintenance, start, end, now, lang, t, zone)}</p>
      {affects !== undefined ? (
        <p className="affects-you">
          <span className="tag tag-affects">{t('account.affectsYou')}</span> {affects}
        </p>
      ) : null}
      {maintenance.details ? <UpdateText text={maintenance.details} sourceUrl={source.url} /> : null}
      {names.length > 0 ? (
        <dl className="facts">
          <dt>{t('incidents.affects')}</dt>
          <dd>{names.join(', ')}</dd>
        </dl>
      ) : null}
      <button
        type="button"
        className="link-button"
        onClick={() => void api.openExternal({ kind: 'maintenance', sourceUrl: source.url, id: maintenance.id })}
      >
        {t('maintenances.openPage')}
        <ExternalIcon />
      </button>
    </article>
  );
});

/** "starts in 3 h · for 2 h", "ends in 40 min", "ended 5 min ago", "completed at 00:07 (early)". */
export function relativeLine(
  maintenance: Maintenance,
  start: number | null,
  end: number | null,
  now: number,
  lang: Language,
  t: Translate,
  zone: DisplayZone,
): string {
  const parts: string[] = [];
  if (maintenance.status === 'scheduled' && start !== null) {
    parts.push(t('maintenances.startsIn', { in: formatRelative(start, now, lang) }));
    if (end !== null && end > start) parts.push(t('maintenances.for', { duration: formatDuration(end - start, lang) }));
  } else if (maintenance.status === 'in_progress' && end !== null) {
    parts.push(t('maintenances.endsIn', { in: formatRelative(end, now, lang) }));
  } else if (maintenance.status === 'completed') {
    // The page's own word on when it ended; the planned end only when it gave none.
    const completed = parseTime(maintenance.completedAt ?? null);
    const early = (completed ?? now) < (end ?? -Infinity);
    if (completed !== null) parts.push(t(early ? 'maintenances.completedAtEarly' : 'maintenances.completedAt', { time: formatClock(completed, zone) }));
    else if (early) parts.push(t('maintenances.completedEarly'));
    else if (end !== null) parts.push(t('maintenances.endedAgo', { ago: formatRelative(end, now, lang) }));
  }
  return parts.join(' · ');
}
