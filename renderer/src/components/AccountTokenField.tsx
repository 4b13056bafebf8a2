// Settings' Gandi token: pasted once, sent to main, never shown again (the window only learns
// whether one is set and where it is kept). Where the system has no keyring, the user chooses
// between this run only and a plain file only they can read. The dashboard's token is given to its
// server at start, so there the field only says so.
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { useApi, useAppStore, useI18n, useStoreApi } from '../context';
import { ExternalIcon } from './Icons';
import { SectionTitle } from './settings-fields';

/** `children`: the settings of the checks themselves, shown under the token (when one is set). */
export function AccountTokenField({ children }: { children?: ReactNode }) {
  const { t } = useI18n();
  const api = useApi();
  const store = useStoreApi();
  const account = useAppStore((state) => state.account);
  const [token, setToken] = useState('');
  const [fallback, setFallback] = useState<'this-run' | 'plain-file'>('this-run');
  const [outcome, setOutcome] = useState<{ ok: true } | { ok: false; error: string } | null>(null);
  const [busy, setBusy] = useState(false);
  if (account === null) return null;

  const send = async (value: string | null) => {
    setBusy(true);
    try {
      const result = await api.setAccountToken({ token: value, ...(account.token.encryptionAvailable ? {} : { fallback }) });
      if (result.ok) store.getState().receiveAccount(result.account);
      setOutcome(result.ok ? { ok: true } : { ok: false, error: result.error });
      if (result.ok) setToken('');
    } catch (error) {
      setOutcome({ ok: false, error: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };
  // Enter saves the token, not the settings form around it.
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (token.trim() !== '') void send(token.trim());
  };

  return (
    <section className="settings-section account-token">
      <SectionTitle>{t('account.title')}</SectionTitle>
      {!account.token.settable ? (
        <p className="hint">{t('account.token.serverOnly')}</p>
      ) : (
        <>
          <div className="field">
            <label htmlFor="account-token">{t('account.token.label')}</label>
            <input id="account-token" type="password" autoComplete="off" spellCheck={false} value={token} onChange={(event) => setToken(event.target.value)} onKeyDown={onKeyDown} />
          </div>
          <p className="hint">{t('account.token.help')}</p>
          {!account.token.encryptionAvailable ? (
            <fieldset className="choices">
              <legend>{t('account.token.noKeyring')}</legend>
              <label className="checkbox">
                <input type="radio" name="token-fallback" checked={fallback === 'this-run'} onChange={() => setFallback('this-run')} />
                {t('account.token.thisRun')}
              </label>
              <label className="checkbox">
                <input type="radio" name="token-fallback" checked={fallback === 'plain-file'} onChange={() => setFallback('plain-file')} />
                {t('account.token.plainFile')}
              </label>
            </fieldset>
          ) : null}
          <div className="form-actions">
            <button type="button" className="button primary" disabled={busy || token.trim() === ''} onClick={() => void send(token.trim())}>
              {t('account.token.save')}
            </button>
            {account.token.set ? (
              <button type="button" className="button" disabled={busy} onClick={() => void send(null)}>
                {t('account.token.forget')}
              </button>
            ) : null}
          </div>
        </>
      )}
      {account.token.set ? <p className="form-note">{t('account.token.set', { storage: t(`account.token.storage.${account.token.storage}`) })}</p> : null}
      {outcome !== null ? (
        <p className={outcome.ok ? 'form-ok' : 'form-error'} role="status">
          {outcome.ok ? t('account.token.saved') : t('account.token.failed', { error: outcome.error })}
        </p>
      ) : null}
      <button type="button" className="link-button" onClick={() => void api.openExternal({ kind: 'account-page', check: 'token' })}>
        {t('account.tokenPage')}
        <ExternalIcon />
      </button>
      {children}
    </section>
  );
}
