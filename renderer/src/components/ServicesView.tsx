// Services with problems first, then every service by group (collapsible), with a filter box (by
// name, group or status word), a "show only problems" switch, and follow/mute toggles per service
// (those only in the desktop app: following and muting tune notifications, which the dashboard has
// not). A service an open incident names opens that incident.
import { Fragment, useCallback, useState } from 'react';
import type { Level, Service, SourceSnapshot } from '../../../common/model';
import { chooseService, defaultSettings, type ServiceList } from '../../../common/settings';
import { saveSettings } from '../actions';
import { useApi, useAppStore, useI18n, useStoreApi } from '../context';
import { translator } from '../i18n/messages';
import { groupServices, incidentNaming, problemServices, type ServiceGroup } from '../selectors';
import { LevelBadge } from './Badges';
import { OutageBanners } from './OutageBanners';
import { BellOffIcon, ChevronIcon, StarIcon } from './Icons';

const ENGLISH = translator('en');

export function ServicesView() {
  const { t } = useI18n();
  const snapshot = useAppStore((state) => state.snapshot);
  const filter = useAppStore((state) => state.serviceFilter);
  const setFilter = useAppStore((state) => state.setServiceFilter);
  const onlyProblems = useAppStore((state) => state.onlyProblems);
  const setOnlyProblems = useAppStore((state) => state.setOnlyProblems);
  const sources = snapshot?.sources ?? [];
  const [saveError, setSaveError] = useState<string | null>(null);
  // "outage" and "panne" both find a service in outage, whatever the window's language.
  const levelWords = useCallback((level: Level) => `${t(`level.${level}`)} ${ENGLISH(`level.${level}`)}`, [t]);

  const groupsBySource = sources.map((source) => ({ source, groups: groupServices(source, { filter, levelWords, onlyProblems }) }));
  const anyService = sources.some((source) => source.services.length > 0);
  const anyMatch = groupsBySource.some((entry) => entry.groups.length > 0);
  const problems = problemServices(snapshot);

  return (
    <div className="view services">
      <OutageBanners />
      <div className="services-tools">
        <input
          type="search"
          className="filter"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          placeholder={t('services.filterPlaceholder')}
          aria-label={t('services.filter')}
        />
        <label className="switch">
          <input type="checkbox" checked={onlyProblems} onChange={(event) => setOnlyProblems(event.target.checked)} />
          {t('services.onlyProblems')}
        </label>
      </div>
      {problems.length > 0 && filter.trim() === '' && !onlyProblems ? (
        <section className="problems" aria-labelledby="services-problems">
          <h2 id="services-problems" className="section-title">
            {t('services.problems')}
          </h2>
          <ul className="service-list">
            {problems.map(({ source, item }) => (
              <ServiceRow key={`${source.url}|${item.id}`} source={source} service={item} showGroup onError={setSaveError} />
            ))}
          </ul>
        </section>
      ) : null}
      {onlyProblems && problems.length === 0 ? <p className="empty">{t('services.noProblems')}</p> : null}
      {saveError ? (
        <p className="form-error" role="alert">
          {t('services.saveFailed', { error: saveError })}
        </p>
      ) : null}
      {!anyService ? <p className="empty">{t('services.none')}</p> : null}
      {anyService && !anyMatch && !(onlyProblems && problems.length === 0) ? <p className="empty">{t('services.noMatch', { filter })}</p> : null}
      {groupsBySource.map(({ source, groups }) =>
        groups.length === 0 ? null : (
          <section key={source.url} aria-label={source.name} className="source">
            {sources.length > 1 ? <h2 className="source-name">{source.name}</h2> : null}
            {groups.map((group) => (
              <GroupBlock key={group.key} source={source} group={group} filtering={filter.trim() !== '' || onlyProblems} onError={setSaveError} />
            ))}
          </section>
        ),
      )}
    </div>
  );
}

interface GroupProps {
  source: SourceSnapshot;
  group: ServiceGroup;
  filtering: boolean;
  onError: (error: string | null) => void;
}

