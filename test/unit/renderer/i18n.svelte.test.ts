/**
 * The page language's reactivity and formatting (runes: this file is compiled by Svelte, in the renderer project).
 * Detection from navigator.languages and keeping the choice are tested with the Workbench (workbench.test.ts).
 */
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, formatNumber, language, t } from '../../../renderer/src/lib/i18n';

afterEach(() => {
  language.chosen = null;
});

describe('the page language', () => {
  it('what reads t in an effect is redone when the language is chosen, and only then', () => {
    const seen: string[] = [];
    const stop = $effect.root(() => {
      $effect(() => {
        seen.push(t('app.tab.gradcheck'));
      });
    });
    flushSync();
    language.chosen = 'ja';
    flushSync();
    language.chosen = 'ja';
    flushSync();
    language.chosen = 'zh-CN';
    flushSync();
    language.chosen = null;
    flushSync();
    stop();
    // happy-dom's browser reads English.
    expect(seen).toEqual(['Gradient check', '勾配確認', '梯度确认', 'Gradient check']);
  });

  it('numbers, dates and plurals follow the locale (Intl)', () => {
    const day = Date.UTC(2026, 11, 1, 13, 5);
    const longDate = () => formatDate(day, { dateStyle: 'long', timeZone: 'UTC' });
    expect([formatNumber(12345.5), longDate()]).toEqual(['12,345.5', 'December 1, 2026']);
    expect(t('app.info', { count: 1, concurrency: '2', home: '/h' })).toBe('1 run · 2 at a time · /h');
    expect(t('app.info', { count: 3, concurrency: '2', home: '/h' })).toBe('3 runs · 2 at a time · /h');
    language.chosen = 'ja';
    expect(longDate()).toBe('2026年12月1日');
    expect(t('app.info', { count: 1, concurrency: '2', home: '/h' })).toBe('学習 1 件 · 同時に 2 件 · /h');
    language.chosen = 'zh-CN';
    expect([longDate(), formatNumber(0.5, { style: 'percent' })]).toEqual(['2026年12月1日', '50%']);
    expect(t('status.diverged')).toBe('发散');
  });
});
