// "Watch only part of a page", in Settings: per source, the groups and components that matter,
// picked from what the page lists now, with a filter for pages of hundreds (Cloudflare's data
// centres). Unwatched components do not colour the tray nor notify (common/watch.ts).
import { useMemo, useState } from 'react';
import type { Settings } from '../../../common/settings';
import { watchesPart, type WatchChoice } from '../../../common/watch';
import { useAppStore, useI18n } from '../context';
import { groupServices } from '../selectors';

interface Props {
  index: number;
  source: Settings['sources'][number];
  update: (change: (current: Settings) => Settings) => void;
}

const NONE: WatchChoice = { services: [], groups: [] };
/** More rows than this and the list waits for a filter: a page of 2,000 checkboxes helps nobody. */
const MAX_ROWS = 200;

function toggled(list: readonly string[], item: string, on: boolean): string[] {
  const without = list.filter((other) => other !== item);
  return on ? [...without, item] : without;
}

export function WatchPartPicker({ index, source, update }: Props) {
  const { t } = useI18n();
  const page = useAppStore((state) => state.snapshot?.sources.find((candidate) => candidate.url === source.url) ?? null);
  const [filter, setFilter] = useState('');
  const choice = source.watch ?? NONE;
  const groups = useMemo(() => (page === null ? [] : groupServices(page, filter)), [page, filter]);
  const total = page?.services.length ?? 0;

  const setChoice = (next: WatchChoice) =>
    update((d) => ({
      ...d,
      sources: d.sources.map((s, i) => {
        if (i !== index) return s;
        const { watch: _dropped, ...rest } = s;
        return watchesPart(next) ? { ...rest, watch: { services: [...next.services], groups: [...next.groups] } } : rest;
      }),
    }));

  const counted = (kind: 'groups' | 'services', count: number): string[] =>
    count === 0 ? [] : [t(count === 1 ? `settings.watch.${kind}.one` : `settings.watch.${kind}.other`, { count })];
  const summary = !watchesPart(choice)
    ? t('settings.watch.whole')
    : t('settings.watch.part', { what: [...counted('groups', choice.groups.length), ...counted('services', choice.services.length)].join(', ') });
  const rows = groups.reduce((count, group) => count + group.services.length, 0);

  return (
    <details className="watch-part">
      <summary>{summary}</summary>
      {page === null || total === 0 ? (
        <p className="hint">{t('settings.watch.notRead')}</p>
      ) : (
        <div className="watch-part-body">
          <p className="hint">{t('settings.watch.hint')}</p>
          <div className="row">
            <input
              type="search"
              className="watch-filter"
              aria-label={t('settings.watch.filter')}
              placeholder={t('settings.watch.filter')}
              value={filter}
              onChange={(event) => setFilter(event.target.value)}
            />
            <button type="button" className="button" disabled={!watchesPart(choice)} onClick={() => setChoice(NONE)}>
              {t('settings.watch.all')}
            </button>
          </div>
          {rows > MAX_ROWS ? (
            <p className="hint">{t('settings.watch.tooMany', { count: rows })}</p>
          ) : (
            <ul className="watch-groups">
              {groups.map((group) => {
                const groupOn = group.name !== null && choice.groups.includes(group.name);
                return (
                  <li key={group.key}>
                    {group.name !== null ? (
                      <label className="checkbox">
                        <input
                          type="checkbox"
                          checked={groupOn}
                          onChange={(event) => setChoice({ ...choice, groups: toggled(choice.groups, group.name ?? '', event.target.checked) })}
                        />
                        <strong>{t('settings.watch.group', { name: group.name })}</strong>
                      </label>
                    ) : null}
                    <ul className="watch-services">
                      {group.services.map((service) => (
                        <li key={service.id}>
                          <label className={`checkbox${groupOn ? ' disabled' : ''}`}>
                            <input
                              type="checkbox"
                              // A watched group watches each of its components.
                              checked={groupOn || choice.services.includes(service.id)}
                              disabled={groupOn}
                              onChange={(event) => setChoice({ ...choice, services: toggled(choice.services, service.id, event.target.checked) })}
                            />
                            <span>{service.name}</span>
                          </label>
                        </li>
                      ))}
                    </ul>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
    </details>
  );
}
