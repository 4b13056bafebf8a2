// Picks the language and formats messages. Pure, so tests and the summary builder use it directly.
import { en, type MessageKey } from './en';
import { fr } from './fr';
import { fillText } from '../../../common/account-texts';

export type Language = 'en' | 'fr';
export type { MessageKey };
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const CATALOGUES: Record<Language, Record<MessageKey, string>> = { en, fr };

/** 'auto' follows the OS/browser locale; anything not French falls back to English. */
export function resolveLanguage(setting: 'auto' | Language | undefined, locale: string | undefined): Language {
  if (setting === 'en' || setting === 'fr') return setting;
  return (locale ?? '').toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** The BCP 47 tag for dates: the user's own locale when it is in the chosen language. */
export function localeTag(lang: Language, locale: string | undefined): string {
  if (locale && locale.toLowerCase().startsWith(lang)) return locale;
  return lang === 'fr' ? 'fr-FR' : 'en-GB';
}

export function translator(lang: Language): Translate {
  const catalogue = CATALOGUES[lang];
  return (key, vars) => {
    const text = catalogue[key];
    return vars ? fillText(text, vars) : text;
  };
}
