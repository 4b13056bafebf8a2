import { describe, expect, it } from 'vitest';
import { ArgsError, DEFAULT_SOURCE_URL, normaliseSourceUrl, parseArgs } from '../../../main/cli/args';

describe('parseArgs', () => {
  it('defaults to one fetch of status.gandi.net', () => {
    expect(parseArgs([])).toEqual({
      mode: 'once',
      urls: [DEFAULT_SOURCE_URL],
      kind: 'auto',
      json: false,
      intervalSeconds: null,
      stateFile: null,
      notify: false,
    });
  });

  it('takes repeated --url (both spellings), drops duplicates and trailing slashes', () => {
    const options = parseArgs(['--url', 'https://a.example/', '--url=https://b.example/status/', '--url', 'https://a.example']);
    expect(options.urls).toEqual(['https://a.example', 'https://b.example/status']);
  });

  it('reads the watch options', () => {
    expect(parseArgs(['--watch', '--interval', '30', '--state', '/tmp/s.json', '--json', '--notify', '--kind', 'gandi-legacy'])).toMatchObject({
      mode: 'watch',
      intervalSeconds: 30,
      stateFile: '/tmp/s.json',
      json: true,
      notify: true,
      kind: 'gandi-legacy',
    });
  });

  it('lets --help and --version win over everything else', () => {
    expect(parseArgs(['--watch', '--help']).mode).toBe('help');
    expect(parseArgs(['-V']).mode).toBe('version');
  });

  it.each([
    [['--interval', '14', '--watch'], /between 15 and 3600/],
    [['--interval', '1.5', '--watch'], /whole number/],
    [['--interval', '--watch'], /--interval needs a value/],
    [['--state', '', '--watch'], /--state needs a file path/],
    [['--json=yes'], /--json takes no value/],
    [['--state', 'x'], /--state only make sense with --watch/],
    [['-x'], /unknown option -x/],
  ])('%j is refused', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(ArgsError);
    expect(() => parseArgs(argv)).toThrow(message);
  });
});

describe('normaliseSourceUrl', () => {
  it.each([
    ['https://status.gandi.net/', 'https://status.gandi.net'],
    ['  http://127.0.0.1:8080  ', 'http://127.0.0.1:8080'],
    ['HTTPS://Status.Gandi.NET', 'https://status.gandi.net'],
    // What people type: a bare host name means https.
    ['status.gandi.net', 'https://status.gandi.net'],
    // A query or fragment pasted with the address never matters to a status API.
    ['https://status.gandi.net/?utm_source=mail#top', 'https://status.gandi.net'],
  ])('%s -> %s', (input, expected) => {
    expect(normaliseSourceUrl(input)).toBe(expected);
  });

  it.each(['file:///etc/passwd', 'not a url', 'https://user:pw@status.gandi.net', 'javascript:alert(1)'])(
    '%s is refused',
    (input) => {
      expect(() => normaliseSourceUrl(input)).toThrow(ArgsError);
    },
  );
});
