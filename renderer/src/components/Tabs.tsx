// The sections as a WAI-ARIA tablist: arrow keys, Home and End move and select.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useAppStore, useI18n } from '../context';
import { maintenancesSoon, orderedIncidents } from '../selectors';
import { VIEWS, type ViewId } from '../store/ui';

export const tabId = (view: ViewId) => `tab-${view}`;
export const panelId = (view: ViewId) => `panel-${view}`;

export function Tabs() {
  const { t } = useI18n();
  const view = useAppStore((state) => state.view);
  const setView = useAppStore((state) => state.setView);
  const openCount = useAppStore((state) => orderedIncidents(state.snapshot).open.length);
  // Minute precision is enough for "starts within 24 h", and spares a re-render every second.
  const soonCount = useAppStore((state) => maintenancesSoon(state.snapshot, Math.floor(state.now / 60_000) * 60_000));
  const counts: Partial<Record<ViewId, number>> = { incidents: openCount, maintenances: soonCount };
  const refs = useRef(new Map<ViewId, HTMLButtonElement>());

  // In a narrow window the bar scrolls: keep the selected tab (e.g. after a deep link) in sight.
  useEffect(() => {
    const tab = refs.current.get(view);
    // jsdom has no scrollIntoView; real browsers do.
    if (tab && typeof tab.scrollIntoView === 'function') tab.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [view]);

  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = VIEWS.indexOf(view);
    const targets: Record<string, number> = {
      ArrowRight: (index + 1) % VIEWS.length,
      ArrowLeft: (index - 1 + VIEWS.length) % VIEWS.length,
      Home: 0,
      End: VIEWS.length - 1,
    };
    const next = targets[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = VIEWS[next] ?? view;
    setView(target);
    refs.current.get(target)?.focus();
  };

  return (
    <div className="tabs" role="tablist" aria-label={t('tab.label')} onKeyDown={move}>
      {VIEWS.map((id) => (
        <button
          key={id}
          ref={(element) => {
            if (element) refs.current.set(id, element);
            else refs.current.delete(id);
          }}
          type="button"
          role="tab"
          id={tabId(id)}
          aria-controls={panelId(id)}
          aria-selected={view === id}
          tabIndex={view === id ? 0 : -1}
          className="tab"
          onClick={() => setView(id)}
        >
          {t(`tab.${id}`)}
          {(counts[id] ?? 0) > 0 ? (
            <span className={`tab-count tab-count-${id}`}>
              <span className="sr-only"> (</span>
              {counts[id]}
              <span className="sr-only">)</span>
            </span>
          ) : null}
        </button>
      ))}
    </div>
  );
}
