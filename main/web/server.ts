// Entry point of `npm run web`: the browser dashboard (built to dist/web/server.js).
import { parseDashboardArgs, USAGE } from './args';
import { startDashboardServer } from './start';

async function main(): Promise<void> {
  const parsed = parseDashboardArgs(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(`gandi-status web: ${parsed.error}\n`);
    process.exitCode = 2;
    return;
  }
  if (parsed.args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  let dashboard;
  try {
    dashboard = await startDashboardServer({ args: parsed.args });
  } catch (error) {
    process.stderr.write(`gandi-status web: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`Gandi Status dashboard: ${dashboard.url}\n`);
  if (parsed.args.hostGiven && !['127.0.0.1', 'localhost', '::1'].includes(parsed.args.host)) {
    process.stderr.write('Warning: the dashboard has no login; put it behind an authenticating proxy if others can reach it.\n');
  }
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    dashboard
      .stop()
      .catch((error: unknown) => process.stderr.write(`while stopping: ${String(error)}\n`))
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
