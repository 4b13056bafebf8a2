// The picture as the user chose to watch it (common/watch.ts): each page's level narrowed to its
// watched part, for the header and the window's title, as the tray does.
import { useMemo } from 'react';
import type { StatusSnapshot } from '../../common/model';
import { watchedPartsOf } from '../../common/settings';
import { narrowToWatched } from '../../common/watch';
import { useAppStore } from './context';

export function useWatchedSnapshot(): StatusSnapshot | null {
  const snapshot = useAppStore((state) => state.snapshot);
  const settings = useAppStore((state) => state.settings);
  return useMemo(() => (snapshot === null || settings === null ? snapshot : narrowToWatched(snapshot, watchedPartsOf(settings))), [snapshot, settings]);
}
