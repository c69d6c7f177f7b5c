/**
 * Messages in the chosen language, through i18next (interpolation `{{name}}`, plurals by `count` with
 * Intl.PluralRules). One instance for the process, initialised synchronously: the resources are bundled.
 * The renderer wraps this in a reactive `t` (renderer/src/lib/i18n.svelte.ts); the desktop menu calls it directly.
 */
import i18next from 'i18next';
import { LOCALES, type Locale } from './locales';
import { MESSAGES, type MessageKey } from './messages';

export type { MessageKey } from './messages';

/** Values put into a message's `{{placeholders}}`; `count` also picks the plural form. */
export type MessageValues = Record<string, string | number>;

const instance = i18next.createInstance();
void instance.init({
  resources: Object.fromEntries(LOCALES.map((locale) => [locale, { translation: MESSAGES[locale] }])),
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LOCALES],
  // Svelte and Electron's menus escape text themselves; i18next's HTML escaping would show `&amp;`.
  interpolation: { escapeValue: false },
  // The resources are here already: no async back end, so init (and every t) is synchronous.
  initAsync: false,
  returnEmptyString: false,
});

/** The message `key` in `locale`, with `values` filled in (English where the locale lacks it). */
export function translate(locale: Locale, key: MessageKey, values?: MessageValues): string {
  return instance.t(key, { ...values, lng: locale });
}
