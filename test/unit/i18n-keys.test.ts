/**
 * The message files (shared/i18n/messages/<locale>/<area>.json): every locale has every key of every area with
 * the same placeholders and the plural forms its language needs, and every key is used by the code. A key asked
 * for in code but missing in English is a type error (MessageKey), so together nothing is shown untranslated.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../shared/i18n/locales';
import { MESSAGE_FILES, PLURAL_SUFFIXES } from '../../shared/i18n/messages';

const root = join(import.meta.dirname, '..', '..');

/** Every leaf of a message tree as [dotted key, text]. */
function leaves(tree: object, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]): Array<[string, string]> =>
    typeof value === 'string' ? [[prefix + key, value]] : leaves(value as object, `${prefix}${key}.`),
  );
}

const pluralEnding = new RegExp(`_(${PLURAL_SUFFIXES.join('|')})$`);
/** `runs_one` → `runs`: the key code asks for. */
const baseKey = (key: string) => key.replace(pluralEnding, '');
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

/** base key → { plural form (or '' for a plain message) → text }. */
function messagesByBase(tree: object): Map<string, Map<string, string>> {
  const byBase = new Map<string, Map<string, string>>();
  for (const [key, text] of leaves(tree)) {
    const base = baseKey(key);
    const forms = byBase.get(base) ?? new Map<string, string>();
    forms.set(key === base ? '' : key.slice(base.length + 1), text);
    byBase.set(base, forms);
  }
  return byBase;
}

const areas = Object.keys(MESSAGE_FILES.en);

describe('message files', () => {
  it('every locale has the same areas', () => {
    for (const locale of LOCALES) expect(Object.keys(MESSAGE_FILES[locale]).sort(), locale).toEqual([...areas].sort());
  });

  it("areas' top-level keys do not collide (they are merged into one tree)", () => {
    for (const locale of LOCALES) {
      const tops = Object.values(MESSAGE_FILES[locale]).flatMap((tree) => Object.keys(tree));
      expect(new Set(tops).size, locale).toBe(tops.length);
    }
  });

  for (const area of areas) {
    describe(area, () => {
      const english = messagesByBase(MESSAGE_FILES.en[area]);

      for (const locale of LOCALES) {
        it(`${locale}: the same keys as English, no empty text, the same placeholders`, () => {
          const translated = messagesByBase(MESSAGE_FILES[locale][area]);
          expect([...translated.keys()].sort(), `${locale} keys`).toEqual([...english.keys()].sort());
          for (const [base, forms] of translated) {
            for (const [form, text] of forms) expect(text.trim(), `${locale} ${base} ${form}`).not.toBe('');
            const wanted = new Set([...english.get(base)!.values()].flatMap(placeholders));
            const got = new Set([...forms.values()].flatMap(placeholders));
            expect([...got].sort(), `${locale} ${base} placeholders`).toEqual([...wanted].sort());
          }
        });

        it(`${locale}: plural messages have exactly the forms the language uses`, () => {
          const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories.sort();
          const translated = messagesByBase(MESSAGE_FILES[locale][area]);
          for (const [base, englishForms] of english) {
            const forms = [...translated.get(base)!.keys()].sort();
            if (englishForms.has('')) expect(forms, `${locale} ${base}`).toEqual(['']);
            else expect(forms, `${locale} ${base}`).toEqual(categories);
          }
        });
      }
    });
  }
});

/** The keys that appear in `code` in no quoted literal of their own. */
function unusedKeys(keys: string[], code: string): string[] {
  return keys.filter((key) => !new RegExp(`['"\`]${key.replace(/\./g, '\\.')}['"\`]`).test(code));
}

/** Source files that may ask for messages. */
function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|svelte)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('message keys in the code', () => {
  const code = ['renderer/src', 'electron/main', 'shared']
    .flatMap((folder) => sources(join(root, folder)))
    .map((path) => readFileSync(path, 'utf8'))
    .join('\n');

  it('every key is used: written out whole in a quoted literal (no keys pieced together at run time)', () => {
    const keys = areas.flatMap((area) => leaves(MESSAGE_FILES.en[area]).map(([key]) => baseKey(key)));
    expect(unusedKeys([...new Set(keys)], code)).toEqual([]);
  });

  it('a key counts as used only where it is quoted whole', () => {
    expect(unusedKeys(['app.tab.train'], "t('app.tab.train')")).toEqual([]);
    expect(unusedKeys(['form.lr'], 'const key = "form.lr" as const;')).toEqual([]);
    expect(unusedKeys(['form.lr'], "t('form.lrSlider'); t(`form.${x}`); // form.lr")).toEqual(['form.lr']);
  });
});
