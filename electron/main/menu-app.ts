/**
 * macOS's application menu (the one named after the app): Electron's `appMenu` role builds it item for item with
 * English labels whatever the language, so it is spelt out here with the same roles under our translated labels.
 * Pure (types only from electron), so it is tested without the runtime.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MessageKey, MessageValues } from '../../shared/i18n/translate';

/** Words of the menu's language. */
export type MenuWords = (key: MessageKey, values?: MessageValues) => string;

/** The app menu as Electron's `appMenu` role has it: About, Services, Hide, Hide Others, Show All, Quit. */
export function appMenu(t: MenuWords, name: string): MenuItemConstructorOptions {
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  return {
    label: name,
    submenu: [
      { role: 'about', label: t('menu.roles.about', { name }) },
      separator,
      { role: 'services', label: t('menu.roles.services') },
      separator,
      { role: 'hide', label: t('menu.roles.hide', { name }) },
      { role: 'hideOthers', label: t('menu.roles.hideOthers') },
      { role: 'unhide', label: t('menu.roles.showAll') },
      separator,
      { role: 'quit', label: t('menu.roles.quit', { name }) },
    ],
  };
}
