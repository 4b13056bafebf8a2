// Words shown by the tray, its menu and notifications, in English and French.
// Pure: the language is decided once (settings.language, else the OS locale) and passed in.
import { PROBLEM_TEXTS, type ProblemTexts } from '../../common/problem-texts';
import type { Level } from '../../common/model';
import type { Settings } from '../../common/settings';
import { ACCOUNT_TEXTS, type AccountTexts } from '../../common/account-texts';

export type Language = 'en' | 'fr';

export function resolveLanguage(setting: Settings['language'], osLocale: string): Language {
  if (setting === 'en' || setting === 'fr') return setting;
  return osLocale.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export interface Texts {
  level: Record<Level, string>;
  maintenancesUpcoming(count: number): string;
  maintenancesInProgress(count: number): string;
  andMore(count: number): string;
  unreachable: string;
  lastKnown: (level: string) => string;
  neverUpdated: string;
  updatedAt(time: string): string;
  menu: {
    open: string;
    refresh: string;
    snooze: string;
    snoozeHour: string;
    snoozeTomorrow: string;
    snoozeThisMorning: string;
    snoozeResume: string;
    snoozedUntil(time: string): string;
    statusPage: string;
    ticket: string;
    chat: string;
    follow: string;
    noServices: string;
    settings: string;
    launchAtLogin: string;
    quit: string;
    openIncidents: string;
  };
  notification: {
    incidentOpened: string;
    incidentUpdated: string;
    incidentResolved: string;
    maintenanceScheduled: string;
    maintenanceStarted: string;
    maintenanceCompleted: string;
    maintenanceReminder: string;
    serviceChanged(name: string): string;
    serviceFlapping(name: string): string;
    flappingHeld(minutes: number): string;
    overallChanged: string;
    sourceUnreachable(name: string): string;
    sourceRecovered(name: string): string;
    burst(count: number, source: string): string;
    affects(services: string): string;
    startsAt(time: string): string;
  };
  /**
   * Why a status page could not be read: one sentence per message of main/core/problem-message.ts
   * (the English ones are those of main/core/http.ts).
   */
  problem: ProblemTexts;
  /** The account checks' names, findings and touches (common/account-texts.ts). */
  account: AccountTexts;
  accountNotice: {
    /** Title of one finding's notice: "Your Gandi account: Domains". */
    title(check: string): string;
    /** Title of several at once. */
    several(count: number): string;
    tokenRefused: string;
    /** "Yours: your instances shop-prod run there". */
    yours(touches: string): string;
    /** A "x ago" for a finding's date, in whole days. */
    daysAgo(days: number): string;
    /** Marks an incident of the tray menu that touches the account. */
    affectsYou: string;
  };
}


const en: Texts = {
  level: {
    operational: 'all systems operational',
    maintenance: 'maintenance in progress',
    degraded: 'degraded performance',
    partial_outage: 'partial outage',
    major_outage: 'major outage',
    unknown: 'status unknown',
  },
  maintenancesUpcoming: (n) => `${n} maintenance${n > 1 ? 's' : ''} upcoming`,
  maintenancesInProgress: (n) => `${n} maintenance${n > 1 ? 's' : ''} in progress`,
  andMore: (n) => `and ${n} more`,
  unreachable: 'status page unreachable',
  lastKnown: (level) => `last known: ${level}`,
  neverUpdated: 'Not updated yet',
  updatedAt: (time) => `Updated at ${time}`,
  menu: {
    open: 'Open Gandi Status',
    refresh: 'Refresh now',
    snooze: 'Snooze notifications',
    snoozeHour: 'For 1 hour',
    snoozeTomorrow: 'Until tomorrow 8:00',
    snoozeThisMorning: 'Until 8:00 this morning',
    snoozeResume: 'Resume notifications',
    snoozedUntil: (time) => `Snoozed until ${time}`,
    statusPage: 'Open status page',
    ticket: 'Open a support ticket',
    chat: 'Open chat (customer area, "?" icon)',
    follow: 'Follow a service',
    noServices: 'No services known yet',
    settings: 'Settings…',
    launchAtLogin: 'Launch at login',
    quit: 'Quit',
    openIncidents: 'Open incidents',
  },
  notification: {
    incidentOpened: 'New incident',
    incidentUpdated: 'Incident update',
    incidentResolved: 'Incident resolved',
    maintenanceScheduled: 'Maintenance scheduled',
    maintenanceStarted: 'Maintenance started',
    maintenanceCompleted: 'Maintenance completed',
    maintenanceReminder: 'Maintenance soon',
    serviceChanged: (name) => `${name} changed`,
    serviceFlapping: (name) => `${name} keeps changing`,
    flappingHeld: (minutes) => `Its next changes will be announced once it has been steady for ${minutes} minutes.`,
    overallChanged: 'Overall status changed',
    sourceUnreachable: (name) => `${name} unreachable`,
    sourceRecovered: (name) => `${name} reachable again`,
    burst: (n, source) => `${n} changes on ${source} status`,
    affects: (services) => `Affects ${services}`,
    startsAt: (time) => `Starts at ${time}`,
  },
  account: ACCOUNT_TEXTS.en,
  accountNotice: {
    title: (check) => `Your Gandi account: ${check}`,
    several: (n) => `${n} things to look at in your Gandi account`,
    tokenRefused: 'Gandi refused the token: create a new one',
    yours: (touches) => `Yours: ${touches}`,
    daysAgo: (n) => (n <= 0 ? 'today' : n === 1 ? 'yesterday' : `${n} days ago`),
    affectsYou: 'Affects you',
  },
  problem: PROBLEM_TEXTS.en,
};

const fr: Texts = {
  level: {
    operational: 'tous les services fonctionnent',
    maintenance: 'maintenance en cours',
    degraded: 'performances dégradées',
    partial_outage: 'panne partielle',
    major_outage: 'panne majeure',
    unknown: 'état inconnu',
  },
  maintenancesUpcoming: (n) => `${n} maintenance${n > 1 ? 's' : ''} à venir`,
  maintenancesInProgress: (n) => `${n} maintenance${n > 1 ? 's' : ''} en cours`,
  andMore: (n) => `et ${n} autre${n > 1 ? 's' : ''}`,
  unreachable: 'page de statut injoignable',
  lastKnown: (level) => `dernier état connu : ${level}`,
  neverUpdated: 'Pas encore mis à jour',
  updatedAt: (time) => `Mis à jour à ${time}`,
  menu: {
    open: 'Ouvrir Gandi Status',
    refresh: 'Actualiser',
    snooze: 'Suspendre les notifications',
    snoozeHour: 'Pendant 1 heure',
    snoozeTomorrow: "Jusqu'à demain 8:00",
    snoozeThisMorning: "Jusqu'à 8:00 ce matin",
    snoozeResume: 'Reprendre les notifications',
    snoozedUntil: (time) => `Suspendues jusqu'à ${time}`,
    statusPage: 'Ouvrir la page de statut',
    ticket: 'Ouvrir un ticket au support',
    chat: 'Ouvrir le chat (espace client, icône « ? »)',
    follow: 'Suivre un service',
    noServices: 'Aucun service connu pour le moment',
    settings: 'Réglages…',
    launchAtLogin: 'Lancer à l’ouverture de session',
    quit: 'Quitter',
    openIncidents: 'Incidents en cours',
  },
  notification: {
    incidentOpened: 'Nouvel incident',
    incidentUpdated: "Mise à jour d'incident",
    incidentResolved: 'Incident résolu',
    maintenanceScheduled: 'Maintenance programmée',
    maintenanceStarted: 'Maintenance commencée',
    maintenanceCompleted: 'Maintenance terminée',
    maintenanceReminder: 'Maintenance imminente',
    serviceChanged: (name) => `${name} a changé`,
    serviceFlapping: (name) => `${name} change sans cesse`,
    flappingHeld: (minutes) => `Ses prochains changements seront annoncés une fois stable depuis ${minutes} minutes.`,
    overallChanged: "L'état général a changé",
    sourceUnreachable: (name) => `${name} injoignable`,
    sourceRecovered: (name) => `${name} de nouveau joignable`,
    burst: (n, source) => `${n} changements sur le statut ${source}`,
    affects: (services) => `Concerne ${services}`,
    startsAt: (time) => `Début à ${time}`,
  },
  account: ACCOUNT_TEXTS.fr,
  accountNotice: {
    title: (check) => `Votre compte Gandi : ${check}`,
    several: (n) => `${n} points à voir dans votre compte Gandi`,
    tokenRefused: 'Gandi a refusé le jeton : créez-en un nouveau',
    yours: (touches) => `Chez vous : ${touches}`,
    daysAgo: (n) => (n <= 0 ? "aujourd'hui" : n === 1 ? 'hier' : `il y a ${n} jours`),
    affectsYou: 'Vous concerne',
  },
  problem: PROBLEM_TEXTS.fr,
};

export function textsFor(language: Language): Texts {
  return language === 'fr' ? fr : en;
}

/** Local wall-clock time, HH:MM (the same in both languages). */
export function clockTime(date: Date): string {
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}
