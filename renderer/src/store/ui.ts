// UI slice: which view is shown, what is highlighted, the services filter, unsaved settings, the
// support checklist, and the ticking clock. Kept here, not in the views, so switching tabs
// (which unmounts the view) loses none of it.
import type { StateCreator } from 'zustand/vanilla';
import type { Settings } from '../../../common/settings';
import type { ShowTarget } from '../../../common/window-api';

export const VIEWS = ['overview', 'incidents', 'maintenances', 'support', 'settings'] as const;
export type ViewId = (typeof VIEWS)[number];

export interface Highlight {
  /** `account`: a check of the support panel (`id` is the check, `sourceUrl` empty). */
  kind: 'incident' | 'maintenance' | 'account';
  sourceUrl: string;
  id: string;
  /** Bumped on every request so showing the same item twice scrolls to it again. */
  seq: number;
}

export interface UiData {
  view: ViewId;
  highlight: Highlight | null;
  serviceFilter: string;
  /** The Services view lists only services that are not operational. */
  onlyProblems: boolean;
  /** Keys of service groups (`sourceUrl|group`) the user folded or unfolded, against their default. */
  toggledGroups: string[];
  /** Settings edited but not saved yet; null when the form shows the saved settings. */
  settingsDraft: Settings | null;
  /** Which account checks of the Support view the user ticked (not saved anywhere). */
  checkedCauses: string[];
  /** Epoch ms, advanced by `tick`, so every "x ago" on screen agrees. */
  now: number;
}

export interface UiSlice extends UiData {
  setView(view: ViewId): void;
  show(target: ShowTarget): void;
  setServiceFilter(filter: string): void;
  setOnlyProblems(only: boolean): void;
  toggleGroup(key: string): void;
  /** Applies an edit to the draft (started from `base`, the saved settings, if there is none). */
  editSettings(base: Settings, change: (current: Settings) => Settings): void;
  /** Drops the draft: after saving, or when the user undoes the changes. */
  clearSettingsDraft(): void;
  toggleCause(key: string): void;
  tick(): void;
}

export function reduceShow(data: UiData, target: ShowTarget): UiData {
  if (target.kind === 'view') return { ...data, view: target.view, highlight: null };
  const seq = (data.highlight?.seq ?? 0) + 1;
  if (target.kind === 'account') return { ...data, view: 'support', highlight: { kind: 'account', sourceUrl: '', id: target.check, seq } };
  return {
    ...data,
    view: target.kind === 'incident' ? 'incidents' : 'maintenances',
    highlight: {
      kind: target.kind,
      sourceUrl: target.sourceUrl,
      id: target.id,
      seq,
    },
  };
}

export function reduceToggleGroup(data: UiData, key: string): UiData {
  const collapsed = data.toggledGroups.includes(key);
  return {
    ...data,
    toggledGroups: collapsed ? data.toggledGroups.filter((k) => k !== key) : [...data.toggledGroups, key],
  };
}

export function reduceEditSettings(data: UiData, base: Settings, change: (current: Settings) => Settings): UiData {
  const next = change(data.settingsDraft ?? base);
  // Edited back to what is saved: nothing is unsaved any more, and later pushes show again.
  const unchanged = JSON.stringify(next) === JSON.stringify(base);
  return { ...data, settingsDraft: unchanged ? null : next };
}

/** What the window looks like when it opens. */
export function initialUi(now: number): UiData {
  return { view: 'overview', highlight: null, serviceFilter: '', onlyProblems: false, toggledGroups: [], settingsDraft: null, checkedCauses: [], now };
}

export function createUiSlice(clock: () => number): StateCreator<UiSlice> {
  return (set, get) => ({
    ...initialUi(clock()),
    setView: (view) => set({ view, highlight: null }),
    show: (target) => set((store) => reduceShow(store, target)),
    setServiceFilter: (serviceFilter) => set({ serviceFilter }),
    setOnlyProblems: (onlyProblems) => set({ onlyProblems }),
    toggleGroup: (key) => set((store) => reduceToggleGroup(store, key)),
    editSettings: (base, change) => set((store) => reduceEditSettings(store, base, change)),
    clearSettingsDraft: () => set({ settingsDraft: null }),
    toggleCause: (key) =>
      set((store) => ({
        checkedCauses: store.checkedCauses.includes(key)
          ? store.checkedCauses.filter((k) => k !== key)
          : [...store.checkedCauses, key],
      })),
    tick: () => {
      const now = clock();
      // A whole-second change is all the display needs; skipping the rest spares re-renders.
      if (Math.floor(now / 1000) !== Math.floor(get().now / 1000)) set({ now });
    },
  });
}
