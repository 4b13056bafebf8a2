// The settings: schema, defaults, bounds and the rules that change them. One definition for the
// tray app, the dashboard, the command line and the window.
import { z } from 'zod';
import { watchesPart, type WatchedParts } from './watch';
import { LIMITS } from './limits';
import { SOURCE_KINDS } from './model';

// ---- settings ---------------------------------------------------------------------------------

export const DEFAULT_LINKS = {
  statusPage: 'https://status.gandi.net',
  helpCenter: 'https://helpdesk.gandi.net/hc/en-us',
  ticket: 'https://helpdesk.gandi.net/hc/en-us/requests/new',
  // The chat is a widget inside the customer area (the '?' icon), not a page of its own.
  chat: 'https://admin.gandi.net',
} as const;

/** Gandi's own domain: links from the settings may move within it, never off it. */
export const GANDI_DOMAIN = 'gandi.net';

/** True for an https URL on the default port, without credentials, on gandi.net or one of its subdomains. */
export function isGandiLink(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  const host = url.hostname.toLowerCase();
  return (
    url.protocol === 'https:' &&
    url.port === '' &&
    url.username === '' &&
    url.password === '' &&
    (host === GANDI_DOMAIN || host.endsWith(`.${GANDI_DOMAIN}`))
  );
}

// The window may edit these links, so they are held to Gandi's domain: a page that went wrong
// cannot turn the ticket or chat button into a link to anywhere.
const gandiLink = z.string().trim().max(2048).refine(isGandiLink, `must be an https:// link on ${GANDI_DOMAIN}`);

/** Hours between the account checks (Gandi's API v5): bounds and default. */
export const ACCOUNT_CHECK_HOURS = { min: 1, max: 24, default: 6 } as const;

/** Poll interval bounds, in seconds. */
export const POLL_INTERVAL_SECONDS = { min: 15, max: 3600, default: 60 } as const;

export const DEFAULT_SOURCE_URL = 'https://status.gandi.net';

export type SourceUrlProblem = 'bad-address' | 'not-http' | 'credentials';

/**
 * The one rule for a status page address: http(s) (plain http for a local simulator or an internal
 * mirror), no credentials; given back as origin + path without trailing slash (a query or fragment
 * pasted with it never matters to a status API, so it is dropped).
 */
export function parseSourceUrl(value: string): { ok: true; url: string } | { ok: false; problem: SourceUrlProblem } {
  let url: URL;
  const trimmed = value.trim();
  try {
    // "status.gandi.net" is what people type: a bare host name means https.
    url = new URL(/^[a-z][a-z\d+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return { ok: false, problem: 'bad-address' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'not-http' };
  if (url.username !== '' || url.password !== '') return { ok: false, problem: 'credentials' };
  return { ok: true, url: `${url.origin}${url.pathname}`.replace(/\/+$/, '') };
}

export const SOURCE_URL_PROBLEMS: Record<SourceUrlProblem, string> = {
  'bad-address': 'not a valid address',
  'not-http': 'only http:// and https:// status pages are supported',
  credentials: 'user names and passwords in addresses are not supported',
};

const sourceUrl = z
  .string()
  .max(LIMITS.urlChars)
  .transform((value, context) => {
    const parsed = parseSourceUrl(value);
    if (parsed.ok) return parsed.url;
    context.addIssue({ code: 'custom', message: SOURCE_URL_PROBLEMS[parsed.problem] });
    return z.NEVER;
  });

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM');

export const settingsSchema = z.object({
  version: z.literal(1).default(1),
  sources: z
    .array(
      z.object({
        url: sourceUrl,
        kind: z.enum(['auto', ...SOURCE_KINDS]).default('auto'),
        /** Watch only these components or groups (common/watch.ts); absent: the whole page. */
        watch: z
          .object({
            services: z.array(z.string().max(LIMITS.idChars)).max(LIMITS.servicesPerSource),
            groups: z.array(z.string().max(LIMITS.nameChars)).max(LIMITS.servicesPerSource),
          })
          .optional(),
      }),
    )
    .min(1)
    .max(LIMITS.sources)
    .default([{ url: DEFAULT_SOURCE_URL, kind: 'auto' }]),
  pollIntervalSeconds: z
    .number()
    .int()
    .min(POLL_INTERVAL_SECONDS.min)
    .max(POLL_INTERVAL_SECONDS.max)
    .default(POLL_INTERVAL_SECONDS.default),
  notifications: z
    .object({
      enabled: z.boolean().default(true),
      incidents: z.boolean().default(true),
      incidentUpdates: z.boolean().default(true),
      maintenances: z.boolean().default(true),
      reminders: z.boolean().default(true),
      reminderMinutes: z.number().int().min(5).max(24 * 60).default(60),
      serviceChanges: z.boolean().default(false),
      sourceHealth: z.boolean().default(true),
      /** New findings of the account checks (with a token). */
      account: z.boolean().default(true),
      /** With a token: only incidents, maintenances and services that touch the account. */
      onlyAffectingMe: z.boolean().default(false),
    })
    .default({
      enabled: true,
      incidents: true,
      incidentUpdates: true,
      maintenances: true,
      reminders: true,
      reminderMinutes: 60,
      serviceChanges: false,
      sourceHealth: true,
      account: true,
      onlyAffectingMe: false,
    }),
  accountCheckHours: z.number().int().min(ACCOUNT_CHECK_HOURS.min).max(ACCOUNT_CHECK_HOURS.max).default(ACCOUNT_CHECK_HOURS.default),
  /** Service ids never announced. */
  mutedServices: z.array(z.string().max(LIMITS.idChars)).max(500).default([]),
  /** Service ids whose every change is announced until they are operational again. */
  followedServices: z.array(z.string().max(LIMITS.idChars)).max(500).default([]),
  quietHours: z
    .object({ enabled: z.boolean().default(false), start: clockTime.default('22:00'), end: clockTime.default('07:00') })
    .default({ enabled: false, start: '22:00', end: '07:00' }),
  language: z.enum(['auto', 'en', 'fr']).default('auto'),
  launchAtLogin: z.boolean().default(false),
  links: z
    .object({
      statusPage: gandiLink.default(DEFAULT_LINKS.statusPage),
      helpCenter: gandiLink.default(DEFAULT_LINKS.helpCenter),
      ticket: gandiLink.default(DEFAULT_LINKS.ticket),
      chat: gandiLink.default(DEFAULT_LINKS.chat),
    })
    .default({ ...DEFAULT_LINKS }),
});

export type Settings = z.infer<typeof settingsSchema>;

export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}

export type ServiceList = 'followedServices' | 'mutedServices';

/**
 * The one rule for following and muting a service: they exclude each other, so turning one on
 * turns the other off. `on` says what the list should hold; left out, the choice is toggled.
 */
export function chooseService(settings: Settings, list: ServiceList, serviceId: string, on?: boolean): Settings {
  const other: ServiceList = list === 'followedServices' ? 'mutedServices' : 'followedServices';
  const want = on ?? !settings[list].includes(serviceId);
  const without = settings[list].filter((id) => id !== serviceId);
  return {
    ...settings,
    [list]: want ? [...without, serviceId] : without,
    [other]: want ? settings[other].filter((id) => id !== serviceId) : settings[other],
  };
}

/** The part of each page the user watches, by source URL (only sources that watch a part). */
export function watchedPartsOf(settings: Settings): WatchedParts {
  return new Map(settings.sources.flatMap((source) => (watchesPart(source.watch) ? [[source.url, source.watch] as const] : [])));
}
