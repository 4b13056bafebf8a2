// The bridge API over HTTP: the same calls the preload gives the desktop window, as /api routes,
// with pushes over Server-Sent Events; everything else is the renderer build.
import { createHistoryRecorder, type HistoryRecorder } from '../core/history-recorder';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChangeEvent } from '../../common/model';
import {
  CALL_NAMES,
  NO_INPUT,
  RECENT_EVENTS,
  STREAM_PATH,
  WINDOW_CALLS,
  type CallHandlers,
  type AppInfo,
  type CallName,
  type ExternalTarget,
} from '../../common/window-api';
import type { StatusService } from '../core/ports';
import { resolveExternalTarget } from '../core/external-links';
import { createPageDetector, type PageDetector } from '../core/page-detection';
import { hostAllowed, originAllowed, readJsonBody, securityHeaders, sendError, sendJson, type HostPolicy } from './http-guard';
import { checkAccess } from './network-exposure';
import type { SettingsController } from './settings-controller';
import { createSseHub, type SseHub } from './sse-hub';
import { serveStatic } from './static-files';
import { createAccountService, type AccountService } from '../core/account/account-service';
import { DASHBOARD_TOKEN_REFUSAL, serverTokenSource } from './account-token';

export interface DashboardDeps {
  status: StatusService;
  settings: SettingsController;
  info: AppInfo;
  /** Folder of the renderer build (dist/renderer). */
  staticRoot: string;
  hostPolicy: HostPolicy;
  /** When set, every request must carry it (see network-exposure.ts). */
  accessToken?: string | null;
  hub?: SseHub;
  /** How many change events a page opened late still gets (newest last). */
  recentEventLimit?: number;
  /** Settings' "Add a status page" (default: on Node's fetch). */
  detectPage?: PageDetector;
  /** The Gandi account checks (default: no token). */
  account?: AccountService;
  /** What the app saw over 90 days (default: none kept). */
  history?: HistoryRecorder;
}

/** Calls the browser answers itself (the clipboard) have no route. */
type RoutedCall = { [K in CallName]: (typeof WINDOW_CALLS)[K]['http'] extends null ? never : K }[CallName];

/** The dashboard's handlers: the desktop's, except that a link is resolved here and opened by the browser. */
type DashboardHandlers = Omit<Pick<CallHandlers, RoutedCall>, 'openExternal'> & {
  openExternal(target: ExternalTarget): { url: string };
};

/** A refusal with its HTTP status. */
class RouteError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function httpRoutes(): Map<string, RoutedCall> {
  const routes = new Map<string, RoutedCall>();
  for (const name of CALL_NAMES) {
    const http = WINDOW_CALLS[name].http;
    if (http !== null) routes.set(http.path, name as RoutedCall);
  }
  return routes;
}

