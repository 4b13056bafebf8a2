// "Add a status page" as a user would: type a name (the built-in catalogue is searched) or paste an
// address; the app reads the page once, shows its name, format and size, and only then adds it to
// the draft (saved with the other settings).
import { useState, type KeyboardEvent } from 'react';
import { searchCatalogue } from '../../../common/catalogue';
import type { SourceKind } from '../../../common/model';
import type { DetectPageResult } from '../../../common/window-api';
import { useApi, useI18n } from '../context';

interface Props {
  onAdd(source: { url: string; kind: SourceKind }): void;
}

/** Typed text that is an address rather than a name to search. */
function looksLikeAddress(text: string): boolean {
  return /^https?:\/\//i.test(text) || /^[\w-]+(\.[\w-]+)+(\/|$)/.test(text);
}

export function AddStatusPage({ onAdd }: Props) {
  const { t } = useI18n();
  const api = useApi();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<DetectPageResult | null>(null);
  const [reading, setReading] = useState(false);
  const text = query.trim();
  const matches = text === '' || looksLikeAddress(text) ? [] : searchCatalogue(text).slice(0, 6);

  const read = async (url: string) => {
    setReading(true);
    setFound(null);
    try {
      setFound(await api.detectPage({ url, kind: 'auto' }));
    } catch (error) {
      setFound({ ok: false, error: error instanceof Error ? error.message : String(error), problem: null, requests: 0 });
    } finally {
      setReading(false);
    }
  };
  // Enter reads the page, not the settings form around it.
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (looksLikeAddress(text)) void read(text);
  };

  return (
    <div className="add-page">
      <div className="field">
        <label htmlFor="add-page-query">{t('addPage.label')}</label>
        <input id="add-page-query" type="search" value={query} placeholder={t('addPage.placeholder')} onChange={(event) => setQuery(event.target.value)} onKeyDown={onKeyDown} />
      </div>
      {matches.length > 0 ? (
        <ul className="add-page-matches">
          {matches.map((entry) => (
            <li key={entry.id}>
              <button type="button" className="text-button" onClick={() => void read(entry.url)}>
                {entry.name}
              </button>{' '}
              <span className="muted-text">{entry.covers}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {looksLikeAddress(text) ? (
        <button type="button" className="button" disabled={reading} aria-busy={reading} onClick={() => void read(text)}>
          {reading ? t('addPage.reading') : t('addPage.read')}
        </button>
      ) : null}
      {found !== null && found.ok ? (
        <div className="add-page-found" role="status">
          <p>
            <strong>{found.name}</strong> · {t(`settings.kind.${found.kind}`)} · {t('addPage.size', {
              services: found.services,
              incidents: t(found.incidents === 0 ? 'addPage.incidents.none' : found.incidents === 1 ? 'addPage.incidents.one' : 'addPage.incidents.other', { count: found.incidents }),
            })}
          </p>
          <button
            type="button"
            className="button primary"
            onClick={() => {
              onAdd({ url: found.url, kind: found.kind });
              setFound(null);
              setQuery('');
            }}
          >
            {t('addPage.add', { name: found.name })}
          </button>
        </div>
      ) : null}
      {found !== null && !found.ok ? (
        <p className="form-error" role="status">
          {t('addPage.failed', { error: found.error })}
        </p>
      ) : null}
    </div>
  );
}
