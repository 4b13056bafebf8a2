// Open incidents first, then the recently resolved ones; a deep link lands on one of them.
import { useAppStore, useI18n } from '../context';
import { findIncident, orderedIncidents } from '../selectors';
import { IncidentCard } from './IncidentCard';
import { RecentChanges } from './RecentChanges';
import { HistorySection } from './HistorySection';
import { useHighlightTarget } from './useHighlight';

export function IncidentsView() {
  const { t } = useI18n();
  const snapshot = useAppStore((state) => state.snapshot);
  const { open, resolved } = orderedIncidents(snapshot);
  const { highlight, isTarget, register, registerNotice } = useHighlightTarget('incident');
  const missing = highlight !== null && findIncident(snapshot, highlight.sourceUrl, highlight.id) === null;

  const list = (items: typeof open) =>
    items.map(({ source, item }) => (
      <IncidentCard
        key={`${source.url}|${item.id}`}
        ref={register(source.url, item.id)}
        source={source}
        incident={item}
        highlighted={isTarget(source.url, item.id)}
      />
    ));

  return (
    <div className="view incidents">
      {missing ? (
        <p className="notice" role="status" tabIndex={-1} ref={registerNotice}>
          {t('incidents.notFound')}
        </p>
      ) : null}
      {open.length === 0 ? (
        <p className="empty">{t(resolved.length === 0 ? 'incidents.none' : 'incidents.noneOpen')}</p>
      ) : null}
      {open.length > 0 ? (
        <section aria-labelledby="incidents-open">
          <h2 id="incidents-open" className="section-title">
            {t('incidents.open')}
          </h2>
          {list(open)}
        </section>
      ) : null}
      {resolved.length > 0 ? (
        <section aria-labelledby="incidents-resolved">
          <h2 id="incidents-resolved" className="section-title">
            {t('incidents.resolved')}
          </h2>
          {list(resolved)}
        </section>
      ) : null}
      <RecentChanges />
      <HistorySection />
    </div>
  );
}
