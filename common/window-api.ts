// The window API as one table: every call the window makes and every push it receives, with its
// IPC channel, its dashboard route and its schemas. The preload bridge, the IPC handlers, the
// dashboard's routes, the browser's HTTP bridge, the unavailable bridge and the test fakes are all
// derived from it: a new call is one entry here plus its handler on each side.
import { z } from 'zod';
import { LIMITS } from './limits';
import { LEVELS, SOURCE_KINDS, type ChangeEvent, type Level, type SourceKind, type SourceProblem, type StatusSnapshot } from './model';
import { changeEventSchema, sourceProblemSchema, statusSnapshotSchema } from './schema';
import { settingsSchema, type Settings } from './settings';
import { ACCOUNT_CHECKS } from './account';
import { historySchema } from './history';
import { accountViewSchema, setAccountTokenInputSchema, setAccountTokenResultSchema } from './account-view';
import { CALL_CHANNELS, PUSH_CHANNELS, pushListenerName, type CallName, type PushListenerName, type PushName } from './window-api-names';

export { CALL_CHANNELS, PUSH_CHANNELS, pushListenerName, type CallName, type PushName } from './window-api-names';

// ---- payloads ---------------------------------------------------------------------------------

/** Something the window can be asked to show (a notification click, a tray menu item). */
export const showTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('incident'), sourceUrl: z.string().max(LIMITS.urlChars), id: z.string().min(1).max(LIMITS.idChars) }),
  z.object({ kind: z.literal('maintenance'), sourceUrl: z.string().max(LIMITS.urlChars), id: z.string().min(1).max(LIMITS.idChars) }),
  z.object({ kind: z.literal('view'), view: z.enum(['overview', 'support', 'settings']) }),
  /** The support panel, on one account check (a finding's notification). */
  z.object({ kind: z.literal('account'), check: z.enum(ACCOUNT_CHECKS) }),
]);
export type ShowTarget = z.infer<typeof showTargetSchema>;

/**
 * Links the window may ask to open. It never passes a URL: main resolves the target from the
 * settings or the current snapshot and checks it against the link policy.
 */
export const externalTargetSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.enum(['status-page', 'help', 'ticket', 'chat']),
    /** The window's language: Gandi's help centre has its pages in both. */
    language: z.enum(['en', 'fr']).optional(),
  }),
  z.object({
    kind: z.enum(['incident', 'maintenance']),
    sourceUrl: z.string().max(LIMITS.urlChars),
    id: z.string().min(1).max(LIMITS.idChars),
  }),
  /** The admin.gandi.net page that fixes what an account check found (or where a token is made). */
  z.object({ kind: z.literal('account-page'), check: z.enum(ACCOUNT_CHECKS) }),
  /** A link written in an update's text: opened only if the link policy allows it for that page. */
  z.object({ kind: z.literal('update-link'), sourceUrl: z.string().max(LIMITS.urlChars), url: z.string().max(LIMITS.urlChars) }),
]);
export type ExternalTarget = z.infer<typeof externalTargetSchema>;

export const copyTextSchema = z.string().max(100_000);

const appInfoSchema = z.object({
  name: z.string().max(LIMITS.nameChars),
  version: z.string().max(100),
  /** 'electron' in the tray app, 'web' in the browser dashboard (no desktop-only actions). */
  platform: z.enum(['electron', 'web']),
  /** The OS / browser locale, for language 'auto'. */
  locale: z.string().max(100),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** How many change events a window opened late still gets (newest last). */
export const RECENT_EVENTS = 50;

export const appStateSchema = z.object({
  snapshot: statusSnapshotSchema,
  settings: settingsSchema,
  info: appInfoSchema,
  /** Recent change events, newest last, so a window opened late still sees what happened. */
  recentEvents: z.array(changeEventSchema).max(RECENT_EVENTS),
});
export type AppState = { snapshot: StatusSnapshot; settings: Settings; info: AppInfo; recentEvents: ChangeEvent[] };

export const setSettingsResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), settings: settingsSchema }),
  z.object({ ok: z.literal(false), error: z.string().max(LIMITS.bodyChars) }),
]);
export type SetSettingsResult = { ok: true; settings: Settings } | { ok: false; error: string };

/** "Add a status page": a pasted address (or a catalogue entry's), and the format if forced. */
export const detectPageInputSchema = z.object({
  url: z.string().min(1).max(LIMITS.urlChars),
  kind: z.enum(['auto', ...SOURCE_KINDS]).default('auto'),
});
export type DetectPageInput = { url: string; kind: SourceKind | 'auto' };

/** What the page turned out to be, or the one sentence saying why it could not be read. */
export const detectPageResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    /** The address as it would be saved (normalised). */
    url: z.string().max(LIMITS.urlChars),
    kind: z.enum(SOURCE_KINDS),
    name: z.string().max(LIMITS.nameChars),
    overall: z.enum(LEVELS),
    /** Components (services) and their groups. */
    services: z.number().int().min(0),
    groups: z.number().int().min(0),
    incidents: z.number().int().min(0),
    maintenances: z.number().int().min(0),
    /** HTTP requests the detection and the first read took. */
    requests: z.number().int().min(0),
  }),
  z.object({
    ok: z.literal(false),
    error: z.string().max(LIMITS.bodyChars),
    problem: sourceProblemSchema,
    requests: z.number().int().min(0),
  }),
]);
export type DetectPageResult =
  | {
      ok: true;
      url: string;
      kind: SourceKind;
      name: string;
      overall: Level;
      services: number;
      groups: number;
      incidents: number;
      maintenances: number;
      requests: number;
    }
  | { ok: false; error: string; problem: SourceProblem | null; requests: number };

