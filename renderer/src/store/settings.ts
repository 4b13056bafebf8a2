// Settings slice: the settings as main last confirmed them (the Settings view edits a draft).
import type { StateCreator } from 'zustand/vanilla';
import type { Settings } from '../../../common/settings';

export interface SettingsSlice {
  /** Null until main has sent them; views then fall back to the schema defaults. */
  settings: Settings | null;
  receiveSettings(settings: Settings): void;
}

export const createSettingsSlice: StateCreator<SettingsSlice> = (set) => ({
  settings: null,
  receiveSettings: (settings) => set({ settings }),
});
