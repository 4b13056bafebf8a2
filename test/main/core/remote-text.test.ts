import { describe, expect, it } from 'vitest';
import { cleanRemoteLine, cleanRemoteText } from '../../../common/remote-text';

describe('cleanRemoteText', () => {
  it('removes NUL and the other C0 controls, DEL and the C1 controls', () => {
    expect(cleanRemoteText('PAAS\u0000 down')).toBe('PAAS down');
    expect(cleanRemoteText('\u001b[31mred\u001b[0m')).toBe('[31mred[0m');
    expect(cleanRemoteText('a\u0007b\u007fc\u0085d\u009be\u009ff')).toBe('abcdef');
    // eslint-disable-next-line no-control-regex
    expect(cleanRemoteText(Array.from({ length: 0xa0 }, (_, code) => String.fromCharCode(code)).join(''))).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it('removes bidi overrides and isolates, so a title cannot show reversed', () => {
    expect(cleanRemoteText('Mail \u202Egnitceffa\u202C outage')).toBe('Mail gnitceffa outage');
    for (const code of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) {
      expect(cleanRemoteText(`a${String.fromCharCode(code)}b`), code.toString(16)).toBe('ab');
    }
  });

  it('keeps newlines (a carriage return becomes one), turns tabs into spaces', () => {
    expect(cleanRemoteText('one\r\ntwo\rthree\nfour\tfive')).toBe('one\ntwo\nthree\nfour five');
  });

  it('keeps ordinary text of every script, emoji included, and mends a lone surrogate', () => {
    const text = 'Panne à Paris: ça marche — 東京 — مرحبا — 🚧 maintenance';
    expect(cleanRemoteText(text)).toBe(text);
    expect(cleanRemoteText('a\ud83db')).toBe('a\ufffdb');
    expect(cleanRemoteText('a\ude00b')).toBe('a\ufffdb');
  });

  it('cleanRemoteLine also puts the text on one line', () => {
    expect(cleanRemoteLine('Web\u0000 hosting\r\nunreachable\u202E')).toBe('Web hosting unreachable');
  });
});
