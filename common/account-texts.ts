// The account checks in words, in each language the app speaks: each check's name, each finding's
// sentence and what of the account an incident touches. The window, the desktop notifications and
// the command all say them from here. `{name}` placeholders are filled by fillText.
import type { AccountCheck, FindingCode } from './account';
import type { AccountUse } from './account-impact';

export type AccountTextLanguage = 'en' | 'fr';

export interface AccountTexts {
  check: Record<AccountCheck, string>;
  /** Filled with subject, days, amount and ago. */
  finding: Record<FindingCode, string>;
  /** Filled with items. */
  touch: Record<AccountUse, string>;
}

export const ACCOUNT_TEXTS: Record<AccountTextLanguage, AccountTexts> = {
  en: {
    check: {
      token: 'Token',
      domains: 'Domains',
      dns: 'DNS zones',
      mailboxes: 'Mailboxes',
      credit: 'Prepaid credit',
      hosting: 'Simple Hosting',
      certificates: 'SSL certificates',
    },
    finding: {
      'domain-expired': '{subject} expired {ago}',
      'domain-expiring': '{subject} expires in {days} days and does not renew itself',
      'domain-on-hold': '{subject} is on hold at its registry',
      'zone-changed': 'the zone of {subject} changed {ago}',
      'mailbox-full': '{subject} is full ({amount} %)',
      'mailbox-nearly-full': '{subject} is nearly full ({amount} %)',
      'credit-exhausted': 'the prepaid credit is used up ({amount})',
      'credit-low': 'the prepaid credit is low ({amount})',
      'instance-stopped': 'the instance {subject} is not running',
      'instance-expired': 'the instance {subject} expired {ago}',
      'instance-expiring': 'the instance {subject} expires in {days} days',
      'certificate-expired': 'the certificate {subject} expired {ago}',
      'certificate-expiring': 'the certificate {subject} expires in {days} days',
    },
    touch: {
      registration: 'your domains {items}',
      livedns: 'your zones on LiveDNS: {items}',
      mail: 'your mail on {items}',
      hosting: 'your instances {items} run there',
    },
  },
  fr: {
    check: {
      token: 'Jeton',
      domains: 'Domaines',
      dns: 'Zones DNS',
      mailboxes: 'Boîtes mail',
      credit: 'Crédit prépayé',
      hosting: 'Simple Hosting',
      certificates: 'Certificats SSL',
    },
    finding: {
      'domain-expired': '{subject} a expiré {ago}',
      'domain-expiring': '{subject} expire dans {days} jours sans renouvellement automatique',
      'domain-on-hold': '{subject} est suspendu par son registre',
      'zone-changed': 'la zone de {subject} a changé {ago}',
      'mailbox-full': '{subject} est pleine ({amount} %)',
      'mailbox-nearly-full': '{subject} est presque pleine ({amount} %)',
      'credit-exhausted': 'le crédit prépayé est épuisé ({amount})',
      'credit-low': 'le crédit prépayé est bas ({amount})',
      'instance-stopped': 'l’instance {subject} ne tourne pas',
      'instance-expired': 'l’instance {subject} a expiré {ago}',
      'instance-expiring': 'l’instance {subject} expire dans {days} jours',
      'certificate-expired': 'le certificat {subject} a expiré {ago}',
      'certificate-expiring': 'le certificat {subject} expire dans {days} jours',
    },
    touch: {
      registration: 'vos domaines {items}',
      livedns: 'vos zones sur LiveDNS : {items}',
      mail: 'votre messagerie sur {items}',
      hosting: 'vos instances {items} y tournent',
    },
  },
};

/** Replaces each `{name}` with its value; an unknown name stays as written. */
export function fillText(template: string, vars: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole));
}

/** A catalogue's entries under a prefix, typed, for the window's message keys ("account.check.domains"). */
export function prefixed<P extends string, K extends string>(prefix: P, entries: Readonly<Record<K, string>>): { [Q in K as `${P}${Q}`]: string } {
  return Object.fromEntries(Object.entries(entries).map(([key, value]) => [`${prefix}${key}`, value])) as { [Q in K as `${P}${Q}`]: string };
}