export interface DashboardApp {
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Unsubscribes from the core and ends every stream (the core itself is the caller's to stop). */
  close(): void;
}

export function createDashboardApp(deps: DashboardDeps): DashboardApp {
  const hub = deps.hub ?? createSseHub();
  const limit = Math.min(deps.recentEventLimit ?? RECENT_EVENTS, RECENT_EVENTS);
  let recentEvents: ChangeEvent[] = [];
  // A page that clicks "refresh" many times starts one poll round, not many.
  let refreshing: Promise<void> | null = null;

  const history = deps.history ?? createHistoryRecorder({ file: null });
  const unsubscribeStatus = deps.status.subscribe((update) => {
    history.record(update.snapshot);
    if (update.events.length > 0) recentEvents = [...recentEvents, ...update.events].slice(-limit);
    hub.broadcast('state', update.snapshot);
    for (const event of update.events) hub.broadcast('event', event);
  });
  const unsubscribeSettings = deps.settings.subscribe((settings) => hub.broadcast('settings', settings));

  const detectPage = deps.detectPage ?? createPageDetector({ fetch: (url, init) => fetch(url, init) });
  const account = deps.account ?? createAccountService({ tokens: serverTokenSource(undefined), fetch: (url, init) => fetch(url, init), env: {} });
  const unsubscribeAccount = account.subscribe((view) => hub.broadcast('account', view));

  /** The window API's calls as the dashboard answers them (the table says which route is which). */
  const calls: DashboardHandlers = {
    getState: () => ({ snapshot: deps.status.getSnapshot(), settings: deps.settings.get(), info: deps.info, recentEvents }),
    getHistory: () => history.history(),
    refresh: async () => {
      refreshing ??= deps.status.refreshNow().finally(() => {
        refreshing = null;
      });
      try {
        await refreshing;
      } catch (error) {
        throw new RouteError(500, `refresh failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      return null;
    },
    // The server resolves and checks the link; the browser opens it (the server never launches one).
    openExternal: (target) => {
      const link = resolveExternalTarget(target, deps.settings.get(), deps.status.getSnapshot());
      if (!link.ok) throw new RouteError(403, link.error);
      return { url: link.url };
    },
    setSettings: (candidate) => deps.settings.set(candidate),
    detectPage: (input) => detectPage(input),
    getAccount: () => account.view(),
    checkAccount: () => account.checkNow(),
    setAccountToken: () => ({ ok: false, error: DASHBOARD_TOKEN_REFUSAL }),
  };

  const routes = httpRoutes();

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!hostAllowed(req, deps.hostPolicy)) {
      sendError(res, 421, 'unexpected Host header');
      return;
    }
    const method = req.method ?? 'GET';
    const requestUrl = new URL(req.url ?? '/', 'http://localhost');
    const pathname = requestUrl.pathname;
    if (deps.accessToken) {
      const access = checkAccess(requestUrl, req.headers.cookie, deps.accessToken);
      if (access.kind === 'denied') return sendError(res, 401, 'open the access link the dashboard printed when it started');
      if (access.kind === 'grant') {
        res.writeHead(303, { ...securityHeaders(), Location: access.location, 'Set-Cookie': access.cookie, 'Cache-Control': 'no-store' });
        res.end();
        return;
      }
    }
    const changes = method !== 'GET' && method !== 'HEAD';
    if (changes && !originAllowed(req)) {
      sendError(res, 403, 'cross-origin request refused');
      return;
    }

    if (pathname === STREAM_PATH) {
      if (method !== 'GET') {
        res.setHeader('Allow', 'GET');
        return sendError(res, 405, 'use GET');
      }
      if (!hub.attach(res, [['state', deps.status.getSnapshot()]])) sendError(res, 503, 'too many open dashboards');
      return;
    }
    const name = routes.get(pathname);
    if (name !== undefined) return answer(name, method, req, res);
    if (pathname.startsWith('/api/')) return sendError(res, 404, 'no such API');
    if (method !== 'GET' && method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendError(res, 405, 'use GET');
    }
    await serveStatic(deps.staticRoot, req, res, pathname);
  };

  async function answer(name: RoutedCall, method: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const call = WINDOW_CALLS[name];
    if (method !== call.http.method) {
      res.setHeader('Allow', call.http.method);
      return sendError(res, 405, `use ${call.http.method}`);
    }
    let input: unknown;
    if (call.http.method !== 'GET') {
      const body = await readJsonBody(req, { allowEmpty: call.input === NO_INPUT });
      if (!body.ok) return sendError(res, body.status, body.error);
      // A call without an argument takes an empty object (or nothing) as its body.
      input = call.input === NO_INPUT ? undefined : body.value;
    }
    const parsed = call.input.safeParse(input);
    if (!parsed.success) return sendError(res, 400, `invalid ${name} request`);
    try {
      const handler = calls[name] as (input: unknown) => unknown;
      sendJson(res, 200, await handler(parsed.data));
    } catch (error) {
      if (error instanceof RouteError) return sendError(res, error.status, error.message);
      throw error;
    }
  }

  return {
    handle(req, res) {
      route(req, res).catch((error: unknown) => {
        if (!res.headersSent) sendError(res, 500, error instanceof Error ? error.message : 'internal error');
        else res.destroy();
      });
    },
    close() {
      unsubscribeStatus();
      unsubscribeSettings();
      unsubscribeAccount();
      hub.close();
    },
  };
}
