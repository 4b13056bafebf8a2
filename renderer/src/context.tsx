// Hands the store, the bridge and the current language to every component.
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { GandiStatusApi } from '../../common/window-api';
import { localeTag, resolveLanguage, translator, type Language, type Translate } from './i18n/messages';
import type { AppStore, AppStoreApi } from './store';
import type { DisplayZone } from './time/format';

interface AppContextValue {
  store: AppStoreApi;
  api: GandiStatusApi;
  /** Drops the bridge connection and makes it again (after a failure). */
  reconnect: () => void;
  /** The user's time zone; tests pin it. Undefined means the system's. */
  timeZone?: string;
}

const AppContext = createContext<AppContextValue | null>(null);

export function AppProvider(props: AppContextValue & { children: ReactNode }) {
  const { store, api, reconnect, timeZone, children } = props;
  const value = useMemo(() => ({ store, api, reconnect, timeZone }), [store, api, reconnect, timeZone]);
  return <AppContext.Provider value={value}>{children}</AppContext.Provider>;
}

function useAppContext(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('AppProvider is missing');
  return value;
}

export function useAppStore<T>(selector: (state: AppStore) => T): T {
  return useStore(useAppContext().store, selector);
}

export function useStoreApi(): AppStoreApi {
  return useAppContext().store;
}

export function useApi(): GandiStatusApi {
  return useAppContext().api;
}

export function useReconnect(): () => void {
  return useAppContext().reconnect;
}

export interface I18n {
  lang: Language;
  t: Translate;
  zone: DisplayZone;
}

export function useI18n(): I18n {
  const { timeZone } = useAppContext();
  const setting = useAppStore((state) => state.settings?.language);
  const locale = useAppStore((state) => state.info?.locale);
  const systemLocale = typeof navigator === 'undefined' ? undefined : navigator.language;
  const lang = resolveLanguage(setting, locale ?? systemLocale);
  return useMemo(
    () => ({ lang, t: translator(lang), zone: { locale: localeTag(lang, locale ?? systemLocale), timeZone } }),
    [lang, locale, systemLocale, timeZone],
  );
}
