// The state at a glance: overall level in words and colour, freshness, and a banner when stale
// or when the dashboard server itself is gone.
import { useEffect, useState } from 'react';
import { lastUpdate, vouchedLevel } from '../../../common/freshness';
import { useApi, useAppStore, useI18n } from '../context';
import { sourceErrorText } from '../problem';
import { formatDateTime, formatRelative, parseTime } from '../time/format';
import { AlertIcon, RefreshIcon } from './Icons';
import { useWatchedSnapshot } from '../watched';

export function Header() {
  const api = useApi();
  const { t, lang, zone } = useI18n();
  // The level of the part of each page the user watches (the whole page unless they chose).
  const snapshot = useWatchedSnapshot();
  const now = useAppStore((state) => state.now);
  const serverLink = useAppStore((state) => state.serverLink);
  const [refreshing, setRefreshing] = useState(false);
  // Kept as what happened, not as words, so it follows a change of language.
  const [refreshError, setRefreshError] = useState<{ unreachable: true } | { unreachable: false; message: string } | null>(null);
  const lost = serverLink.state === 'lost';

  const hasData = snapshot !== null && snapshot.sources.length > 0;
  // As the tray: an "all clear" nobody could confirm for a while is no longer vouched for.
  const overall = hasData ? vouchedLevel(snapshot, new Date(now)) : 'unknown';
  const headline = !hasData
    ? t('overall.noData')
    : overall === snapshot.overall
      ? t(`overall.${overall}`)
      : t('overall.lastKnown', { level: t(`overall.${overall}`), lastKnown: t(`level.${snapshot.overall}`) });
  // The same rule as the tray's "updated" line: the newest confirmation from any page.
  const updatedAt = snapshot === null ? null : (lastUpdate(snapshot)?.getTime() ?? null);
  const staleSources = snapshot?.sources.filter((source) => source.stale) ?? [];
  // "not checked yet" would be wrong once checks have run and failed.
  const neverReached = snapshot?.sources.some((source) => source.fetchedAt === null && source.error !== null) ?? false;

  // Back in touch: an error from while the server was gone no longer holds.
  useEffect(() => {
    if (!lost) setRefreshError(null);
  }, [lost]);

  const refresh = () => {
    setRefreshing(true);
    setRefreshError(null);
    api
      .refresh()
      .catch((error: unknown) => {
        // fetch rejects with a TypeError when the server cannot be reached at all.
        if (error instanceof TypeError) setRefreshError({ unreachable: true });
        else setRefreshError({ unreachable: false, message: error instanceof Error ? error.message : '' });
      })
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
            {updatedAt !== null
              ? t('header.updated', { ago: formatRelative(updatedAt, now, lang) })
              : neverReached
                ? t('header.neverReached')
                : t('header.neverUpdated')}
            {hasData ? (
              <span className="reported-by">
                {' · '}
                {snapshot.sources.length === 1
                  ? t('header.reportedBy', { source: snapshot.sources[0]?.name ?? '' })
                  : t('header.reportedByMany', { count: snapshot.sources.length })}
              </span>
            ) : null}
          </p>
        </div>
        <button type="button" className="button refresh" onClick={refresh} disabled={refreshing} aria-busy={refreshing}>
          <RefreshIcon />
          <span>{refreshing ? t('header.refreshing') : t('header.refresh')}</span>
        </button>
      </div>
      {lost || staleSources.length > 0 || refreshError !== null ? (
        // One short banner in plain words; the technical details on demand.
        <div className={lost ? 'banner banner-lost' : 'banner'} role="alert">
          <AlertIcon />
          <div>
            <p className="banner-title">
              {lost
                ? t('header.serverLost')
                : staleSources.length === 1
                  ? t('header.staleShort', { source: staleSources[0]?.name ?? '' })
                  : staleSources.length > 1
                    ? t('header.staleMany', { count: staleSources.length })
                    : t('header.refreshFailedShort')}
            </p>
            {lost ? (
              <p>
                {t('header.serverLostSince', {
                  time: formatDateTime(serverLink.since, zone, now),
                  ago: formatRelative(serverLink.since, now, lang),
                })}
              </p>
            ) : null}
            <details className="banner-details">
              <summary>{t('header.details')}</summary>
              {refreshError !== null ? (
                <p>
                  {t('header.refreshFailed', {
                    error: refreshError.unreachable ? t('header.serverUnreachable') : refreshError.message || t('header.unknownError'),
                  })}
                </p>
              ) : null}
              {staleSources.map((source) => {
                const lastGood = parseTime(source.fetchedAt);
                return (
                  <p key={source.url}>
                    {t('header.stale', { source: source.name, error: sourceErrorText(source, t, lang) })}{' '}
                    {lastGood === null
                      ? t('header.staleNoData')
                      : t('header.staleSince', { time: formatDateTime(lastGood, zone, now), ago: formatRelative(lastGood, now, lang) })}
                  </p>
                );
              })}
            </details>
          </div>
        </div>
      ) : null}
    </header>
  );
}
