// The window: header, section tabs and the selected section. Keeps the shared clock ticking.
import { useEffect, useState, type ReactNode } from 'react';
import { useAppStore, useI18n, useReconnect } from './context';
import { vouchedLevel } from '../../common/freshness';
import { Header } from './components/Header';
import { IncidentsView } from './components/IncidentsView';
import { MaintenancesView } from './components/MaintenancesView';
import { ServicesView } from './components/ServicesView';
import { SettingsView } from './components/SettingsView';
import { SupportView } from './components/SupportView';
import { panelId, tabId, Tabs } from './components/Tabs';
import { VIEWS, type ViewId } from './store/ui';
import { useWatchedSnapshot } from './watched';

const VIEW_COMPONENTS: Record<ViewId, () => ReactNode> = {
  overview: ServicesView,
  incidents: IncidentsView,
  maintenances: MaintenancesView,
  support: SupportView,
  settings: SettingsView,
};

export function App({ tickMs = 1000 }: { tickMs?: number }) {
  const { t, lang } = useI18n();
  const tick = useAppStore((state) => state.tick);
  const view = useAppStore((state) => state.view);
  const connection = useAppStore((state) => state.connection);
  const hasSnapshot = useAppStore((state) => state.snapshot !== null);
  const [visited, setVisited] = useState<ReadonlySet<ViewId>>(() => new Set([view]));
  if (!visited.has(view)) setVisited(new Set([...visited, view]));
  // The level the header shows; selected as a level, not the picture, so the window re-renders when
  // the level changes, not at every tick.
  const watched = useWatchedSnapshot();
  const level = useAppStore((state) => (watched === null || watched.sources.length === 0 ? null : vouchedLevel(watched, new Date(state.now))));

  useEffect(() => {
    const timer = setInterval(tick, tickMs);
    return () => clearInterval(timer);
  }, [tick, tickMs]);

  useEffect(() => {
    document.documentElement.lang = lang;
    // A browser tab says the state too: "Major outage - Gandi Status", with a dot of its colour.
    document.title = level === null ? t('app.title') : t('app.titleWithState', { state: t(`overall.${level}`) });
    setFavicon(level);
  }, [lang, t, level]);

  if (!hasSnapshot) {
    return connection.state === 'failed' ? <NoConnection error={connection.error} /> : <Connecting />;
  }

  return (
    <div className="app">
      <Header />
      <nav className="nav">
        <Tabs />
      </nav>
      <main className="main">
        {VIEWS.filter((id) => visited.has(id)).map((id) => {
          const View = VIEW_COMPONENTS[id];
          // A tab seen once stays mounted (hidden): coming back to a long page costs nothing.
          return (
            <div key={id} id={panelId(id)} role="tabpanel" aria-labelledby={tabId(id)} tabIndex={0} className="panel" hidden={id !== view}>
              <View />
            </div>
          );
        })}
      </main>
    </div>
  );
}

function Connecting() {
  const { t } = useI18n();
  return (
    <div className="app centered" role="status">
      <p>{t('app.connecting')}</p>
    </div>
  );
}

function NoConnection({ error }: { error: string }) {
  const { t } = useI18n();
  const reconnect = useReconnect();
  return (
    <div className="app centered">
      <div className="no-connection" role="alert">
        <h1 className="headline">{t('app.noConnection')}</h1>
        <p>{t('app.noConnectionHint')}</p>
        <p className="muted-text">{error}</p>
        <button type="button" className="button primary" onClick={reconnect}>
          {t('app.retry')}
        </button>
      </div>
    </div>
  );
}

/** The colours of the levels, as in the tray icon. */
const FAVICON_COLOURS: Record<string, string> = {
  operational: '#1e8e3e',
  maintenance: '#1a73e8',
  degraded: '#e0a800',
  partial_outage: '#e8710a',
  major_outage: '#d93025',
  unknown: '#80868b',
};

function setFavicon(level: string | null): void {
  const colour = FAVICON_COLOURS[level ?? 'unknown'] ?? FAVICON_COLOURS.unknown;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="8" cy="8" r="7" fill="${colour}"/></svg>`;
  let link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
  if (link === null) {
    link = document.createElement('link');
    link.rel = 'icon';
    document.head.appendChild(link);
  }
  link.type = 'image/svg+xml';
  link.href = `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
