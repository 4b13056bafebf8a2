import { describe, expect, it } from 'vitest';
import {
  escapeMarkup,
  MAX_NOTIFICATION_BODY,
  MAX_NOTIFICATION_TITLE,
  notificationText,
  truncateMarkup,
  truncateText,
} from '../../../common/notification-markup';

/** Every `&` starts a whole entity: nothing was cut in the middle of one. */
function entitiesWhole(markup: string): boolean {
  return [...markup.matchAll(/&/g)].every((match) => /^&(amp|lt|gt);/.test(markup.slice(match.index)));
}

describe('notification markup', () => {
  it('escapes &, < and > so a body carries no live markup', () => {
    expect(escapeMarkup('<a href="https://evil.example/phish">Open</a> & <img src="file:///etc/hostname">')).toBe(
      '&lt;a href="https://evil.example/phish"&gt;Open&lt;/a&gt; &amp; &lt;img src="file:///etc/hostname"&gt;',
    );
    expect(escapeMarkup('already &amp; escaped')).toBe('already &amp;amp; escaped');
  });

  it('truncates escaped text without splitting an entity, whatever the length', () => {
    const markup = escapeMarkup('R&D <b> && >>x');
    for (let max = 1; max < markup.length; max++) {
      const cut = truncateMarkup(markup, max);
      expect(cut.length, `max ${max}`).toBeLessThanOrEqual(max);
      expect(cut.endsWith('…'), `max ${max}`).toBe(true);
      expect(entitiesWhole(cut), `max ${max}: ${cut}`).toBe(true);
    }
    expect(truncateMarkup(markup, markup.length)).toBe(markup);
    // "R&amp;D": a cut at 4 would leave "R&am"; the entity goes whole or not at all.
    expect(truncateMarkup('R&amp;D and more', 5)).toBe('R…');
    expect(truncateMarkup('R&amp;D and more', 7)).toBe('R&amp;…');
  });

  it('truncates plain text with an ellipsis, never between the halves of a surrogate pair', () => {
    expect(truncateText('short', 10)).toBe('short');
    expect(truncateText('abcdefghij', 5)).toBe('abcd…');
    expect(truncateText('abc🚧def', 5)).toBe('abc…');
    expect(truncateText('ab🚧def', 5)).toBe('ab🚧…');
  });

  it('escapes the body only where it is read as markup, never the title (plain text by the spec)', () => {
    const notice = { title: 'R&D <team>', body: '<b>bold</b> & co' };
    expect(notificationText(notice, { markup: true })).toEqual({ title: 'R&D <team>', body: '&lt;b&gt;bold&lt;/b&gt; &amp; co' });
    expect(notificationText(notice, { markup: false })).toEqual(notice);
  });

  it('cleans remote text, keeps the title on one line and bounds both', () => {
    const huge = 'x'.repeat(140 * 1024);
    const text = notificationText({ title: `Web\u0000 hosting\nunreachable ${huge}`, body: `a\u202Eb\nc & ${huge}` }, { markup: true });
    expect(text.title.startsWith('Web hosting unreachable x')).toBe(true);
    expect(text.title).toHaveLength(MAX_NOTIFICATION_TITLE);
    expect(text.body.startsWith('ab\nc &amp; x')).toBe(true);
    expect(text.body).toHaveLength(MAX_NOTIFICATION_BODY);
    expect(notificationText({ title: 't', body: '&'.repeat(5000) }, { markup: true, maxBody: 50 }).body).toBe(`${'&amp;'.repeat(9)}…`);
  });
});
