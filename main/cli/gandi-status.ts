// Entry of the `gandi-status` command: wires the real process to runCli and exits with its code.
import { runCli } from './cli';

const controller = new AbortController();
const stop = (): void => controller.abort();
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
// A reader that went away (`--watch --json | head -n 3`) leaves nobody to tell: stop as on a
// signal, so the state of what was announced is saved, instead of dying of EPIPE.
process.stdout.on('error', stop);

function exit(code: number): void {
  if (process.stdout.destroyed || process.stdout.writableEnded) process.exit(code);
  // Let the output drain, then leave even if a keep-alive socket or timer lingers.
  process.stdout.write('', () => process.exit(code));
}

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  fetch: (url, init) => fetch(url, init),
  env: process.env,
  now: () => new Date(),
  signal: controller.signal,
  // Without a listener SIGHUP would end the process: the daemon reads its settings again instead.
  onReload: (listener) => {
    process.on('SIGHUP', listener);
    return () => process.off('SIGHUP', listener);
  },
}).then(exit, (error: unknown) => {
  process.stderr.write(`gandi-status: ${error instanceof Error ? error.message : String(error)}\n`);
  exit(3);
});
