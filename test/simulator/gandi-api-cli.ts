// `npx tsx test/simulator/gandi-api-cli.ts [--port P] [--scenario NAME]`: the Gandi API v5 simulator
// as a program, to point `gandi-status account`, the dashboard or the app at (GANDI_API_URL) while
// building or trying the account views by hand. Dates follow the real clock.
import { parseArgs } from 'node:util';
import { GANDI_SCENARIOS, SIM_TOKENS, startGandiApiSimulator, type GandiScenario } from './gandi-api';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string' }, scenario: { type: 'string' } } });
  const scenario = (values.scenario ?? 'fixtures') as GandiScenario;
  if (!GANDI_SCENARIOS.includes(scenario)) throw new Error(`--scenario must be one of ${GANDI_SCENARIOS.join(', ')}`);
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port must be a number from 0 to 65535');
  const sim = await startGandiApiSimulator({ port, scenario, now: () => new Date() });
  process.stdout.write(
    [
      `Gandi API v5 simulator (${scenario}) at ${sim.url}`,
      `  GANDI_API_URL=${sim.url} GANDI_PAT=${SIM_TOKENS.all} npm run status -- account`,
      `  tokens: ${SIM_TOKENS.all} (every permission), ${SIM_TOKENS.noBilling} (no billing), ${SIM_TOKENS.domainsOnly} (domains only)`,
      '',
    ].join('\n'),
  );
  const stop = (): void => void sim.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`gandi-api simulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
