// Under the header, what is broken right now: one line per open incident (worst first) and per
// maintenance in progress, each opening its card. In a tray-sized window this is the first thing
// read, so it names things instead of only colouring them.
import { useAppStore, useI18n } from '../context';
import { orderedIncidents, orderedMaintenances, serviceNames } from '../selectors';
import { formatDateTime, parseTime } from '../time/format';
import { useAffectsYou } from '../affects-you';

/** More than this many incidents would push everything else out of a tray-sized window. */
const MAX_BANNERS = 3;

/** The first line of an update's text, without Markdown's emphasis marks. */
export function firstLine(text: string): string {
  const line = text.split(/\r?\n/).find((candidate) => candidate.trim() !== '') ?? '';
  return line.replace(/[*_`#>]+/g, '').trim();
}

export function OutageBanners() {
  const { t, zone } = useI18n();
  const snapshot = useAppStore((state) => state.snapshot);
  const now = useAppStore((state) => state.now);
  const show = useAppStore((state) => state.show);
  const setView = useAppStore((state) => state.setView);
  const openIncidentsTab = () => setView('incidents');
  const affects = useAffectsYou().items;
  const { open } = orderedIncidents(snapshot);
  const { in_progress: ongoing } = orderedMaintenances(snapshot);
  if (open.length === 0 && ongoing.length === 0) return null;
  const shown = open.slice(0, MAX_BANNERS);

  return (
    <section className="outage-banners" aria-label={t('banners.label')}>
      {shown.map(({ source, item }) => {
        const names = serviceNames(source, item.services);
        const latest = item.updates[0];
        return (
          <button
            type="button"
            key={`${source.url}|${item.id}`}
            className={`outage-banner impact-border-${item.impact}`}
            onClick={() => show({ kind: 'incident', sourceUrl: source.url, id: item.id })}
          >
            <span className="outage-title">
              {affects.has(`${source.url}|${item.id}`) ? <span className="tag tag-affects">{t('account.affectsYou')}</span> : null} {item.title}
            </span>
            <span className="outage-meta">
              {t('banners.impact', { impact: t(`impact.${item.impact}`) })}
              {names.length > 0 ? ` · ${names.join(', ')}` : ''}
            </span>
            {latest ? <span className="outage-update">{firstLine(latest.body)}</span> : null}
          </button>
        );
      })}
      {open.length > shown.length ? (
        <button type="button" className="outage-more link-button" onClick={openIncidentsTab}>
          {t('banners.more', { count: open.length - shown.length })}
        </button>
      ) : null}
      {ongoing.map(({ source, item }) => {
        const until = parseTime(item.scheduledUntil);
        return (
          <button
            type="button"
            key={`${source.url}|m|${item.id}`}
            className="outage-banner maintenance"
            onClick={() => show({ kind: 'maintenance', sourceUrl: source.url, id: item.id })}
          >
            <span className="outage-title">{item.title}</span>
            <span className="outage-meta">
              {t('banners.maintenance')}
              {until !== null ? ` · ${t('banners.until', { time: formatDateTime(until, zone, now) })}` : ''}
            </span>
          </button>
        );
      })}
    </section>
  );
}
