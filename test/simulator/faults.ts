// Faults: every (non-control) request meets the same failure while a fault scenario is on.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultName } from './scenarios';

export const RATE_LIMIT_RETRY_AFTER_SECONDS = 2;
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 3;
export const DEFAULT_STALL_MS = 20_000;
export const DEFAULT_HUGE_BYTES = 10 * 1024 * 1024;

export interface FaultContext {
  /** The body the request would have had without the fault (null for an unknown path). */
  normalBody: string | null;
  stallMs: number;
  hugeBytes: number;
  /** Registers a timer so closing the simulator can cancel it. */
  trackTimer(timer: NodeJS.Timeout): void;
}

const BAD_GATEWAY_PAGE = `<html>
<head><title>502 Bad Gateway</title></head>
<body>
<center><h1>502 Bad Gateway</h1></center>
<hr><center>nginx</center>
</body>
</html>
`;

function send(res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): number {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(body)), ...headers });
  res.end(body);
  return status;
}

/** Answers the request with the fault; returns the status sent (0 when no status line is ever sent). */
export function serveFault(fault: FaultName, req: IncomingMessage, res: ServerResponse, ctx: FaultContext): number {
  switch (fault) {
    case 'error-500':
      return send(res, 500, 'application/json', JSON.stringify({ error: 'Internal Server Error' }));
    case 'rate-limited':
      return send(res, 429, 'application/json', JSON.stringify({ error: 'Too Many Requests' }), {
        'Retry-After': String(RATE_LIMIT_RETRY_AFTER_SECONDS),
      });
    case 'unavailable':
      return send(res, 503, 'text/html', '<html><body><h1>503 Service Unavailable</h1></body></html>\n', {
        'Retry-After': String(UNAVAILABLE_RETRY_AFTER_SECONDS),
      });
    case 'stall': {
      // Accept the request, say nothing, then hang up: the client's timeout must fire first.
      ctx.trackTimer(setTimeout(() => req.socket.destroy(), ctx.stallMs));
      return 0;
    }
    case 'invalid-json':
      return send(res, 200, 'application/json', '{"page": {"id": "xnm08yh10bv5", "name": "Gandi.net Status",, "components": [');
    case 'html-error':
      return send(res, 502, 'text/html', BAD_GATEWAY_PAGE);
    case 'html-error-200':
      // A proxy error page served with 200 and even a JSON content type: only the body tells.
      return send(res, 200, 'application/json', BAD_GATEWAY_PAGE);
    case 'truncated': {
      const body = ctx.normalBody ?? JSON.stringify({ error: 'Not Found' });
      const bytes = Buffer.from(body);
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(bytes.length) });
      res.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
      // Let the half body leave, then cut the connection short of the announced length.
      ctx.trackTimer(setTimeout(() => req.socket.destroy(), 20));
      return 200;
    }
    case 'huge':
      return sendHuge(res, ctx);
  }
}

/** A valid JSON document padded with whitespace to `hugeBytes`: only a size cap can refuse it. */
function sendHuge(res: ServerResponse, ctx: FaultContext): number {
  const head = Buffer.from(ctx.normalBody ?? '{}');
  const total = Math.max(ctx.hugeBytes, head.length);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(total) });
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let remaining = total - head.length;
  const pump = (): void => {
    while (remaining > 0) {
      const piece = remaining >= chunk.length ? chunk : chunk.subarray(0, remaining);
      remaining -= piece.length;
      if (!res.write(piece)) {
        res.once('drain', pump);
        return;
      }
    }
    res.end();
  };
  res.on('close', () => {
    remaining = 0;
  });
  if (res.write(head)) pump();
  else res.once('drain', pump);
  return 200;
}
