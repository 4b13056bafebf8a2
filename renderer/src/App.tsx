// The window: header, section tabs and the selected section. Keeps the shared clock ticking.
import { useEffect, type ReactNode } from 'react';
import { useAppStore, useI18n, useReconnect } from './context';
import { Header } from './components/Header';
import { IncidentsView } from './components/IncidentsView';
import { MaintenancesView } from './components/MaintenancesView';
import { ServicesView } from './components/ServicesView';
import { SettingsView } from './components/SettingsView';
import { SupportView } from './components/SupportView';
import { panelId, tabId, Tabs } from './components/Tabs';
import type { ViewId } from './store/ui';

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

  useEffect(() => {
    const timer = setInterval(tick, tickMs);
    return () => clearInterval(timer);
  }, [tick, tickMs]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t('app.title');
  }, [lang, t]);

  if (!hasSnapshot) {
    return connection.state === 'failed' ? <NoConnection error={connection.error} /> : <Connecting />;
  }

  const View = VIEW_COMPONENTS[view];
  return (
    <div className="app">
      <Header />
      <nav className="nav">
        <Tabs />
      </nav>
      <main id={panelId(view)} role="tabpanel" aria-labelledby={tabId(view)} tabIndex={0} className="panel">
        <View />
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
