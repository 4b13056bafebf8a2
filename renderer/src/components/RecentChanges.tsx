// What changed while the app was watching, newest first: the change events main pushed (and
// those it still held when the window opened). Says in a line what each was.
import type { ChangeEvent } from '../../../common/model';
import { useAppStore, useI18n } from '../context';
import type { Translate } from '../i18n/messages';
import { formatDateTime, parseTime } from '../time/format';

/** How many are shown: a glance at the recent past, not a log. */
const SHOWN = 20;

export function describeEvent(event: ChangeEvent, t: Translate): string {
  switch (event.type) {
    case 'incident.opened':
    case 'incident.updated':
    case 'incident.resolved':
    case 'maintenance.scheduled':
    case 'maintenance.started':
    case 'maintenance.completed':
    case 'maintenance.reminder':
      return t(`recent.${event.type}`, { title: event.title });
    case 'service.changed':
      return t('recent.service.changed', { name: event.serviceName, from: t(`level.${event.from}`), to: t(`level.${event.to}`) });
    case 'overall.changed':
      return t('recent.overall.changed', { from: t(`level.${event.from}`), to: t(`level.${event.to}`) });
    case 'source.unreachable':
    case 'source.recovered':
      return t(`recent.${event.type}`, { source: event.sourceName });
  }
}

export function RecentChanges() {
  const { t, zone } = useI18n();
  const events = useAppStore((state) => state.recentEvents);
  const now = useAppStore((state) => state.now);
  const show = useAppStore((state) => state.show);
  if (events.length === 0) return null;
  const newestFirst = [...events].reverse().slice(0, SHOWN);

  return (
    <section aria-labelledby="recent-changes" className="recent">
      <h2 id="recent-changes" className="section-title">
        {t('recent.title')}
      </h2>
      <ol className="recent-list">
        {newestFirst.map((event) => {
          const at = parseTime(event.at);
          const target =
            'incidentId' in event
              ? ({ kind: 'incident', sourceUrl: event.sourceUrl, id: event.incidentId } as const)
              : 'maintenanceId' in event
                ? ({ kind: 'maintenance', sourceUrl: event.sourceUrl, id: event.maintenanceId } as const)
                : null;
          const text = describeEvent(event, t);
          return (
            <li key={event.key} className="recent-item">
              {at !== null ? <time dateTime={event.at}>{formatDateTime(at, zone, now)}</time> : null}
              {target !== null ? (
                <button type="button" className="text-button" onClick={() => show(target)}>
                  {text}
                </button>
              ) : (
                <span>{text}</span>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
