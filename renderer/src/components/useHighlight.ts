// Brings a deep-linked item into view and gives it focus, once per request. When the item is not
// listed (yet), focus goes to the view's notice saying so, and moves on to the item if it arrives.
import { useEffect, useRef } from 'react';
import { useAppStore } from '../context';
import type { Highlight } from '../store/ui';

export function useHighlightTarget(kind: Highlight['kind']): {
  highlight: Highlight | null;
  isTarget: (sourceUrl: string, id: string) => boolean;
  register: (sourceUrl: string, id: string) => (element: HTMLElement | null) => void;
  /** For the "not listed" notice, which takes focus while the item is missing. */
  registerNotice: (element: HTMLElement | null) => void;
} {
  const highlight = useAppStore((state) => (state.highlight?.kind === kind ? state.highlight : null));
  const elements = useRef(new Map<string, HTMLElement>());
  const notice = useRef<HTMLElement | null>(null);
  // The request already landed on its item, and the one still waiting for its item. Compared by
  // identity: each request is a new object in the store, even for the same item.
  const landed = useRef<Highlight | null>(null);
  const waiting = useRef<Highlight | null>(null);
  const keyOf = (sourceUrl: string, id: string) => `${sourceUrl}|${id}`;

  // No dependency list: the item may appear in any later render (a snapshot arriving after the
  // notification that pointed at it), and the checks below are cheap.
  useEffect(() => {
    if (!highlight || landed.current === highlight) return;
    const element = elements.current.get(keyOf(highlight.sourceUrl, highlight.id));
    const active = document.activeElement;
    if (!element) {
      if (waiting.current === highlight) return;
      waiting.current = highlight;
      // Focus must not stay on the card of an earlier request: it goes to the notice instead.
      if (notice.current) notice.current.focus({ preventScroll: true });
      else if (active instanceof HTMLElement && [...elements.current.values()].includes(active)) active.blur();
      return;
    }
    const late = waiting.current === highlight;
    landed.current = highlight;
    waiting.current = null;
    // jsdom has no scrollIntoView; real browsers do.
    if (typeof element.scrollIntoView === 'function') element.scrollIntoView({ block: 'start', behavior: 'smooth' });
    // Arriving late, it takes focus only if the user has not moved on from the notice meanwhile.
    const untouched = active === null || active === document.body || active === notice.current;
    if (!late || untouched) element.focus({ preventScroll: true });
  });

  return {
    highlight,
    isTarget: (sourceUrl, id) => highlight !== null && highlight.sourceUrl === sourceUrl && highlight.id === id,
    register: (sourceUrl, id) => (element) => {
      if (element) elements.current.set(keyOf(sourceUrl, id), element);
      else elements.current.delete(keyOf(sourceUrl, id));
    },
    registerNotice: (element) => {
      notice.current = element;
    },
  };
}
