// The followed and muted lists inside Settings: shown by name, each removable.
import type { Settings } from '../../../common/settings';
import { useAppStore, useI18n } from '../context';
import type { FieldErrors } from './settings-fields';

interface Props {
  draft: Settings;
  errors: FieldErrors;
  onChange: (change: (current: Settings) => Settings) => void;
}

export function ServiceChoices({ draft, errors, onChange }: Props) {
  const { t } = useI18n();
  const snapshot = useAppStore((state) => state.snapshot);
  const names = new Map((snapshot?.sources ?? []).flatMap((source) => source.services.map((s) => [s.id, s.name] as const)));
  const lists = [
    { key: 'followedServices' as const, title: t('settings.followed') },
    { key: 'mutedServices' as const, title: t('settings.muted') },
  ];

  return (
    <div className="service-choices">
      <p className="hint">{t('settings.servicesHint')}</p>
      {lists.map(({ key, title }) => (
        <div key={key} className="choice-list">
          <h3 className="choice-title">{title}</h3>
          {draft[key].length === 0 ? (
            <p className="muted-text">{t('settings.noneSelected')}</p>
          ) : (
            <ul className="chips">
              {draft[key].map((id) => {
                const name = names.get(id) ?? id;
                return (
                  <li key={id} className="chip">
                    <span>{name}</span>
                    <button
                      type="button"
                      className="chip-remove"
                      aria-label={t('settings.remove', { name })}
                      title={t('settings.remove', { name })}
                      onClick={() => onChange((d) => ({ ...d, [key]: d[key].filter((other) => other !== id) }))}
                    >
                      ×
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          {errors[key] ? <p className="field-error">{errors[key]}</p> : null}
        </div>
      ))}
    </div>
  );
}
