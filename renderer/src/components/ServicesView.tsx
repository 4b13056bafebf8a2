// Services by group (collapsible), with a filter box and follow/mute toggles per service (those
// only in the desktop app: following and muting tune notifications, which the dashboard has not).
import { Fragment, useState } from 'react';
import type { Service, SourceSnapshot } from '../../../common/model';
import { defaultSettings } from '../../../common/settings';
import { chooseService, type ServiceList } from '../../../common/settings';
import { saveSettings } from '../actions';
import { useApi, useAppStore, useI18n, useStoreApi } from '../context';
import { groupServices, type ServiceGroup } from '../selectors';
import { LevelBadge } from './Badges';
import { BellOffIcon, ChevronIcon, StarIcon } from './Icons';

export function ServicesView() {
  const { t } = useI18n();
  const snapshot = useAppStore((state) => state.snapshot);
  const filter = useAppStore((state) => state.serviceFilter);
  const setFilter = useAppStore((state) => state.setServiceFilter);
  const sources = snapshot?.sources ?? [];
  const [saveError, setSaveError] = useState<string | null>(null);

  const groupsBySource = sources.map((source) => ({ source, groups: groupServices(source, filter) }));
  const anyService = sources.some((source) => source.services.length > 0);
  const anyMatch = groupsBySource.some((entry) => entry.groups.length > 0);

  return (
    <div className="view services">
      <input
        type="search"
        className="filter"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
        placeholder={t('services.filterPlaceholder')}
        aria-label={t('services.filter')}
      />
      {saveError ? (
        <p className="form-error" role="alert">
          {t('services.saveFailed', { error: saveError })}
        </p>
      ) : null}
      {!anyService ? <p className="empty">{t('services.none')}</p> : null}
      {anyService && !anyMatch ? <p className="empty">{t('services.noMatch', { filter })}</p> : null}
      {groupsBySource.map(({ source, groups }) =>
        groups.length === 0 ? null : (
          <section key={source.url} aria-label={source.name} className="source">
            {sources.length > 1 ? <h2 className="source-name">{source.name}</h2> : null}
            {groups.map((group) => (
              <GroupBlock key={group.key} source={source} group={group} filtering={filter.trim() !== ''} onError={setSaveError} />
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
            {issues > 0 ? t('services.issues', { count: issues }) : t(group.services.length === 1 ? 'services.countOne' : 'services.count', { count: group.services.length })}
          </span>
        </button>
        {group.worst !== 'operational' ? <LevelBadge level={group.worst} /> : null}
      </h3>
      <ul id={listId} className="service-list" hidden={!expanded}>
        {group.services.map((service) => (
          <ServiceRow key={service.id} service={service} onError={onError} />
        ))}
      </ul>
    </div>
  );
}

function ServiceRow({ service, onError }: { service: Service; onError: (error: string | null) => void }) {
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
          <ServiceLabel name={service.name} />
        </span>
        <LevelBadge level={service.status} />
      </li>
    );
  }

  return (
    <li className={muted ? 'service muted' : 'service'}>
      <span className="service-name">
        <ServiceLabel name={service.name} />
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
