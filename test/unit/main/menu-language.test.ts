/**
 * The desktop menu's language: View › Language switches the menu at once and tells the page; the page's saves
 * move the menu only when they carry a new choice, so a save sent before the choice and arriving after it does not
 * turn the menu back (it did: the menu read English while the page had switched to Japanese).
 */
import { describe, expect, it } from 'vitest';
import type { WorkbenchEvent } from '../../../shared/api';
import type { Locale } from '../../../shared/i18n/locales';
import { DesktopLanguage } from '../../../electron/main/menu-language';

function language(saved: Locale | null, appLocale = 'en-US') {
  const rebuilt: Locale[] = [];
  const told: WorkbenchEvent[] = [];
  const desktop: DesktopLanguage = new DesktopLanguage(saved, appLocale, {
    rebuildMenu: () => rebuilt.push(desktop.locale),
    tellPage: (event) => told.push(event),
  });
  return { desktop, rebuilt, told };
}

describe('the desktop menu language', () => {
  it("starts in the saved choice, else in the app's locale", () => {
    expect(language('ja').desktop.locale).toBe('ja');
    expect(language(null, 'zh-CN').desktop.locale).toBe('zh-CN');
    expect(language(null, 'de-DE').desktop.locale).toBe('en');
  });

  it('View › Language rebuilds the menu in the chosen language and tells the page', () => {
    const { desktop, rebuilt, told } = language(null);
    desktop.choose('ja');
    expect(desktop.locale).toBe('ja');
    expect(rebuilt).toEqual(['ja']);
    expect(told).toEqual([{ type: 'locale', locale: 'ja' }]);
  });

  it("a save still carrying the page's earlier language, arriving after the choice, leaves the menu as chosen", () => {
    const { desktop, rebuilt } = language(null);
    desktop.choose('ja');
    desktop.pageSaved(null); // sent when the view changed, before the page heard of the choice
    expect(desktop.locale).toBe('ja');
    desktop.pageSaved('ja'); // the page's save of the choice
    expect(desktop.locale).toBe('ja');
    expect(rebuilt).toEqual(['ja']);
  });

  it("follows the page's own choice (its header selector), and a return to the system's language", () => {
    const { desktop, rebuilt } = language('ja');
    desktop.pageSaved('ja'); // a save of something else: no rebuild
    expect(rebuilt).toEqual([]);
    desktop.pageSaved('zh-CN');
    expect(desktop.locale).toBe('zh-CN');
    desktop.pageSaved(null);
    expect(desktop.locale).toBe('en');
    expect(rebuilt).toEqual(['zh-CN', 'en']);
  });
});
