/**
 * The workbench's languages and how one is picked from a browser's or an operating system's list. No
 * i18next here: the UI state (shared/ui-state.ts) names a locale without loading any message.
 */
import { z } from 'zod';

/** Every language the workbench speaks; the first is the fallback. */
export const LOCALES = ['en', 'zh-CN', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];
export const localeSchema = z.enum(LOCALES);

/** Each language in its own words, as a language menu lists them. */
export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文', ja: '日本語' };

/**
 * The first of `languages` (BCP 47 tags in order of preference: `navigator.languages`, or Electron's
 * `app.getLocale()`) that the workbench speaks; English if none. Every Chinese tag (zh, zh-Hans, zh-TW…)
 * reads Simplified Chinese: the closest we have, and the book's Chinese edition's script.
 */
export function matchLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const language = tag.toLowerCase().split(/[-_]/)[0];
    if (language === 'zh') return 'zh-CN';
    if (language === 'ja') return 'ja';
    if (language === 'en') return 'en';
  }
  return 'en';
}
