// What the window asks of main. Settings are validated here before they leave, and the store only
// changes from main's answer, so the window never shows settings main did not accept.
import { settingsSchema, type Settings } from '../../common/settings';
import { type GandiStatusApi } from '../../common/window-api';
import type { AppStoreApi } from './store';

export type SaveResult = { ok: true; settings: Settings } | { ok: false; error: string };

export async function saveSettings(api: GandiStatusApi, store: AppStoreApi, draft: unknown): Promise<SaveResult> {
  const parsed = settingsSchema.safeParse(draft);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? 'invalid settings' };
  try {
    const result = await api.setSettings(parsed.data);
    if (result.ok) store.getState().receiveSettings(result.settings);
    return result;
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : 'unknown error' };
  }
}

