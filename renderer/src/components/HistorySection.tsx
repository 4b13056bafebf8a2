// The last 90 days as this app saw them (common/history.ts): a bar of days per group of each page
// (unfolded to its components), and the incidents that ended. Status pages publish no uptime
// through their APIs, so this says plainly that it is the app's own record, since when.
import { useEffect, useMemo, useRef, useState } from 'react';
import { dayCells, dayOf, uptimeOf, type DayCell, type History } from '../../../common/history';
import type { SourceSnapshot } from '../../../common/model';
import { useApi, useAppStore, useI18n } from '../context';
import { groupServices } from '../selectors';
import { formatDateTime, formatDuration, parseTime } from '../time/format';

/** Asked for again at most this often while shown (it changes by the minute, not by the second). */
const REFRESH_MS = 60_000;

function useHistory(): History | null {
  const api = useApi();
  const snapshot = useAppStore((state) => state.snapshot);
  const [history, setHistory] = useState<History | null>(null);
  const askedAt = useRef(0);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  // A new picture is the moment to ask again, at most once a minute. An answer is kept even if
  // another picture came meanwhile (it is not older than the view).
  useEffect(() => {
    if (Date.now() - askedAt.current < REFRESH_MS) return;
    askedAt.current = Date.now();
    api
      .getHistory()
      .then((value) => {
        if (mounted.current) setHistory(value);
      })
      .catch(() => {
        askedAt.current = 0; // ask again with the next picture
      });
  }, [api, snapshot]);
  return history;
}

/**
 * Today, as a time at its noon: bars change by the day, so the section follows the day, not the
 * shared clock's every second (the tab stays mounted while hidden).
 */
function useToday(): Date {
  const day = useAppStore((state) => dayOf(new Date(state.now)));
  return useMemo(() => {
    const [year, month, date] = day.split('-').map(Number);
    return new Date(year ?? 1970, (month ?? 1) - 1, date ?? 1, 12);
  }, [day]);
}

function percent(value: number | null, lang: string): string {
  if (value === null) return '–';
  return `${(Math.floor(value * 10_000) / 100).toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 2 })} %`;
}

function DayBar({ label, cells }: { label: string; cells: readonly DayCell[] }) {
  const { t, lang } = useI18n();
  const troubled = cells.filter((cell) => cell.level !== null && cell.level !== 'operational').length;
  const days = t(troubled === 0 ? 'history.troubleDays.none' : troubled === 1 ? 'history.troubleDays.one' : 'history.troubleDays.other', { count: troubled });
  const summary = t('history.barLabel', { name: label, uptime: percent(uptimeOf(cells), lang), days });
  return (
    <div className="day-bar" role="img" aria-label={summary} title={summary}>
      {cells.map((cell) => (
        <span
          key={cell.day}
          className={`day level-${cell.level ?? 'none'}`}
          title={`${cell.day}: ${cell.level === null ? t('history.notWatched') : `${t(`level.${cell.level}`)} · ${percent(cell.up, lang)}`}`}
        />
      ))}
    </div>
  );
}

function SourceBars({ source, history }: { source: SourceSnapshot; history: History }) {
  const { t, lang } = useI18n();
  const date = useToday();
  const [open, setOpen] = useState<string | null>(null);
  const kept = history.sources.find((entry) => entry.url === source.url);
  const groups = useMemo(() => groupServices(source, ''), [source]);
  return (
    <div className="history-source">
      {history.sources.length > 1 || groups.length === 0 ? <h3 className="choice-title">{source.name}</h3> : null}
      <ul className="history-groups">
        {groups.map((group) => {
          const cells = dayCells(kept, group.services.map((service) => service.id), date);
          const name = group.name ?? t('services.ungrouped');
          return (
            <li key={group.key}>
              <button type="button" className="history-group-head" aria-expanded={open === group.key} onClick={() => setOpen(open === group.key ? null : group.key)}>
                <span>{name}</span>
                <span className="muted-text">{percent(uptimeOf(cells), lang)}</span>
              </button>
              <DayBar label={name} cells={cells} />
              {open === group.key ? (
                <ul className="history-services">
                  {group.services.map((service) => {
                    const serviceCells = dayCells(kept, [service.id], date);
                    return (
                      <li key={service.id}>
                        <span className="history-service-name">
                          {service.name} <span className="muted-text">{percent(uptimeOf(serviceCells), lang)}</span>
                        </span>
                        <DayBar label={service.name} cells={serviceCells} />
                      </li>
                    );
                  })}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function HistorySection() {
  const { t, lang, zone } = useI18n();
  const snapshot = useAppStore((state) => state.snapshot);
  // Dates are said as dates here; the day is all "now" decides (whether to show the year).
  const now = useToday().getTime();
  const history = useHistory();
  if (history === null || snapshot === null) return null;
  const since = parseTime(history.since);
  const past = history.sources
    .flatMap((source) => source.incidents.map((incident) => ({ source, incident })))
    .sort((a, b) => Date.parse(b.incident.resolvedAt) - Date.parse(a.incident.resolvedAt));

  return (
    <section aria-labelledby="history-title" className="history">
      <h2 id="history-title" className="section-title">
        {t('history.title')}
      </h2>
      <p className="hint">{since === null ? t('history.nothingYet') : t('history.since', { time: formatDateTime(since, zone, now) })}</p>
      {since !== null ? (
        <>
          <p className="history-legend muted-text" aria-hidden="true">
            <span>{t('history.daysAgo')}</span>
            <span>{t('history.today')}</span>
          </p>
          {snapshot.sources.map((source) => (
            <SourceBars key={source.url} source={source} history={history} />
          ))}
          <h3 className="choice-title">{t('history.pastIncidents')}</h3>
          {past.length === 0 ? (
            <p className="muted-text">{t('history.noPastIncidents')}</p>
          ) : (
            <ul className="past-incidents">
              {past.map(({ source, incident }) => {
                const started = parseTime(incident.startedAt);
                const ended = parseTime(incident.resolvedAt);
                return (
                  <li key={`${source.url}|${incident.id}`}>
                    <strong>{incident.title}</strong>
                    <span className="muted-text">
                      {' '}
                      {[
                        history.sources.length > 1 ? source.name : null,
                        t(`impact.${incident.impact}`),
                        ended === null ? null : formatDateTime(ended, zone, now),
                        started !== null && ended !== null ? t('history.lasted', { duration: formatDuration(ended - started, lang) }) : null,
                        incident.services.length > 0 ? incident.services.join(', ') : null,
                      ]
                        .filter((part): part is string => part !== null)
                        .join(' · ')}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
}
