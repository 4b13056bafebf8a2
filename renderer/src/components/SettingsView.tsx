// Everything the settings hold, edited as a draft, checked against the schema before saving.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { defaultSettings, settingsSchema, type Settings } from '../../../preload/contract';
import { saveSettings } from '../actions';
import { useApi, useAppStore, useI18n, useStoreApi } from '../context';
import type { MessageKey } from '../i18n/messages';
import { Checkbox, errorsFrom, Field, fieldId, NumberField, SectionTitle, type FieldErrors } from './settings-fields';
import { ServiceChoices } from './ServiceChoices';

type NotificationKind = Exclude<keyof Settings['notifications'], 'reminderMinutes'>;
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
  const web = useAppStore((state) => state.info?.platform === 'web');
  const base = saved ?? defaultSettings();
  const [draft, setDraft] = useState<Settings>(base);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const [saving, setSaving] = useState(false);
  const lastBase = useRef(base);
  const form = useRef<HTMLFormElement>(null);

  // Settings changed elsewhere (tray menu, another window) replace an untouched draft only.
  useEffect(() => {
    if (JSON.stringify(draft) === JSON.stringify(lastBase.current)) setDraft(base);
    lastBase.current = base;
  }, [saved]);

  const update = (change: (current: Settings) => Settings) => {
    setDraft((current) => change(current));
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
      setDraft(result.settings);
      lastBase.current = result.settings;
      setOutcome({ kind: 'saved' });
    } else {
      setOutcome({ kind: 'failed', error: result.error });
    }
  };

  const reset = () => {
    setDraft(base);
    setErrors({});
    setOutcome({ kind: 'none' });
  };

  const n = draft.notifications;
  return (
    <form ref={form} className="view settings" onSubmit={(event) => void submit(event)} noValidate>
      <section className="settings-section">
        <SectionTitle>{t('settings.sources')}</SectionTitle>
        {errors['sources'] ? <p className="field-error">{errors['sources']}</p> : null}
        {draft.sources.map((source, index) => (
          <div className="source-row" key={index}>
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
                  {(['auto', 'statuspage', 'gandi-legacy'] as const).map((kind) => (
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
        ))}
        {draft.sources.length < MAX_SOURCES ? (
          <button
            type="button"
            className="text-button"
            onClick={() => update((d) => ({ ...d, sources: [...d.sources, { url: '', kind: 'auto' }] }))}
          >
            + {t('settings.addSource')}
          </button>
        ) : null}
        <NumberField
          path="pollIntervalSeconds"
          label={t('settings.interval')}
          value={draft.pollIntervalSeconds}
          errors={errors}
          min={15}
          max={3600}
          onChange={(pollIntervalSeconds) => update((d) => ({ ...d, pollIntervalSeconds }))}
        />
      </section>

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
                <input
                  {...props}
                  type="time"
                  value={draft.quietHours[edge]}
                  onChange={(event) => update((d) => ({ ...d, quietHours: { ...d.quietHours, [edge]: event.target.value } }))}
                />
              )}
            </Field>
          ))}
        </div>
      </section>

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
        <p className={outcome.kind === 'saved' ? 'form-ok' : 'form-error'} role="status">
          {outcome.kind === 'saved' ? t('settings.saved') : null}
          {outcome.kind === 'invalid' ? t('settings.invalid') : null}
          {outcome.kind === 'failed' ? t('settings.saveFailed', { error: outcome.error }) : null}
        </p>
        <button type="button" className="button" onClick={reset}>
          {t('settings.reset')}
        </button>
        <button type="submit" className="button primary" disabled={saving}>
          {t('settings.save')}
        </button>
      </div>
    </form>
  );
}
