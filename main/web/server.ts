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
  if (dashboard.accessUrl === null) {
    process.stdout.write(`Gandi Status dashboard: ${dashboard.url}\n`);
  } else {
    // Printed once: whoever opens this link gets a cookie; without it the server answers nothing.
    process.stdout.write(`Gandi Status dashboard, reachable from the network. Open this link once (it sets a cookie):\n  ${dashboard.accessUrl}\n`);
    process.stderr.write(
      [
        'Warning: this dashboard is reachable from other machines.',
        `  Browsers must use one of these names: ${['localhost', parsed.args.host, ...parsed.args.allowHosts].join(', ')} (--allow-host adds more).`,
        '  Every request needs the access link above; keep it secret, and prefer https through a proxy: the link and cookie travel in clear over http.',
        parsed.args.allowPrivateSources
          ? '  Status pages on private addresses are allowed (--allow-private-sources).'
          : '  Status pages on loopback, link-local or private addresses are refused (--allow-private-sources allows them).',
      ].join('\n') + '\n',
    );
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
