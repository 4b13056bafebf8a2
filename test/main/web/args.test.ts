import { describe, expect, it } from 'vitest';
import { DEFAULT_HOST, DEFAULT_PORT, parseDashboardArgs } from '../../../main/web/args';

describe('parseDashboardArgs', () => {
  it('defaults to loopback on the default port', () => {
    expect(parseDashboardArgs([])).toEqual({
      ok: true,
      args: { urls: [], port: DEFAULT_PORT, host: DEFAULT_HOST, hostGiven: false, settingsFile: null, stateFile: null, allowHosts: [], allowPrivateSources: false, help: false },
    });
  });

  it('reads repeated --url, --port, --host and files, in both spellings', () => {
    const parsed = parseDashboardArgs(['--url', 'http://127.0.0.1:9000/', '--url=https://status.gandi.net', '--port=0', '--host', '0.0.0.0', '--allow-host', 'Status.Example.test', '--settings', 's.json', '--state=st.json']);
    expect(parsed).toEqual({
      ok: true,
      args: {
        urls: ['http://127.0.0.1:9000', 'https://status.gandi.net'],
        port: 0,
        host: '0.0.0.0',
        hostGiven: true,
        settingsFile: 's.json',
        stateFile: 'st.json',
        allowHosts: ['status.example.test'],
        allowPrivateSources: false,
        help: false,
      },
    });
  });

  it.each([
    [['--url', 'ftp://x'], 'only http:// and https:// status pages are supported'],
    [['--url'], '--url needs a value'],
    [['--port', '70000'], '--port must be'],
    [['--port', 'abc'], '--port must be'],
    [['--host', ''], '--host needs'],
    [['--verbose'], 'unknown option --verbose'],
  ])('refuses %j with a clear message', (argv, message) => {
    const parsed = parseDashboardArgs(argv);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.error).toContain(message);
  });
});

describe('the dashboard token file', () => {
  it('is read from --token-file, and absent otherwise', () => {
    expect(parseDashboardArgs(['--token-file', '/run/secrets/gandi'])).toMatchObject({ ok: true, args: { tokenFile: '/run/secrets/gandi' } });
    const none = parseDashboardArgs([]);
    expect(none.ok && none.args.tokenFile).toBeFalsy();
    expect(parseDashboardArgs(['--token-file'])).toEqual({ ok: false, error: '--token-file needs a file name' });
  });
});
