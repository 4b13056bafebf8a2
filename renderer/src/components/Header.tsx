// The state at a glance: overall level in words and colour, freshness, and a banner when stale.
import { useState } from 'react';
import { useApi, useAppStore, useI18n } from '../context';
import { lastGoodUpdate } from '../selectors';
import { formatDateTime, formatRelative, parseTime } from '../time/format';
import { AlertIcon, RefreshIcon } from './Icons';

export function Header() {
  const api = useApi();
  const { t, lang, zone } = useI18n();
  const snapshot = useAppStore((state) => state.snapshot);
  const now = useAppStore((state) => state.now);
  const [refreshing, setRefreshing] = useState(false);

  const hasData = snapshot !== null && snapshot.sources.length > 0;
  const overall = hasData ? snapshot.overall : 'unknown';
  const headline = hasData ? t(`overall.${overall}`) : t('overall.noData');
  const updatedAt = lastGoodUpdate(snapshot);
  const staleSources = snapshot?.sources.filter((source) => source.stale) ?? [];

  const refresh = () => {
    setRefreshing(true);
    api
      .refresh()
      .catch(() => undefined) // a failed poll shows up as a stale source, not here
      .finally(() => setRefreshing(false));
  };

  return (
    <header className={`header level-${overall}`}>
      <div className="header-main">
        <span className="header-dot" aria-hidden="true" />
        <div className="header-text">
          <h1 className="headline" aria-live="polite">
            {headline}
          </h1>
          <p className="updated">
            {updatedAt === null
              ? t('header.neverUpdated')
              : t('header.updated', { ago: formatRelative(updatedAt, now, lang) })}
          </p>
        </div>
        <button type="button" className="button refresh" onClick={refresh} disabled={refreshing} aria-busy={refreshing}>
          <RefreshIcon />
          <span>{refreshing ? t('header.refreshing') : t('header.refresh')}</span>
        </button>
      </div>
      {staleSources.map((source) => {
        const lastGood = parseTime(source.fetchedAt);
        return (
          <div className="banner" role="alert" key={source.url}>
            <AlertIcon />
            <div>
              <p className="banner-title">
                {t('header.stale', { source: source.name, error: source.error ?? t('header.unknownError') })}
              </p>
              <p>
                {lastGood === null
                  ? t('header.staleNoData')
                  : t('header.staleSince', {
                      time: formatDateTime(lastGood, zone, now),
                      ago: formatRelative(lastGood, now, lang),
                    })}
              </p>
            </div>
          </div>
        );
      })}
    </header>
  );
}
