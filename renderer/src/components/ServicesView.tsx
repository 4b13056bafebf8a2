// Services with problems first, then every service by group (collapsible), with a filter box (by
// name, group or status word), a "show only problems" switch, and follow/mute toggles per service
// (those only in the desktop app: following and muting tune notifications, which the dashboard has
// not). A service an open incident names opens that incident.
//
// Pages can list a thousand components: what each row needs is worked out once here and passed
// down, groups and rows are memoised on what they show, folded groups render no rows, and the
// filter answers the keystroke first and the list just after (useDeferredValue).
import { Fragment, memo, useCallback, useDeferredValue, useMemo, useState } from 'react';
import type { Level, Service } from '../../../common/model';
import { chooseService, defaultSettings, watchedPartsOf, type ServiceList } from '../../../common/settings';
import { unwatchedOf } from '../../../common/watch';
import { saveSettings } from '../actions';
import { useApi, useAppStore, useI18n, useStoreApi } from '../context';
import { translator } from '../i18n/messages';
import { groupServices, orderedIncidents, problemServices, type ServiceGroup } from '../selectors';
import { LevelBadge } from './Badges';
import { BellOffIcon, ChevronIcon, StarIcon } from './Icons';
import { OutageBanners } from './OutageBanners';
import { useAffectsYou } from '../affects-you';

const ENGLISH = translator('en');

/** The open incident naming a service (the worst first), per source URL and service id. */
type IncidentIndex = ReadonlyMap<string, { id: string; title: string }>;

interface RowContext {
  sourceUrl: string;
  followed: ReadonlySet<string>;
  muted: ReadonlySet<string>;
  /** The dashboard has no notifications: no follow or mute there. */
  web: boolean;
  naming: IncidentIndex;
  /** `sourceUrl|serviceId` of the services the Gandi account uses -> what of the user's they carry. */
  affects: ReadonlyMap<string, string>;
  /** Services of this page outside the part the user watches (common/watch.ts): shown dimmed. */
  unwatched: ReadonlySet<string>;
  onToggle: (list: ServiceList, serviceId: string) => Promise<void>;
}

