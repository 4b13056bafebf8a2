// The one IPC contract: channel names, payload schemas and the bridge API, declared once and
// used by the main process, the preload bridge, the renderer and the browser dashboard.
import { z } from 'zod';
import type { ChangeEvent, StatusSnapshot } from '../main/core/model';

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

/** True for an https URL, without credentials, on gandi.net or one of its subdomains. */
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
    url.username === '' &&
    url.password === '' &&
    (host === GANDI_DOMAIN || host.endsWith(`.${GANDI_DOMAIN}`))
  );
}

// The window may edit these links, so they are held to Gandi's domain: a page that went wrong
// cannot turn the ticket or chat button into a link to anywhere.
const gandiLink = z.string().trim().max(2048).refine(isGandiLink, `must be an https:// link on ${GANDI_DOMAIN}`);

/** Status sources may be plain http (a local simulator, an internal mirror). */
const sourceUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => {
    try {
      const protocol = new URL(value).protocol;
      return protocol === 'https:' || protocol === 'http:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM');

export const settingsSchema = z.object({
  version: z.literal(1).default(1),
  sources: z
    .array(
      z.object({
        url: sourceUrl,
        kind: z.enum(['auto', 'statuspage', 'gandi-legacy']).default('auto'),
      }),
    )
    .min(1)
    .max(10)
    .default([{ url: 'https://status.gandi.net', kind: 'auto' }]),
  pollIntervalSeconds: z.number().int().min(15).max(3600).default(60),
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
    }),
  /** Service ids never announced. */
  mutedServices: z.array(z.string().max(200)).max(500).default([]),
  /** Service ids whose every change is announced until they are operational again. */
  followedServices: z.array(z.string().max(200)).max(500).default([]),
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

// ---- what the bridge carries ------------------------------------------------------------------

/** Something the window can be asked to show (a notification click, a tray menu item). */
export const showTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('incident'), sourceUrl: z.string().max(2048), id: z.string().min(1).max(200) }),
  z.object({ kind: z.literal('maintenance'), sourceUrl: z.string().max(2048), id: z.string().min(1).max(200) }),
  z.object({ kind: z.literal('view'), view: z.enum(['overview', 'support', 'settings']) }),
]);
export type ShowTarget = z.infer<typeof showTargetSchema>;

/**
 * Links the renderer may ask to open. The renderer never passes a URL: main resolves the target
 * from settings or the current snapshot and checks it against the allow-list.
 */
export const externalTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['status-page', 'help', 'ticket', 'chat']) }),
  z.object({
    kind: z.enum(['incident', 'maintenance']),
    sourceUrl: z.string().max(2048),
    id: z.string().min(1).max(200),
  }),
]);
export type ExternalTarget = z.infer<typeof externalTargetSchema>;

export const copyTextSchema = z.string().max(100_000);

export interface AppInfo {
  name: string;
  version: string;
  /** 'electron' in the tray app, 'web' in the browser dashboard (no desktop-only actions). */
  platform: 'electron' | 'web';
  /** The OS / browser locale, for language 'auto'. */
  locale: string;
}

export interface AppState {
  snapshot: StatusSnapshot;
  settings: Settings;
  info: AppInfo;
  /** ISO time until which notifications are held back, or null. */
  snoozedUntil: string | null;
  /** Recent change events, newest last (so a window opened late still sees what happened). */
  recentEvents: ChangeEvent[];
}

export type SetSettingsResult = { ok: true; settings: Settings } | { ok: false; error: string };

/** The API the preload exposes as `window.gandiStatus` (and the dashboard provides over HTTP). */
export interface GandiStatusApi {
  getState(): Promise<AppState>;
  onState(listener: (snapshot: StatusSnapshot) => void): () => void;
  onEvent(listener: (event: ChangeEvent) => void): () => void;
  onSettings(listener: (settings: Settings) => void): () => void;
  onShow(listener: (target: ShowTarget) => void): () => void;
  refresh(): Promise<void>;
  openExternal(target: ExternalTarget): Promise<boolean>;
  getSettings(): Promise<Settings>;
  setSettings(settings: Settings): Promise<SetSettingsResult>;
  copyText(text: string): Promise<boolean>;
}

// Channel names live in their own module so the sandboxed preload bundle does not pull in zod.
export { INVOKE, PUSH } from './channels';
