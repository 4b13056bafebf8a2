// Gandi's procedure before contacting support: 1) incident or maintenance? 2) account causes,
// 3) contact (ticket, chat with its hours in the user's time zone, a summary to paste).
import { useEffect, useState } from 'react';
import { useApi, useAppStore, useI18n } from '../context';
import type { MessageKey } from '../i18n/messages';
import { currentMaintenances, orderedIncidents } from '../selectors';
import { buildTicketSummary } from '../summary';
import { CHAT_TIME_ZONE, chatHoursAt } from '../time/chat-hours';
import { formatClock, formatRelative, sameLocalDay } from '../time/format';
import { systemTimeZone, zoneOffsetAt } from '../time/zones';
import { AccountChecks } from './AccountChecks';
import { IncidentBadge, LevelBadge, MaintenanceBadge } from './Badges';
import { CopyIcon, ExternalIcon } from './Icons';

const ACCOUNT_CAUSES: MessageKey[] = [
  'support.cause.domainExpired',
  'support.cause.dnsChange',
  'support.cause.instancePaused',
  'support.cause.credit',
  'support.cause.mailQuota',
];

/** How long "Summary copied" stays: long enough to read, short enough not to claim a later copy. */
export const COPY_NOTICE_MS = 4000;

export function SupportView() {
  const { t } = useI18n();
  return (
    <div className="view support">
      {/* Who comes here to reach support finds the buttons first, not a screen and a half down. */}
      <section className="contact-top" aria-labelledby="support-contact">
        <h2 id="support-contact" className="section-title">
          {t('support.step3')}
        </h2>
        <Contact />
      </section>
      <p className="intro">{t('support.intro')}</p>
      <ol className="steps">
        <li className="step">
          <h2 className="step-title">{t('support.step1')}</h2>
          <LiveStatus />
        </li>
        <li className="step">
          <h2 className="step-title">{t('support.step2')}</h2>
          <p>{t('support.step2Intro')}</p>
          <AccountChecks manual={<Checklist />} />
        </li>
        <li className="step">
          <h2 className="step-title">{t('support.step3')}</h2>
          <p>{t('support.step3Hint')}</p>
        </li>
      </ol>
    </div>
  );
}

/** Real checkboxes, so the user can tick causes off while working through them (never saved). */
function Checklist() {
  const { t } = useI18n();
  const checked = useAppStore((state) => state.checkedCauses);
  const toggleCause = useAppStore((state) => state.toggleCause);
  return (
    <ul className="checklist">
      {ACCOUNT_CAUSES.map((key) => (
        <li key={key}>
          <label className={checked.includes(key) ? 'checkbox checked' : 'checkbox'}>
            <input type="checkbox" checked={checked.includes(key)} onChange={() => toggleCause(key)} />
            <span>{t(key)}</span>
          </label>
        </li>
      ))}
    </ul>
  );
}

