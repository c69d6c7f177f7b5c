/**
 * The message files of every locale, one tree per locale. Each area of the UI has its own file per locale
 * (`messages/<locale>/<area>.json`, so that people translating different areas do not edit the same file);
 * a file's top-level keys are its own (`menu.json` holds `menu.…`, `lab.json` holds `lab.…`), and the
 * workbench file holds the workbench's sections (`app.…`, `form.…`, `charts.…`). test/unit/i18n-keys.test.ts
 * checks that every locale has every key and that every key is used.
 */
import enFailure from './messages/en/failure.json';
import enInside from './messages/en/inside.json';
import enLab from './messages/en/lab.json';
import enMenu from './messages/en/menu.json';
import enRunsView from './messages/en/runs-view.json';
import enSweepParallel from './messages/en/sweep-parallel.json';
import enWorkbench from './messages/en/workbench.json';
import jaFailure from './messages/ja/failure.json';
import jaInside from './messages/ja/inside.json';
import jaLab from './messages/ja/lab.json';
import jaMenu from './messages/ja/menu.json';
import jaRunsView from './messages/ja/runs-view.json';
import jaSweepParallel from './messages/ja/sweep-parallel.json';
import jaWorkbench from './messages/ja/workbench.json';
import zhFailure from './messages/zh-CN/failure.json';
import zhInside from './messages/zh-CN/inside.json';
import zhLab from './messages/zh-CN/lab.json';
import zhMenu from './messages/zh-CN/menu.json';
import zhRunsView from './messages/zh-CN/runs-view.json';
import zhSweepParallel from './messages/zh-CN/sweep-parallel.json';
import zhWorkbench from './messages/zh-CN/workbench.json';
import type { Locale } from './locales';

const en = { ...enWorkbench, ...enMenu, ...enRunsView, ...enLab, ...enSweepParallel, ...enInside, ...enFailure };

/** Every locale's messages: English is the source, and the fallback of a key a locale lacks. */
export const MESSAGES: Record<Locale, object> = {
  en,
  'zh-CN': { ...zhWorkbench, ...zhMenu, ...zhRunsView, ...zhLab, ...zhSweepParallel, ...zhInside, ...zhFailure },
  ja: { ...jaWorkbench, ...jaMenu, ...jaRunsView, ...jaLab, ...jaSweepParallel, ...jaInside, ...jaFailure },
};

/** The areas' files, by locale, for the tests that compare them. */
export const MESSAGE_FILES: Record<Locale, Record<string, object>> = {
  en: {
    workbench: enWorkbench,
    menu: enMenu,
    runsView: enRunsView,
    lab: enLab,
    sweepParallel: enSweepParallel,
    inside: enInside,
    failure: enFailure,
  },
  'zh-CN': {
    workbench: zhWorkbench,
    menu: zhMenu,
    runsView: zhRunsView,
    lab: zhLab,
    sweepParallel: zhSweepParallel,
    inside: zhInside,
    failure: zhFailure,
  },
  ja: {
    workbench: jaWorkbench,
    menu: jaMenu,
    runsView: jaRunsView,
    lab: jaLab,
    sweepParallel: jaSweepParallel,
    inside: jaInside,
    failure: jaFailure,
  },
};

/** The endings i18next gives plural forms (`runs_one`, `runs_other`): Intl.PluralRules' categories. */
export const PLURAL_SUFFIXES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

/** Dotted paths of the leaves of a message tree. */
type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
/** A plural form's key without its ending: `runs_one` and `runs_other` are both asked for as `runs`. */
type WithoutPlural<K> = K extends `${infer Base}_${(typeof PLURAL_SUFFIXES)[number]}` ? Base : K;

/** Every message's key, as code asks for it (English's keys: the source language has them all). */
export type MessageKey = WithoutPlural<Leaves<typeof en>>;