function GroupBlock({ source, group, filtering, onError }: GroupProps) {
  const { t } = useI18n();
  const collapsedByUser = useAppStore((state) => state.collapsedGroups.includes(group.key));
  const toggleGroup = useAppStore((state) => state.toggleGroup);
  // While filtering, every group with a match is open so matches are never hidden.
  const expanded = filtering || !collapsedByUser;
  const listId = `group-${source.url}-${group.name ?? ''}`.replace(/[^a-zA-Z0-9_-]/g, '_');
  const issues = group.services.filter((service) => service.status !== 'operational').length;
  const title = group.name ?? t('services.ungrouped');

  return (
    <div className="group">
      <h3 className="group-heading">
        <button
          type="button"
          className="group-toggle"
          aria-expanded={expanded}
          aria-controls={listId}
          onClick={() => toggleGroup(group.key)}
          disabled={filtering}
        >
          <span className={expanded ? 'chevron open' : 'chevron'}>
            <ChevronIcon />
          </span>
          <span className="group-name">{title}</span>
          <span className="group-count">
            {issues > 0 ? t(issues === 1 ? 'services.issuesOne' : 'services.issues', { count: issues }) : t(group.services.length === 1 ? 'services.countOne' : 'services.count', { count: group.services.length })}
          </span>
        </button>
        {group.worst !== 'operational' ? <LevelBadge level={group.worst} /> : null}
      </h3>
      <ul id={listId} className="service-list" hidden={!expanded}>
        {group.services.map((service) => (
          <ServiceRow key={service.id} source={source} service={service} onError={onError} />
        ))}
      </ul>
    </div>
  );
}

interface RowProps {
  source: SourceSnapshot;
  service: Service;
  /** In the problems list, where rows from every group meet. */
  showGroup?: boolean;
  onError: (error: string | null) => void;
}

/** The service's name; a button opening the incident when an open incident names the service. */
function ServiceName({ source, service, showGroup = false }: Omit<RowProps, 'onError'>) {
  const { t } = useI18n();
  const show = useAppStore((state) => state.show);
  const incident = service.status === 'operational' ? null : incidentNaming(source, service.id);
  const group = showGroup && service.group !== null ? <span className="service-group">{service.group}</span> : null;
  if (incident === null) {
    return (
      <>
        <ServiceLabel name={service.name} />
        {group}
      </>
    );
  }
  return (
    <>
      <button
        type="button"
        className="service-link"
        title={incident.title}
        onClick={() => show({ kind: 'incident', sourceUrl: source.url, id: incident.id })}
      >
        <ServiceLabel name={service.name} />
        <span className="sr-only">{t('services.openIncident', { title: incident.title })}</span>
      </button>
      {group}
    </>
  );
}

function ServiceRow({ source, service, showGroup = false, onError }: RowProps) {
  const { t } = useI18n();
  const api = useApi();
  const store = useStoreApi();
  const followed = useAppStore((state) => state.settings?.followedServices.includes(service.id) ?? false);
  const muted = useAppStore((state) => state.settings?.mutedServices.includes(service.id) ?? false);
  const web = useAppStore((state) => state.info?.platform === 'web');
  const [busy, setBusy] = useState(false);

  const toggle = async (list: ServiceList) => {
    setBusy(true);
    const current = store.getState().settings ?? defaultSettings();
    const result = await saveSettings(api, store, chooseService(current, list, service.id));
    onError(result.ok ? null : result.error);
    setBusy(false);
  };

  if (web) {
    return (
      <li className="service">
        <span className="service-name">
          <ServiceName source={source} service={service} showGroup={showGroup} />
        </span>
        <LevelBadge level={service.status} />
      </li>
    );
  }

  return (
    <li className={muted ? 'service muted' : 'service'}>
      <span className="service-name">
        <ServiceName source={source} service={service} showGroup={showGroup} />
        {followed ? <span className="tag tag-followed">{t('services.followed')}</span> : null}
        {muted ? <span className="tag tag-muted">{t('services.muted')}</span> : null}
      </span>
      <LevelBadge level={service.status} />
      <span className="service-actions">
        <button
          type="button"
          className="icon-button"
          aria-pressed={followed}
          aria-label={t('services.follow', { name: service.name })}
          title={t(followed ? 'services.unfollow' : 'services.follow', { name: service.name })}
          disabled={busy}
          onClick={() => void toggle('followedServices')}
        >
          <StarIcon filled={followed} />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-pressed={muted}
          aria-label={t('services.mute', { name: service.name })}
          title={t(muted ? 'services.unmute' : 'services.mute', { name: service.name })}
          disabled={busy}
          onClick={() => void toggle('mutedServices')}
        >
          <BellOffIcon off={muted} />
        </button>
      </span>
    </li>
  );
}

/**
 * A name that may break after its dots when the row is narrow ("{abc}.dns." / "gandi.net"), so a
 * host name splits where a reader expects rather than at a random letter.
 */
function ServiceLabel({ name }: { name: string }) {
  const parts = name.split(/(?<=\.)(?=.)/);
  return (
    <span className="service-label">
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </span>
  );
}