function LiveStatus() {
  const { t } = useI18n();
  const snapshot = useAppStore((state) => state.snapshot);
  const show = useAppStore((state) => state.show);
  const { open } = orderedIncidents(snapshot);
  const now = useAppStore((state) => state.now);
  // Step 1 is about right now: running maintenance, and what starts within the next day.
  const current = currentMaintenances(snapshot, now);
  const known = snapshot !== null && snapshot.sources.length > 0 && snapshot.overall !== 'unknown';

  return (
    <div className="live" aria-live="polite">
      <p>
        <LevelBadge level={known ? snapshot.overall : 'unknown'} />
      </p>
      {!known ? <p>{t('support.step1Unknown')}</p> : null}
      {known && open.length === 0 && current.length === 0 ? <p>{t('support.step1None')}</p> : null}
      {open.length + current.length > 0 ? (
        <ul className="live-list">
          {open.map(({ source, item }) => (
            <li key={`i-${source.url}-${item.id}`}>
              <button type="button" className="text-button" onClick={() => show({ kind: 'incident', sourceUrl: source.url, id: item.id })}>
                {item.title}
              </button>
              <IncidentBadge status={item.status} impact={item.impact} />
            </li>
          ))}
          {current.map(({ source, item }) => (
            <li key={`m-${source.url}-${item.id}`}>
              <button type="button" className="text-button" onClick={() => show({ kind: 'maintenance', sourceUrl: source.url, id: item.id })}>
                {item.title}
              </button>
              <MaintenanceBadge status={item.status} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function Contact() {
  const { t, lang, zone } = useI18n();
  const api = useApi();
  const now = useAppStore((state) => state.now);
  const snapshot = useAppStore((state) => state.snapshot);
  const settings = useAppStore((state) => state.settings);
  const info = useAppStore((state) => state.info);
  const checkedCauses = useAppStore((state) => state.checkedCauses);
  const accountReport = useAppStore((state) => state.account?.report ?? null);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  // Bumped on every copy, so a second click restarts the notice's timer.
  const [copySeq, setCopySeq] = useState(0);

  const userZone = zone.timeZone ?? systemTimeZone();
  const hours = chatHoursAt(now);
  const localZone = { ...zone, timeZone: userZone };
  const start = formatClock(hours.opensAt, localZone);
  const endClock = formatClock(hours.closesAt, localZone);
  const end = sameLocalDay(hours.opensAt, hours.closesAt, localZone) ? endClock : `${endClock} ${t('support.nextDay')}`;
  // Same clock as Paris for the whole chat day: saying the hours twice would only confuse.
  const parisTime = [hours.opensAt, hours.closesAt].every(
    (at) => zoneOffsetAt(at, userZone) === zoneOffsetAt(at, CHAT_TIME_ZONE),
  );

  // The notice answers one click; left on screen it would vouch for a clipboard since overwritten.
  useEffect(() => {
    if (copyState === 'idle') return;
    const timer = setTimeout(() => setCopyState('idle'), COPY_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [copyState, copySeq]);

  const copy = async (): Promise<boolean> => {
    const checked = ACCOUNT_CAUSES.filter((key) => checkedCauses.includes(key)).map((key) => t(key));
    const text = buildTicketSummary({ snapshot, settings, info, now, t, lang, zone: localZone, checked, account: accountReport });
    const ok = await api.copyText(text).catch(() => false);
    setCopyState(ok ? 'copied' : 'failed');
    setCopySeq((seq) => seq + 1);
    return ok;
  };
  // One step: the summary goes to the clipboard, then the ticket form opens to paste it into.
  const copyAndOpenTicket = async () => {
    await copy();
    await api.openExternal({ kind: 'ticket', language: lang }).catch(() => false);
  };

  return (
    <div className="contact">
      <div className="contact-buttons">
        <button type="button" className="button primary" onClick={() => void copyAndOpenTicket()}>
          {t('support.copyAndTicket')}
          <ExternalIcon />
        </button>
        <button type="button" className="button" onClick={() => void api.openExternal({ kind: 'chat' })}>
          {t('support.chat')}
          <ExternalIcon />
        </button>
      </div>
      <p className="copy-result" role="status">
        {copyState === 'copied' ? t('support.copied') : copyState === 'failed' ? t('support.copyFailed') : ''}
      </p>
      <p className="hint">{t('support.chatWhere')}</p>
      <p className="chat-hours">
        <span className={hours.open ? 'badge chat-open' : 'badge chat-closed'}>
          {hours.open ? t('support.chatOpen') : t('support.chatClosed')}
        </span>{' '}
        <span className="muted-text">
          {t(hours.open ? 'support.chatClosesIn' : 'support.chatOpensIn', { in: formatRelative(hours.nextChangeAt, now, lang) })}
        </span>
      </p>
      <p className="hint">
        {parisTime ? t('support.chatHoursParis') : t('support.chatHours', { start, end, zone: userZone })}
      </p>
      {/* For the chat, or a ticket already open: the summary alone. */}
      <button type="button" className="link-button" onClick={() => void copy()}>
        <CopyIcon />
        {t('support.copy')}
      </button>
    </div>
  );
}
