// Brings a deep-linked item into view and gives it focus, once per request.
import { useEffect, useRef } from 'react';
import { useAppStore } from '../context';
import type { Highlight } from '../store/ui';

export function useHighlightTarget(kind: Highlight['kind']): {
  highlight: Highlight | null;
  isTarget: (sourceUrl: string, id: string) => boolean;
  register: (sourceUrl: string, id: string) => (element: HTMLElement | null) => void;
} {
  const highlight = useAppStore((state) => (state.highlight?.kind === kind ? state.highlight : null));
  const elements = useRef(new Map<string, HTMLElement>());
  const keyOf = (sourceUrl: string, id: string) => `${sourceUrl}|${id}`;

  useEffect(() => {
    if (!highlight) return;
    const element = elements.current.get(keyOf(highlight.sourceUrl, highlight.id));
    if (!element) return;
    // jsdom has no scrollIntoView; real browsers do.
    if (typeof element.scrollIntoView === 'function') element.scrollIntoView({ block: 'start', behavior: 'smooth' });
    element.focus({ preventScroll: true });
  }, [highlight]);

  return {
    highlight,
    isTarget: (sourceUrl, id) => highlight !== null && highlight.sourceUrl === sourceUrl && highlight.id === id,
    register: (sourceUrl, id) => (element) => {
      if (element) elements.current.set(keyOf(sourceUrl, id), element);
      else elements.current.delete(keyOf(sourceUrl, id));
    },
  };
}
