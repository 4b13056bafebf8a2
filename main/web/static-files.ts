// Serves the renderer build, and nothing outside it.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { securityHeaders, sendError } from './http-guard';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Maps a URL path to a file under root, or null when it would leave root (`..`, encoded
 * separators, NUL bytes) or is not a plain path. Symlinks are checked later with realpath.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.split('/').some((segment) => segment === '..')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const resolved = path.resolve(root, relative);
  return isInside(root, resolved) ? resolved : null;
}

function isInside(root: string, candidate: string): boolean {
  const base = path.resolve(root);
  return candidate === base || candidate.startsWith(base + path.sep);
}

export function contentTypeFor(file: string): string | null {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? null;
}

/** Answers GET/HEAD for a file of the renderer build; 404 for anything else. */
export async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse, urlPath: string): Promise<void> {
  const file = resolveStaticPath(root, urlPath);
  if (file === null) {
    sendError(res, 404, 'not found');
    return;
  }
  let real: string;
  let realRoot: string;
  try {
    [real, realRoot] = await Promise.all([realpath(file), realpath(root)]);
  } catch {
    sendError(res, 404, file.endsWith('index.html') ? 'the window is not built: run npm run build' : 'not found');
    return;
  }
  const type = contentTypeFor(real);
  if (!isInside(realRoot, real) || type === null) {
    sendError(res, 404, 'not found');
    return;
  }
  const info = await stat(real).catch(() => null);
  if (info === null || !info.isFile()) {
    sendError(res, 404, 'not found');
    return;
  }
  res.writeHead(200, {
    ...securityHeaders(),
    'Content-Type': type,
    'Content-Length': info.size,
    // Vite names what it puts in assets/ by content hash, so those never change; the rest is re-checked.
    'Cache-Control': urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(real);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}