export function ServicesView() {
  const { t } = useI18n();
  const api = useApi();
  const store = useStoreApi();
  const snapshot = useAppStore((state) => state.snapshot);
  const filter = useAppStore((state) => state.serviceFilter);
  const setFilter = useAppStore((state) => state.setServiceFilter);
  const onlyProblems = useAppStore((state) => state.onlyProblems);
  const setOnlyProblems = useAppStore((state) => state.setOnlyProblems);
  const settings = useAppStore((state) => state.settings);
  const web = useAppStore((state) => state.info?.platform === 'web');
  const [saveError, setSaveError] = useState<string | null>(null);
  const shownFilter = useDeferredValue(filter);
  const sources = useMemo(() => snapshot?.sources ?? [], [snapshot]);
  // "outage" and "panne" both find a service in outage, whatever the window's language.
  const levelWords = useCallback((level: Level) => `${t(`level.${level}`)} ${ENGLISH(`level.${level}`)}`, [t]);

  const groupsBySource = useMemo(
    () => sources.map((source) => ({ source, groups: groupServices(source, { filter: shownFilter, levelWords, onlyProblems }) })),
    [sources, shownFilter, levelWords, onlyProblems],
  );
  const problems = useMemo(() => problemServices(snapshot), [snapshot]);
  const naming = useMemo(() => {
    const bySource = new Map<string, Map<string, { id: string; title: string }>>();
    for (const { source, item } of [...orderedIncidents(snapshot).open].reverse()) {
      const index = bySource.get(source.url) ?? new Map<string, { id: string; title: string }>();
      // Worst last in this loop, so the worst incident naming a service is the one kept.
      for (const serviceId of item.services) index.set(serviceId, { id: item.id, title: item.title });
      bySource.set(source.url, index);
    }
    return bySource;
  }, [snapshot]);
  const followed = useMemo(() => new Set(settings?.followedServices ?? []), [settings]);
  const muted = useMemo(() => new Set(settings?.mutedServices ?? []), [settings]);
  const onToggle = useCallback(
    async (list: ServiceList, serviceId: string) => {
      const current = store.getState().settings ?? defaultSettings();
      const result = await saveSettings(api, store, chooseService(current, list, serviceId));
      setSaveError(result.ok ? null : result.error);
    },
    [api, store],
  );
  const affects = useAffectsYou().services;
  const unwatchedBySource = useMemo(() => {
    const parts = settings === null ? new Map() : watchedPartsOf(settings);
    return new Map(sources.map((source) => [source.url, unwatchedOf(source, parts.get(source.url))]));
  }, [settings, sources]);
  const context = (sourceUrl: string): RowContext => ({
    sourceUrl,
    followed,
    muted,
    web,
    naming: naming.get(sourceUrl) ?? EMPTY_INDEX,
    affects,
    unwatched: unwatchedBySource.get(sourceUrl) ?? NO_IDS,
    onToggle,
  });

  const anyService = sources.some((source) => source.services.length > 0);
  const anyMatch = groupsBySource.some((entry) => entry.groups.length > 0);
  const filtering = shownFilter.trim() !== '' || onlyProblems;

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
      {problems.length > 0 && !filtering ? (
        <section className="problems" aria-labelledby="services-problems">
          <h2 id="services-problems" className="section-title">
            {t('services.problems')}
          </h2>
          <ul className="service-list">
            {problems.map(({ source, item }) => (
              <ServiceRow key={`${source.url}|${item.id}`} service={item} showGroup context={context(source.url)} />
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
      {anyService && !anyMatch && !(onlyProblems && problems.length === 0) ? <p className="empty">{t('services.noMatch', { filter: shownFilter })}</p> : null}
      {groupsBySource.map(({ source, groups }) =>
        groups.length === 0 ? null : (
          <section key={source.url} aria-label={source.name} className="source">
            {sources.length > 1 ? <h2 className="source-name">{source.name}</h2> : null}
            {groups.map((group) => (
              <GroupBlock
                key={group.key}
                group={group}
                filtering={filtering}
                openByDefault={source.services.length < FOLD_HEALTHY_GROUPS_FROM || group.worst !== 'operational'}
                longPage={source.services.length >= FOLD_HEALTHY_GROUPS_FROM}
                context={context(source.url)}
              />
            ))}
          </section>
        ),
      )}
    </div>
  );
}

const EMPTY_INDEX: IncidentIndex = new Map();
const NO_IDS: ReadonlySet<string> = new Set();

function sameService(a: Service, b: Service): boolean {
  return a.id === b.id && a.name === b.name && a.status === b.status && a.group === b.group;
}

function sameContext(a: RowContext, b: RowContext): boolean {
  return (
    a.sourceUrl === b.sourceUrl &&
    a.followed === b.followed &&
    a.muted === b.muted &&
    a.web === b.web &&
    a.onToggle === b.onToggle &&
    a.affects === b.affects &&
    a.unwatched === b.unwatched
  );
}

function sameNaming(a: IncidentIndex, b: IncidentIndex, services: readonly Service[]): boolean {
  return a === b || services.every((service) => a.get(service.id)?.id === b.get(service.id)?.id && a.get(service.id)?.title === b.get(service.id)?.title);
}

interface GroupProps {
  group: ServiceGroup;
  filtering: boolean;
  /** Open unless the user folded it; on a long page, only groups with a problem start open. */
  openByDefault: boolean;
  /** On a long page an open group with problems lists them, its healthy services folded behind a button. */
  longPage: boolean;
  context: RowContext;
}

/** Beyond this many services, healthy groups start folded: what is broken is what fits on screen. */
export const FOLD_HEALTHY_GROUPS_FROM = 100;

/** Re-rendered only when what it shows changed: a new picture with the same group costs nothing. */
const GroupBlock = memo(function GroupBlock({ group, filtering, openByDefault, longPage, context }: GroupProps) {
  const { t } = useI18n();
  const [showHealthy, setShowHealthy] = useState(false);
  const toggledByUser = useAppStore((state) => state.toggledGroups.includes(group.key));
  const toggleGroup = useAppStore((state) => state.toggleGroup);
  // While filtering, every group with a match is open so matches are never hidden.
  const expanded = filtering || openByDefault !== toggledByUser;
  const listId = `group-${group.key}`.replace(/[^a-zA-Z0-9_-]/g, '_');
  const issues = group.services.filter((service) => service.status !== 'operational').length;
  const title = group.name ?? t('services.ungrouped');
  // What is broken first: on a long page the healthy rows of a troubled group wait for a click.
  const foldHealthy = longPage && !filtering && issues > 0 && !showHealthy;
  const shown = foldHealthy ? group.services.filter((service) => service.status !== 'operational') : group.services;
  const healthyFolded = group.services.length - shown.length;

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
            {issues > 0
              ? t(issues === 1 ? 'services.issuesOne' : 'services.issues', { count: issues })
              : t(group.services.length === 1 ? 'services.countOne' : 'services.count', { count: group.services.length })}
          </span>
        </button>
        {group.worst !== 'operational' ? <LevelBadge level={group.worst} /> : null}
      </h3>
      {/* A folded group renders no rows: a long page costs what is open, not what exists. */}
      <ul id={listId} className="service-list" hidden={!expanded}>
        {expanded ? shown.map((service) => <ServiceRow key={service.id} service={service} context={context} />) : null}
      </ul>
      {expanded && healthyFolded > 0 ? (
        <button type="button" className="text-button show-healthy" aria-controls={listId} onClick={() => setShowHealthy(true)}>
          {t(healthyFolded === 1 ? 'services.showHealthyOne' : 'services.showHealthy', { count: healthyFolded })}
        </button>
      ) : null}
    </div>
  );
}, (before, after) =>
  before.filtering === after.filtering &&
  before.longPage === after.longPage &&
  before.openByDefault === after.openByDefault &&
  before.group.key === after.group.key &&
  before.group.name === after.group.name &&
  before.group.worst === after.group.worst &&
  before.group.services.length === after.group.services.length &&
  before.group.services.every((service, index) => {
    const next = after.group.services[index];
    return next !== undefined && sameService(service, next);
  }) &&
  sameContext(before.context, after.context) &&
  sameNaming(before.context.naming, after.context.naming, after.group.services),
);

interface RowProps {
  service: Service;
  /** In the problems list, where rows from every group meet. */
  showGroup?: boolean;
  context: RowContext;
}

/** The service's name; a button opening the incident when an open incident names the service. */
function ServiceName({ service, showGroup = false, context }: RowProps) {
  const { t } = useI18n();
  const show = useAppStore((state) => state.show);
  const incident = service.status === 'operational' ? undefined : context.naming.get(service.id);
  const affects = context.affects.get(`${context.sourceUrl}|${service.id}`);
  const group = (
    <>
      {showGroup && service.group !== null ? <span className="service-group">{service.group}</span> : null}
      {affects !== undefined ? (
        <span className="tag tag-affects" title={affects}>
          {t('account.affectsYou')}
        </span>
      ) : null}
      {context.unwatched.has(service.id) ? <span className="tag tag-muted">{t('services.unwatched')}</span> : null}
    </>
  );
  if (incident === undefined) {
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
        onClick={() => show({ kind: 'incident', sourceUrl: context.sourceUrl, id: incident.id })}
      >
        <ServiceLabel name={service.name} />
        <span className="sr-only">{t('services.openIncident', { title: incident.title })}</span>
      </button>
      {group}
    </>
  );
}

const ServiceRow = memo(function ServiceRow({ service, showGroup = false, context }: RowProps) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const followed = context.followed.has(service.id);
  const muted = context.muted.has(service.id);

  const toggle = async (list: ServiceList) => {
    setBusy(true);
    await context.onToggle(list, service.id);
    setBusy(false);
  };

  const unwatched = context.unwatched.has(service.id);
  if (context.web) {
    return (
      <li className={unwatched ? 'service muted' : 'service'}>
        <span className="service-name">
          <ServiceName service={service} showGroup={showGroup} context={context} />
        </span>
        <LevelBadge level={service.status} />
      </li>
    );
  }

  return (
    <li className={muted || unwatched ? 'service muted' : 'service'}>
      <span className="service-name">
        <ServiceName service={service} showGroup={showGroup} context={context} />
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
}, (before, after) =>
  before.showGroup === after.showGroup &&
  sameService(before.service, after.service) &&
  sameContext(before.context, after.context) &&
  before.context.naming.get(before.service.id)?.id === after.context.naming.get(after.service.id)?.id,
);

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
