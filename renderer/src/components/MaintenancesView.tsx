// Maintenance in progress and upcoming, in the user's local time with relative times.
import { forwardRef } from 'react';
import type { Maintenance, SourceSnapshot } from '../../../common/model';
import { useApi, useAppStore, useI18n } from '../context';
import type { Language, Translate } from '../i18n/messages';
import { findMaintenance, orderedMaintenances, serviceNames } from '../selectors';
import { formatClock, formatDateTime, formatDuration, formatRelative, parseTime, sameLocalDay } from '../time/format';
import { MaintenanceBadge } from './Badges';
import { ExternalIcon } from './Icons';
import { useHighlightTarget } from './useHighlight';

export function MaintenancesView() {
  const { t } = useI18n();
  const snapshot = useAppStore((state) => state.snapshot);
  const groups = orderedMaintenances(snapshot);
  const { highlight, isTarget, register, registerNotice } = useHighlightTarget('maintenance');
  const missing = highlight !== null && findMaintenance(snapshot, highlight.sourceUrl, highlight.id) === null;
  const sections = [
    { id: 'maint-progress', title: t('maintenances.inProgress'), items: groups.in_progress },
    { id: 'maint-upcoming', title: t('maintenances.upcoming'), items: groups.scheduled },
    { id: 'maint-completed', title: t('maintenances.completed'), items: groups.completed },
  ].filter((section) => section.items.length > 0);

  return (
    <div className="view maintenances">
      {missing ? (
        <p className="notice" role="status" tabIndex={-1} ref={registerNotice}>
          {t('maintenances.notFound')}
        </p>
      ) : null}
      {sections.length === 0 ? <p className="empty">{t('maintenances.none')}</p> : null}
      {sections.map((section) => (
        <section key={section.id} aria-labelledby={section.id}>
          <h2 id={section.id} className="section-title">
            {section.title}
          </h2>
          {section.items.map(({ source, item }) => (
            <MaintenanceCard
              key={`${source.url}|${item.id}`}
              ref={register(source.url, item.id)}
              source={source}
              maintenance={item}
              highlighted={isTarget(source.url, item.id)}
            />
          ))}
        </section>
      ))}
    </div>
  );
}

interface CardProps {
  source: SourceSnapshot;
  maintenance: Maintenance;
  highlighted: boolean;
}

const MaintenanceCard = forwardRef<HTMLElement, CardProps>(function MaintenanceCard({ source, maintenance, highlighted }, ref) {
  const { t, lang, zone } = useI18n();
  const api = useApi();
  const now = useAppStore((state) => state.now);
  const start = parseTime(maintenance.scheduledFor);
  const end = parseTime(maintenance.scheduledUntil);
  const names = serviceNames(source, maintenance.services);
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
      <p className="relative">{relativeLine(maintenance, start, end, now, lang, t)}</p>
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

/** "starts in 3 h · for 2 h", "ends in 40 min", "ended 5 min ago". */
export function relativeLine(
  maintenance: Maintenance,
  start: number | null,
  end: number | null,
  now: number,
  lang: Language,
  t: Translate,
): string {
  const parts: string[] = [];
  if (maintenance.status === 'scheduled' && start !== null) {
    parts.push(t('maintenances.startsIn', { in: formatRelative(start, now, lang) }));
    if (end !== null && end > start) parts.push(t('maintenances.for', { duration: formatDuration(end - start, lang) }));
  } else if (maintenance.status === 'in_progress' && end !== null) {
    parts.push(t('maintenances.endsIn', { in: formatRelative(end, now, lang) }));
  } else if (maintenance.status === 'completed' && end !== null) {
    parts.push(t('maintenances.endedAgo', { ago: formatRelative(end, now, lang) }));
  }
  return parts.join(' · ');
}
