// The window is served from its own privileged scheme, app://gandi-status/, limited to the
// renderer build folder. Under file:// the page's CSP 'self' would allow a script from any local
// file; under app:// 'self' is the app's own build and nothing else, and the IPC sender check
// compares against this one origin.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Protocol } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'gandi-status';
export const APP_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Must run before the app is ready: the scheme is standard (relative URLs), secure, and fetchable. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/**
 * The file of the renderer build an app:// URL names, or null: another host, a path leaving the
 * folder (`..`, encoded or not), or anything that does not parse.
 */
export function rendererFileFor(requestUrl: string, rendererRoot: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (relative.includes('\0')) return null;
  const root = path.resolve(rendererRoot);
  const file = path.resolve(root, `.${relative === '/' ? '/index.html' : relative}`);
  return file.startsWith(`${root}${path.sep}`) ? file : null;
}

/** Answers app:// requests from the renderer build folder; anything else is a 404. */
export function serveRenderer(
  protocol: Pick<Protocol, 'handle'>,
  rendererRoot: string,
  fetchFile: (fileUrl: string) => Promise<Response>,
): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = rendererFileFor(request.url, rendererRoot);
    if (file === null) return new Response('not found', { status: 404 });
    return fetchFile(pathToFileURL(file).href).catch(() => new Response('not found', { status: 404 }));
  });
}