/** The input of calls without an argument. */
export const NO_INPUT = z.undefined();

/**
 * Settings as the window sends them: any value passes the bridge, typed as settings for the
 * window's code, because the handler answers a bad one with the reason (shown in the form) rather
 * than rejecting the call.
 */
const settingsCandidate = z.custom<Settings>(() => true);

// ---- the table ----------------------------------------------------------------------------------

export interface HttpRoute {
  method: 'GET' | 'POST' | 'PUT';
  path: `/api/${string}`;
}

interface CallSpec {
  channel: string;
  /** The dashboard's route; null where the browser does it itself (the clipboard). */
  http: HttpRoute | null;
  input: z.ZodType;
  output: z.ZodType;
}

export const WINDOW_CALLS = {
  getState: { channel: CALL_CHANNELS.getState, http: { method: 'GET', path: '/api/state' }, input: NO_INPUT, output: appStateSchema },
  refresh: { channel: CALL_CHANNELS.refresh, http: { method: 'POST', path: '/api/refresh' }, input: NO_INPUT, output: z.null() },
  // Over HTTP the server answers with the resolved link, which the browser opens itself.
  openExternal: { channel: CALL_CHANNELS.openExternal, http: { method: 'POST', path: '/api/open-external' }, input: externalTargetSchema, output: z.boolean() },
  setSettings: { channel: CALL_CHANNELS.setSettings, http: { method: 'PUT', path: '/api/settings' }, input: settingsCandidate, output: setSettingsResultSchema },
  copyText: { channel: CALL_CHANNELS.copyText, http: null, input: copyTextSchema, output: z.boolean() },
  // Settings' "Add a status page": read the page once, save nothing.
  detectPage: { channel: CALL_CHANNELS.detectPage, http: { method: 'POST', path: '/api/detect-page' }, input: detectPageInputSchema, output: detectPageResultSchema },
  // The Gandi account (step 2 of the support procedure): the token's state and the last report, never the token.
  // What this app saw over 90 days (uptime bars, past incidents); asked for when shown, not pushed.
  getHistory: { channel: CALL_CHANNELS.getHistory, http: { method: 'GET', path: '/api/history' }, input: NO_INPUT, output: historySchema },
  getAccount: { channel: CALL_CHANNELS.getAccount, http: { method: 'GET', path: '/api/account' }, input: NO_INPUT, output: accountViewSchema },
  // "Check my account now": resolves when the run is over.
  checkAccount: { channel: CALL_CHANNELS.checkAccount, http: { method: 'POST', path: '/api/account/check' }, input: NO_INPUT, output: accountViewSchema },
  // Settings' token field (desktop); the dashboard refuses it: its token is given to the server at start.
  setAccountToken: { channel: CALL_CHANNELS.setAccountToken, http: { method: 'PUT', path: '/api/account/token' }, input: setAccountTokenInputSchema, output: setAccountTokenResultSchema },
} as const satisfies Record<CallName, CallSpec>;

export const WINDOW_PUSHES = {
  state: { channel: PUSH_CHANNELS.state, schema: statusSnapshotSchema },
  event: { channel: PUSH_CHANNELS.event, schema: changeEventSchema },
  settings: { channel: PUSH_CHANNELS.settings, schema: settingsSchema },
  show: { channel: PUSH_CHANNELS.show, schema: showTargetSchema },
  account: { channel: PUSH_CHANNELS.account, schema: accountViewSchema },
} as const satisfies Record<PushName, { channel: string; schema: z.ZodType }>;

export const CALL_NAMES = Object.keys(WINDOW_CALLS) as CallName[];
export const PUSH_NAMES = Object.keys(WINDOW_PUSHES) as PushName[];

/** The route of the dashboard's change stream (Server-Sent Events, one event name per push). */
export const STREAM_PATH = '/api/stream';

// ---- the types derived from it --------------------------------------------------------------------

export type CallInput<K extends CallName> = z.output<(typeof WINDOW_CALLS)[K]['input']>;
export type CallOutput<K extends CallName> = z.output<(typeof WINDOW_CALLS)[K]['output']>;
export type PushPayload<K extends PushName> = z.output<(typeof WINDOW_PUSHES)[K]['schema']>;

type CallArgs<K extends CallName> = undefined extends CallInput<K> ? [] : [input: CallInput<K>];

/** One call as the window makes it. */
export type WindowCall<K extends CallName> = (...args: CallArgs<K>) => Promise<CallOutput<K>>;

/** What a side that answers calls provides: one handler per call, given the checked input. */
export type CallHandlers = { [K in CallName]: (input: CallInput<K>) => CallOutput<K> | Promise<CallOutput<K>> };

/** The API the preload exposes as `window.gandiStatus` (and the dashboard provides over HTTP). */
export type GandiStatusApi = { [K in CallName]: WindowCall<K> } & {
  [K in PushName as PushListenerName<K>]: (listener: (payload: PushPayload<K>) => void) => () => void;
};

