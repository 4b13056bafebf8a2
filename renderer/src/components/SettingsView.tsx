// Everything the settings hold, edited as a draft, checked against the schema before saving.
// The browser dashboard shows only what matters there (it raises no notifications).
import { useRef, useState, type FormEvent } from 'react';
import { SOURCE_KINDS } from '../../../common/model';
import { ACCOUNT_CHECK_HOURS, defaultSettings, POLL_INTERVAL_SECONDS, settingsSchema, type Settings } from '../../../common/settings';
import { saveSettings } from '../actions';
import { useApi, useAppStore, useI18n, useStoreApi } from '../context';
import type { MessageKey } from '../i18n/messages';
import { AccountTokenField } from './AccountTokenField';
import { AddStatusPage } from './AddStatusPage';
import { Checkbox, errorsFrom, Field, fieldId, NumberField, SectionTitle, type FieldErrors } from './settings-fields';
import { ServiceChoices } from './ServiceChoices';
import { WatchPartPicker } from './WatchPartPicker';

type NotificationKind = Exclude<keyof Settings['notifications'], 'reminderMinutes' | 'account' | 'onlyAffectingMe'>;
const NOTIFICATION_KINDS: NotificationKind[] = [
  'incidents',
  'incidentUpdates',
  'maintenances',
  'reminders',
  'serviceChanges',
  'sourceHealth',
];
const LINKS: (keyof Settings['links'])[] = ['statusPage', 'helpCenter', 'ticket', 'chat'];
const MAX_SOURCES = 10;

type Outcome = { kind: 'none' } | { kind: 'saved' } | { kind: 'invalid' } | { kind: 'failed'; error: string };

