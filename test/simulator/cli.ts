// `npm run simulate -- [--port P] [--scenario NAME] [--step-seconds N]`: the simulator as a program,
// to point the app or the `gandi-status` command at while trying scenarios by hand.
import { parseArgs } from 'node:util';
import { FORMAT_PREFIXES } from './formats';
import { isScenarioName, SCENARIOS } from './scenarios';
import { startSimulator } from './server';

const USAGE = `usage: npm run simulate -- [--port P] [--scenario NAME] [--step-seconds N]
scenarios: ${SCENARIOS.join(', ')}`;

function fail(message: string): never {
  process.stderr.write(`simulate: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function parseNumber(text: string | undefined, what: string, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max) fail(`${what} must be a number from ${min} to ${max}`);
  return value;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        scenario: { type: 'string' },
        'step-seconds': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const scenario = values.scenario ?? 'all-clear';
  if (!isScenarioName(scenario)) fail(`unknown scenario "${scenario}"`);
  const port = parseNumber(values.port, '--port', 0, 65535) ?? 8089;
  const stepSeconds = parseNumber(values['step-seconds'], '--step-seconds', 0.1, 86_400);

  let sim;
  try {
    sim = await startSimulator({ port, scenario, ...(stepSeconds === undefined ? {} : { stepSeconds }) });
  } catch (error) {
    fail(`cannot listen on 127.0.0.1:${port} (${error instanceof Error ? error.message : String(error)})`);
  }
  const { url } = sim;
  process.stdout.write(
    [
      `Gandi status simulator on ${url}  (scenario: ${scenario}${stepSeconds ? `, a step every ${stepSeconds} s` : ''})`,
      `  Statuspage v2:  ${url}/api/v2/summary.json`,
      `  Legacy API:     ${url}/api/status   ${url}/api/services   ${url}/api/events?current=true`,
      `  Other formats:  ${FORMAT_PREFIXES.map((prefix) => `${url}/${prefix}`).join('  ')}`,
      `  Try it:         npm run status -- --url ${url}`,
      `  Switch:         curl -X POST ${url}/__control/scenario -d '{"name":"incident-life"}'`,
      `                  (or open ${url}/__control/scenario?name=incident-life)`,
      `  Next step:      curl -X POST ${url}/__control/step`,
      `  State:          curl ${url}/__control/state`,
      `  Scenarios:      ${SCENARIOS.join(', ')}`,
      'Ctrl+C to stop.',
      '',
    ].join('\n'),
  );

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void sim.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
