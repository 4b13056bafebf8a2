// Maintenance in progress and upcoming, in the user's local time with relative times.
import { useAppStore, useI18n } from '../context';
import { findMaintenance, orderedMaintenances } from '../selectors';
import { MaintenanceCard } from './MaintenanceCard';
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