export function SettingsView() {
  const { t } = useI18n();
  const api = useApi();
  const store = useStoreApi();
  const saved = useAppStore((state) => state.settings);
  const stored = useAppStore((state) => state.settingsDraft);
  const editSettings = useAppStore((state) => state.editSettings);
  const clearDraft = useAppStore((state) => state.clearSettingsDraft);
  // The browser dashboard raises no notifications: what only tunes them is not shown there.
  const web = useAppStore((state) => state.info?.platform === 'web');
  // What only means something once the account is checked is shown only then.
  const tokenSet = useAppStore((state) => state.account?.token.set === true);
  const base = saved ?? defaultSettings();
  // The draft lives in the store so that leaving the tab and coming back keeps unsaved edits;
  // with no draft the form follows the saved settings, including changes made elsewhere.
  const draft = stored ?? base;
  const [errors, setErrors] = useState<FieldErrors>({});
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const update = (change: (current: Settings) => Settings) => {
    editSettings(base, change);
    setOutcome({ kind: 'none' });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = settingsSchema.safeParse(draft);
    if (!parsed.success) {
      const found = errorsFrom(parsed.error.issues, t);
      setErrors(found);
      setOutcome({ kind: 'invalid' });
      const first = Object.keys(found)[0];
      if (first) form.current?.querySelector<HTMLElement>(`#${fieldId(first)}`)?.focus();
      return;
    }
    setErrors({});
    setSaving(true);
    const result = await saveSettings(api, store, parsed.data);
    setSaving(false);
    if (result.ok) {
      clearDraft();
      setOutcome({ kind: 'saved' });
    } else {
      setOutcome({ kind: 'failed', error: result.error });
    }
  };

  const reset = () => {
    clearDraft();
    setErrors({});
    setOutcome({ kind: 'none' });
  };

  return (
    <form ref={form} className="view settings" onSubmit={(event) => void submit(event)} noValidate>
      <section className="settings-section">
        <SectionTitle>{t('settings.sources')}</SectionTitle>
        {errors['sources'] ? <p className="field-error">{errors['sources']}</p> : null}
        {draft.sources.map((source, index) => (
          <div className="source-block" key={index}>
          <div className="source-row">
            <Field path={`sources.${index}.url`} label={t('settings.sourceUrl', { n: index + 1 })} errors={errors} className="grow">
              {(props) => (
                <input
                  {...props}
                  type="url"
                  value={source.url}
                  onChange={(event) =>
                    update((d) => ({ ...d, sources: d.sources.map((s, i) => (i === index ? { ...s, url: event.target.value } : s)) }))
                  }
                />
              )}
            </Field>
            <Field path={`sources.${index}.kind`} label={t('settings.sourceKind', { n: index + 1 })} errors={errors}>
              {(props) => (
                <select
                  {...props}
                  value={source.kind}
                  onChange={(event) => {
                    const kind = event.target.value as Settings['sources'][number]['kind'];
                    update((d) => ({ ...d, sources: d.sources.map((s, i) => (i === index ? { ...s, kind } : s)) }));
                  }}
                >
                  {(['auto', ...SOURCE_KINDS] as const).map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`settings.kind.${kind}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {draft.sources.length > 1 ? (
              <button
                type="button"
                className="icon-button remove"
                aria-label={t('settings.removeSource', { n: index + 1 })}
                title={t('settings.removeSource', { n: index + 1 })}
                onClick={() => update((d) => ({ ...d, sources: d.sources.filter((_, i) => i !== index) }))}
              >
                ×
              </button>
            ) : null}
          </div>
          <WatchPartPicker index={index} source={source} update={update} />
          </div>
        ))}
        {draft.sources.length < MAX_SOURCES ? (
          <AddStatusPage onAdd={(source) => update((d) => ({ ...d, sources: [...d.sources.filter((s) => s.url !== source.url), source] }))} />
        ) : null}
        <NumberField
          path="pollIntervalSeconds"
          label={t('settings.interval')}
          value={draft.pollIntervalSeconds}
          errors={errors}
          min={POLL_INTERVAL_SECONDS.min}
          max={POLL_INTERVAL_SECONDS.max}
          onChange={(pollIntervalSeconds) => update((d) => ({ ...d, pollIntervalSeconds }))}
        />
      </section>

      <AccountTokenField>
        {tokenSet ? (
          <NumberField
            path="accountCheckHours"
            label={t('settings.accountCheckHours')}
            value={draft.accountCheckHours}
            errors={errors}
            min={ACCOUNT_CHECK_HOURS.min}
            max={ACCOUNT_CHECK_HOURS.max}
            onChange={(accountCheckHours) => update((d) => ({ ...d, accountCheckHours }))}
          />
        ) : null}
      </AccountTokenField>
      {web ? null : <DesktopOnlySettings draft={draft} errors={errors} update={update} tokenSet={tokenSet} />}

      <section className="settings-section">
        <SectionTitle>{t('settings.general')}</SectionTitle>
        <Field path="language" label={t('settings.language')} errors={errors}>
          {(props) => (
            <select
              {...props}
              value={draft.language}
              onChange={(event) => update((d) => ({ ...d, language: event.target.value as Settings['language'] }))}
            >
              <option value="auto">{t('settings.language.auto')}</option>
              <option value="en">English</option>
              <option value="fr">Français</option>
            </select>
          )}
        </Field>
        {web ? null : (
          <Checkbox
            label={t('settings.launchAtLogin')}
            checked={draft.launchAtLogin}
            onChange={(launchAtLogin) => update((d) => ({ ...d, launchAtLogin }))}
          />
        )}
      </section>

      <section className="settings-section">
        <SectionTitle>{t('settings.links')}</SectionTitle>
        {LINKS.map((link) => (
          <Field key={link} path={`links.${link}`} label={t(`settings.link.${link}`)} errors={errors}>
            {(props) => (
              <input
                {...props}
                type="url"
                value={draft.links[link]}
                onChange={(event) => update((d) => ({ ...d, links: { ...d.links, [link]: event.target.value } }))}
              />
            )}
          </Field>
        ))}
      </section>

      <div className="form-actions">
        <p className={outcome.kind === 'saved' ? 'form-ok' : outcome.kind === 'none' ? 'form-note' : 'form-error'} role="status">
          {outcome.kind === 'none' && stored !== null ? t('settings.unsaved') : null}
          {outcome.kind === 'saved' ? t('settings.saved') : null}
          {outcome.kind === 'invalid' ? t('settings.invalid') : null}
          {outcome.kind === 'failed' ? t('settings.saveFailed', { error: outcome.error }) : null}
        </p>
        <button type="button" className="button" onClick={reset} disabled={stored === null}>
          {t('settings.reset')}
        </button>
        {/* Nothing to save until something changed. */}
        <button type="submit" className="button primary" disabled={saving || stored === null}>
          {t('settings.save')}
        </button>
      </div>
    </form>
  );
}

interface SectionProps {
  draft: Settings;
  errors: FieldErrors;
  update: (change: (current: Settings) => Settings) => void;
}

/** Notifications, followed and muted services, quiet hours: they only tune desktop notifications. */
function DesktopOnlySettings({ draft, errors, update, tokenSet }: SectionProps & { tokenSet: boolean }) {
  const { t, lang } = useI18n();
  const n = draft.notifications;
  return (
    <>
      <section className="settings-section">
        <SectionTitle>{t('settings.notifications')}</SectionTitle>
        <Checkbox
          label={t('settings.notify.enabled')}
          checked={n.enabled}
          onChange={(enabled) => update((d) => ({ ...d, notifications: { ...d.notifications, enabled } }))}
        />
        <div className="indent">
          {NOTIFICATION_KINDS.map((kind) => (
            <Checkbox
              key={kind}
              label={t(`settings.notify.${kind}` as MessageKey)}
              checked={n[kind]}
              disabled={!n.enabled}
              onChange={(value) => update((d) => ({ ...d, notifications: { ...d.notifications, [kind]: value } }))}
            />
          ))}
          {tokenSet ? (
            <>
              <Checkbox
                label={t('settings.notify.account')}
                checked={n.account}
                disabled={!n.enabled}
                onChange={(account) => update((d) => ({ ...d, notifications: { ...d.notifications, account } }))}
              />
              <Checkbox
                label={t('settings.notify.onlyAffectingMe')}
                checked={n.onlyAffectingMe}
                disabled={!n.enabled}
                onChange={(onlyAffectingMe) => update((d) => ({ ...d, notifications: { ...d.notifications, onlyAffectingMe } }))}
              />
              <p className="hint">{t('settings.notify.onlyAffectingMeHint')}</p>
            </>
          ) : null}
          <NumberField
            path="notifications.reminderMinutes"
            label={t('settings.notify.reminderMinutes')}
            value={n.reminderMinutes}
            errors={errors}
            min={5}
            max={1440}
            onChange={(reminderMinutes) => update((d) => ({ ...d, notifications: { ...d.notifications, reminderMinutes } }))}
          />
        </div>
      </section>

      <section className="settings-section">
        <SectionTitle>{t('settings.services')}</SectionTitle>
        <ServiceChoices draft={draft} errors={errors} onChange={update} />
      </section>

      <section className="settings-section">
        <SectionTitle>{t('settings.quietHours')}</SectionTitle>
        <Checkbox
          label={t('settings.quiet.enabled')}
          checked={draft.quietHours.enabled}
          onChange={(enabled) => update((d) => ({ ...d, quietHours: { ...d.quietHours, enabled } }))}
        />
        <div className="row">
          {(['start', 'end'] as const).map((edge) => (
            <Field key={edge} path={`quietHours.${edge}`} label={t(`settings.quiet.${edge}`)} errors={errors}>
              {(props) => (
                // A text box, not type=time: Chromium shows time boxes in the browser's language
                // ("10:00 PM"), whatever the app's; quiet hours are always 24-hour HH:MM.
                <input
                  {...props}
                  type="text"
                  lang={lang}
                  inputMode="numeric"
                  autoComplete="off"
                  maxLength={5}
                  pattern="([01][0-9]|2[0-3]):[0-5][0-9]"
                  placeholder={t('settings.quiet.placeholder')}
                  className="clock-input"
                  value={draft.quietHours[edge]}
                  onChange={(event) => update((d) => ({ ...d, quietHours: { ...d.quietHours, [edge]: event.target.value.trim() } }))}
                />
              )}
            </Field>
          ))}
        </div>
      </section>
    </>
  );
}
