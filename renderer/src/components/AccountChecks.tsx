// Step 2 of Gandi's support procedure, done for the user: each cause the account can have (domains,
// DNS, mail, credit, hosting, certificates) checked through Gandi's API, with what was found and a
// link to the admin.gandi.net page that fixes it, or why it was not checked. Without a token, how
// to make one, and the checklist to go through by hand.
import { useState, type ReactNode } from 'react';
import type { CheckOutcome } from '../../../common/account';
import { useApi, useAppStore, useI18n } from '../context';
import { checkName, findingText, notCheckedText } from '../account-text';
import { formatRelative, parseTime } from '../time/format';
import { ExternalIcon } from './Icons';
import { useHighlightTarget } from './useHighlight';

const OUTCOME_LEVEL: Record<CheckOutcome, string> = { ok: 'operational', warning: 'degraded', problem: 'major_outage', 'not-checked': 'unknown' };

export function AccountChecks({ manual }: { manual: ReactNode }) {
  const { t, lang } = useI18n();
  const api = useApi();
  const account = useAppStore((state) => state.account);
  const now = useAppStore((state) => state.now);
  const web = useAppStore((state) => state.info?.platform === 'web');
  const [checking, setChecking] = useState(false);
  // A finding's notification opens the panel on its check.
  const { isTarget, register } = useHighlightTarget('account');

  if (account === null) return <>{manual}</>;
  const report = account.report;

  if (!account.token.set) {
    return (
      <div className="account">
        <p>
          {t('account.noToken')} {web ? t('account.noTokenWeb') : t('account.noTokenDesktop')}
        </p>
        <button type="button" className="link-button" onClick={() => void api.openExternal({ kind: 'account-page', check: 'token' })}>
          {t('account.tokenPage')}
          <ExternalIcon />
        </button>
        <p>{t('account.manual')}</p>
        {manual}
      </div>
    );
  }

  const checkNow = async () => {
    setChecking(true);
    try {
      await api.checkAccount();
    } catch {
      // The view pushed by main says what happened; a failed call changes nothing shown.
    } finally {
      setChecking(false);
    }
  };
  const checkedAt = parseTime(report?.checkedAt ?? null);
  const running = checking || account.checking;

  return (
    <div className="account">
      <p className="account-head">
        {report?.account ? <span>{t('account.as', { name: report.account.name })}</span> : null}
        {checkedAt !== null ? <span className="muted-text">{t('account.checkedAt', { ago: formatRelative(checkedAt, now, lang) })}</span> : null}
        <button type="button" className="button" onClick={() => void checkNow()} disabled={running} aria-busy={running}>
          {running ? t('account.checking') : t('account.checkNow')}
        </button>
      </p>
      {report ? (
        <ul className="account-checks">
          {report.checks
            .filter((result) => result.check !== 'token' || result.outcome !== 'ok')
            .map((result) => {
              const why = notCheckedText(result, t);
              return (
                <li
                  key={result.check}
                  ref={register('', result.check)}
                  tabIndex={-1}
                  className={`account-check level-${OUTCOME_LEVEL[result.outcome]}${isTarget('', result.check) ? ' highlighted' : ''}`}
                >
                  <p className="account-check-head">
                    <span className="badge">
                      <span className="dot" aria-hidden="true" />
                      {t(`account.outcome.${result.outcome}`)}
                    </span>
                    <strong>{checkName(result.check, t)}</strong>
                    {why !== null ? <span className="muted-text">{why}</span> : null}
                  </p>
                  {result.findings.length > 0 ? (
                    <ul className="findings">
                      {result.findings.map((finding) => (
                        <li key={finding.key}>{findingText(finding, t, lang, now)}</li>
                      ))}
                    </ul>
                  ) : null}
                  {result.outcome === 'warning' || result.outcome === 'problem' || result.notChecked?.reason === 'permission-missing' || result.notChecked?.reason === 'token-refused' ? (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => void api.openExternal({ kind: 'account-page', check: result.notChecked?.reason === 'token-refused' || result.notChecked?.reason === 'permission-missing' ? 'token' : result.check })}
                    >
                      {t('account.fix')}
                      <span className="sr-only">: {checkName(result.check, t)}</span>
                      <ExternalIcon />
                    </button>
                  ) : null}
                </li>
              );
            })}
        </ul>
      ) : null}
    </div>
  );
}
