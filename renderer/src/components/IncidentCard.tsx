// One incident: what, how bad, which services, when, and its timeline of updates.
// Everything from the API is rendered as text nodes (React escapes it); never as HTML.
import { forwardRef, useState } from 'react';
import type { Incident, SourceSnapshot } from '../../../common/model';
import { useApi, useAppStore, useI18n } from '../context';
import { serviceNames } from '../selectors';
import { formatDateTime, formatRelative, parseTime } from '../time/format';
import { IncidentBadge, useUpdateStatusLabel } from './Badges';
import { ExternalIcon } from './Icons';
import { UpdateText } from './UpdateText';
import { useAffectsYou } from '../affects-you';

interface Props {
  source: SourceSnapshot;
  incident: Incident;
  highlighted: boolean;
}

export const IncidentCard = forwardRef<HTMLElement, Props>(function IncidentCard({ source, incident, highlighted }, ref) {
  const { t, lang, zone } = useI18n();
  const api = useApi();
  const now = useAppStore((state) => state.now);
  const updateLabel = useUpdateStatusLabel();
  const titleId = `incident-${incident.id}-title`.replace(/[^a-zA-Z0-9_-]/g, '_');
  const names = serviceNames(source, incident.services);
  const affects = useAffectsYou().items.get(`${source.url}|${incident.id}`);
  const manySources = useAppStore((state) => (state.snapshot?.sources.length ?? 0) > 1);
  // The latest update says where things stand; the earlier ones are there on demand.
  const [showEarlier, setShowEarlier] = useState(false);
  const earlier = incident.updates.length - 1;
  const updates = showEarlier ? incident.updates : incident.updates.slice(0, 1);

  const time = (iso: string | null) => {
    const ms = parseTime(iso);
    if (ms === null) return null;
    return (
      <time dateTime={iso ?? undefined} title={formatDateTime(ms, zone, now)}>
        {formatDateTime(ms, zone, now)} <span className="muted-text">({formatRelative(ms, now, lang)})</span>
      </time>
    );
  };
  const started = time(incident.startedAt);
  const updated = time(incident.updatedAt);
  const resolved = time(incident.resolvedAt);

  return (
    <article
      ref={ref}
      tabIndex={-1}
      aria-labelledby={titleId}
      className={`card incident impact-border-${incident.impact}${highlighted ? ' highlighted' : ''}`}
      data-incident-id={incident.id}
    >
      <div className="card-head">
        <h3 id={titleId} className="card-title">
          {incident.title}
        </h3>
        <IncidentBadge status={incident.status} impact={incident.impact} />
      </div>
      {affects !== undefined ? (
        <p className="affects-you">
          <span className="tag tag-affects">{t('account.affectsYou')}</span> {affects}
        </p>
      ) : null}
      {incident.unlisted ? (
        <p className="notice unlisted" role="note">
          {t('incidents.unlisted')}
        </p>
      ) : null}
      <dl className="facts">
        {manySources ? (
          <>
            <dt>{t('incidents.page')}</dt>
            <dd>{source.name}</dd>
          </>
        ) : null}
        <dt>{t('incidents.impact')}</dt>
        <dd>{t(`impact.${incident.impact}`)}</dd>
        <dt>{t('incidents.affects')}</dt>
        <dd>{names.length > 0 ? names.join(', ') : <span className="muted-text">{t('incidents.noServices')}</span>}</dd>
        {started ? (
          <>
            <dt>{t('incidents.started')}</dt>
            <dd>{started}</dd>
          </>
        ) : null}
        {updated ? (
          <>
            <dt>{t('incidents.updated')}</dt>
            <dd>{updated}</dd>
          </>
        ) : null}
        {resolved ? (
          <>
            <dt>{t('incidents.resolvedAt')}</dt>
            <dd>{resolved}</dd>
          </>
        ) : null}
      </dl>
      <h4 className="timeline-title">{t('incidents.timeline')}</h4>
      {incident.updates.length === 0 ? (
        <p className="muted-text">{t('incidents.noUpdates')}</p>
      ) : (
        <ol className="timeline">
          {updates.map((update, index) => {
            const at = parseTime(update.at);
            return (
              <li key={`${update.at}-${index}`} className="timeline-item">
                <p className="timeline-meta">
                  <strong>{updateLabel(update.status)}</strong>
                  {at !== null ? (
                    <time dateTime={update.at}>
                      {' · '}
                      {formatDateTime(at, zone, now)}
                    </time>
                  ) : null}
                </p>
                <UpdateText text={update.body} sourceUrl={source.url} />
              </li>
            );
          })}
        </ol>
      )}
      {earlier > 0 ? (
        <button type="button" className="link-button earlier" aria-expanded={showEarlier} onClick={() => setShowEarlier(!showEarlier)}>
          {showEarlier ? t('incidents.hideEarlier') : t(earlier === 1 ? 'incidents.earlierOne' : 'incidents.earlier', { count: earlier })}
        </button>
      ) : null}
      <button
        type="button"
        className="link-button"
        onClick={() => void api.openExternal({ kind: 'incident', sourceUrl: source.url, id: incident.id })}
      >
        {t('incidents.openPage')}
        {/* Said, not shown: several cards each have this button, and a list of links must tell them apart. */}
        <span className="sr-only">{t('incidents.openPageOf', { title: incident.title })}</span>
        <ExternalIcon />
      </button>
    </article>
  );
});
