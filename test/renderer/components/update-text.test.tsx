// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { UpdateText } from '../../../renderer/src/components/UpdateText';
import { AppProvider } from '../../../renderer/src/context';
import { createAppStore } from '../../../renderer/src/store';
import { createFakeBridge } from '../../support/fake-bridge';

afterEach(cleanup);

const SOURCE = 'https://status.gandi.net';

function show(text: string, opens = true) {
  const fake = createFakeBridge({ openExternal: () => opens });
  const store = createAppStore({ clock: () => 0 });
  const view = render(
    <AppProvider store={store} api={fake.api} reconnect={() => undefined} timeZone="Europe/Paris">
      <UpdateText text={text} sourceUrl={SOURCE} />
    </AppProvider>,
  );
  return { ...view, calls: fake.calls };
}

describe('update text', () => {
  it('renders the Markdown status pages write: bold, italic, lists, line breaks', () => {
    const { container } = show('We moved **the docs**.\n\n- one *item*\n- two');
    expect(container.querySelector('strong')?.textContent).toBe('the docs');
    expect(container.querySelector('em')?.textContent).toBe('item');
    expect(container.querySelectorAll('li')).toHaveLength(2);
  });

  it('keeps raw HTML as text and loads no picture', () => {
    const { container } = show('<img src="file:///etc/hostname" onerror="alert(1)"> <script>alert(1)</script> ![logo](https://evil.example/x.png)');
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.textContent).toContain('<script>');
    expect(container.textContent).toContain('[logo]');
  });

  it('opens a link only through the link policy, and says where a refused one goes', async () => {
    const { calls } = show('See [the docs](https://docs.gandi.net/en/x) or [this](javascript:alert(1)).', false);
    const link = screen.getByRole('button', { name: /the docs/ });
    await act(async () => {
      fireEvent.click(link);
    });
    expect(calls.openExternal).toEqual([{ kind: 'update-link', sourceUrl: SOURCE, url: 'https://docs.gandi.net/en/x' }]);
    expect(screen.getByRole('note').textContent).toContain('https://docs.gandi.net/en/x');
    // Not https: never even asked for.
    expect(screen.queryByRole('button', { name: /this/ })).toBeNull();
  });
});

describe('indented text', () => {
  it('is shown as the plain text a page meant, not as code', () => {
    const { container } = show('Registry Maintenance\n\n\tList of TLD(s) impacted:\n\neu');
    expect(container.querySelector('pre')).toBeNull();
    expect(container.querySelector('code')).toBeNull();
    expect(container.textContent).toContain('List of TLD(s) impacted:');
  });
});
