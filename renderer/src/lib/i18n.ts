/**
 * The page's language. `t` reads the current locale through a Svelte subscriber, so any markup, `$derived` or
 * `$effect` that calls it (directly or through a helper here in lib/) is redone when the language changes, while
 * plain unit tests (no Svelte runtime) call the same functions. The locale is the user's choice (header
 * selector, desktop menu; kept in the UI state) or else the browser's `navigator.languages` — in the desktop app
 * Chromium fills that from `app.getLocale()`.
 */
import { createSubscriber } from 'svelte/reactivity';
import { LOCALES, matchLocale, type Locale } from '../../../shared/i18n/locales';
import { translate, type MessageKey, type MessageValues } from '../../../shared/i18n/translate';

export { LOCALES, LOCALE_NAMES, type Locale } from '../../../shared/i18n/locales';
export type { MessageKey, MessageValues } from '../../../shared/i18n/translate';

/**
 * What the page runs in, as far as this file needs it: typed here because Node (the unit tests, typechecked
 * without the DOM library) has no `window` and, before Node 21, no `navigator`.
 */
const host = globalThis as {
  navigator?: { languages?: readonly string[]; language?: string };
  addEventListener?: (type: 'languagechange', listener: () => void) => void;
};

function browserLanguages(): readonly string[] {
  const { languages, language } = host.navigator ?? {};
  return languages?.length ? languages : language ? [language] : [];
}

/** The chosen language and the browser's; reading either inside an effect re-runs it when they change. */
class PageLanguage {
  #chosen: Locale | null = null;
  #preferred: Locale = matchLocale(browserLanguages());
  readonly #updates = new Set<() => void>();
  readonly #subscribe = createSubscriber((update) => {
    this.#updates.add(update);
    return () => this.#updates.delete(update);
  });

  constructor() {
    // The browser's languages can change while the page is open (its settings).
    host.addEventListener?.('languagechange', () => this.#follow());
  }

  /** Chosen by the user (kept in the UI state); null: follow the browser. */
  get chosen(): Locale | null {
    this.#subscribe();
    return this.#chosen;
  }
  set chosen(locale: Locale | null) {
    if (locale === this.#chosen) return;
    this.#chosen = locale;
    this.#updates.forEach((update) => update());
  }

  /** The language the page speaks now. */
  get current(): Locale {
    this.#subscribe();
    return this.#chosen ?? this.#preferred;
  }

  /** Reads the browser's languages again (on `languagechange`). */
  #follow(): void {
    const preferred = matchLocale(browserLanguages());
    if (preferred === this.#preferred) return;
    this.#preferred = preferred;
    this.#updates.forEach((update) => update());
  }
}

export const language = new PageLanguage();

/** A locale tag from outside (a select's value): one the workbench speaks, or null. */
export function parseLocale(value: unknown): Locale | null {
  return LOCALES.find((locale) => locale === value) ?? null;
}

/** The message `key` in the page's language, `values` filled in (`count` picks the plural form). */
export function t(key: MessageKey, values?: MessageValues): string {
  return translate(language.current, key, values);
}

// Intl's formatters are costly to build and charts format every tick: one per locale and options.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function cached<F>(cache: Map<string, F>, locale: Locale, options: object | undefined, make: () => F): F {
  const key = `${locale} ${JSON.stringify(options ?? {})}`;
  let format = cache.get(key);
  if (!format) cache.set(key, (format = make()));
  return format;
}

/** A number as the page's language writes it (Intl's grouping and decimal signs: `12,345.6`). */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  const locale = language.current;
  return cached(numberFormats, locale, options, () => new Intl.NumberFormat(locale, options)).format(value);
}

/** A date (and time, by default) as the page's language writes it. */
export function formatDate(
  value: Date | number | string,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
): string {
  const locale = language.current;
  return cached(dateFormats, locale, options, () => new Intl.DateTimeFormat(locale, options)).format(new Date(value));
}
