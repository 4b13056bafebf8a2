// The bridge API over HTTP: the same calls the preload gives the desktop window, as /api routes,
// with pushes over Server-Sent Events; everything else is the renderer build.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChangeEvent } from '../core/model';
import type { StatusService } from '../core/ports';
import { externalTargetSchema, type AppInfo, type AppState } from '../../preload/contract';
import { resolveExternalTarget } from '../core/external-links';
import { hostAllowed, originAllowed, readJsonBody, sendError, sendJson, type HostPolicy } from './http-guard';
import type { SettingsController } from './settings-controller';
import { createSseHub, type SseHub } from './sse-hub';
import { serveStatic } from './static-files';

export interface DashboardDeps {
  status: StatusService;
  settings: SettingsController;
  info: AppInfo;
  /** Folder of the renderer build (dist/renderer). */
  staticRoot: string;
  hostPolicy: HostPolicy;
  hub?: SseHub;
  /** How many change events a page opened late still gets (newest last). */
  recentEventLimit?: number;
}

export interface DashboardApp {
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Unsubscribes from the core and ends every stream (the core itself is the caller's to stop). */
  close(): void;
}

export const DEFAULT_RECENT_EVENTS = 50;

export function createDashboardApp(deps: DashboardDeps): DashboardApp {
  const hub = deps.hub ?? createSseHub();
  const limit = deps.recentEventLimit ?? DEFAULT_RECENT_EVENTS;
  let recentEvents: ChangeEvent[] = [];
  // A page that clicks "refresh" many times starts one poll round, not many.
  let refreshing: Promise<void> | null = null;

  const unsubscribeStatus = deps.status.subscribe((update) => {
    if (update.events.length > 0) recentEvents = [...recentEvents, ...update.events].slice(-limit);
    hub.broadcast('state', update.snapshot);
    for (const event of update.events) hub.broadcast('event', event);
  });
  const unsubscribeSettings = deps.settings.subscribe((settings) => hub.broadcast('settings', settings));

  const appState = (): AppState => ({
    snapshot: deps.status.getSnapshot(),
    settings: deps.settings.get(),
    info: deps.info,
    // Snoozing belongs to the desktop notifier; the dashboard raises no notifications.
    snoozedUntil: null,
    recentEvents,
  });

  const refresh = (): Promise<void> => {
    refreshing ??= deps.status.refreshNow().finally(() => {
      refreshing = null;
    });
    return refreshing;
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!hostAllowed(req, deps.hostPolicy)) {
      sendError(res, 421, 'unexpected Host header');
      return;
    }
    const method = req.method ?? 'GET';
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const changes = method !== 'GET' && method !== 'HEAD';
    if (changes && !originAllowed(req)) {
      sendError(res, 403, 'cross-origin request refused');
      return;
    }
    const expect = (allowed: string): boolean => {
      if (method === allowed) return true;
      res.setHeader('Allow', allowed);
      sendError(res, 405, `use ${allowed}`);
      return false;
    };

    switch (pathname) {
      case '/api/state':
        if (expect('GET')) sendJson(res, 200, appState());
        return;
      case '/api/stream':
        if (!expect('GET')) return;
        if (!hub.attach(res, [['state', deps.status.getSnapshot()]])) sendError(res, 503, 'too many open dashboards');
        return;
      case '/api/refresh': {
        if (!expect('POST')) return;
        const body = await readJsonBody(req, { allowEmpty: true });
        if (!body.ok) return sendError(res, body.status, body.error);
        try {
          await refresh();
        } catch (error) {
          return sendError(res, 500, `refresh failed: ${error instanceof Error ? error.message : String(error)}`);
        }
        sendJson(res, 200, { ok: true });
        return;
      }
      case '/api/open-external': {
        if (!expect('POST')) return;
        const body = await readJsonBody(req);
        if (!body.ok) return sendError(res, body.status, body.error);
        const target = externalTargetSchema.safeParse(body.value);
        if (!target.success) return sendError(res, 400, 'unknown link target');
        const link = resolveExternalTarget(target.data, deps.settings.get(), deps.status.getSnapshot());
        if (!link.ok) return sendError(res, 403, link.error);
        sendJson(res, 200, { ok: true, url: link.url });
        return;
      }
      case '/api/settings': {
        if (method === 'GET') return sendJson(res, 200, deps.settings.get());
        if (!expect('PUT')) return;
        const body = await readJsonBody(req);
        if (!body.ok) return sendError(res, body.status, body.error);
        const result = await deps.settings.set(body.value);
        sendJson(res, result.ok ? 200 : 400, result);
        return;
      }
      default:
        if (pathname.startsWith('/api/')) return sendError(res, 404, 'no such API');
        if (method !== 'GET' && method !== 'HEAD') {
          res.setHeader('Allow', 'GET, HEAD');
          return sendError(res, 405, 'use GET');
        }
        await serveStatic(deps.staticRoot, req, res, pathname);
    }
  };

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
      hub.close();
    },
  };
}
