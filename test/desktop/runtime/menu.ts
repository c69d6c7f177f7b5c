/**
 * `Menu` and `MenuItem`: templates built into items with Electron's role defaults (labels, accelerators,
 * actions, the edit/window/app submenus), the application menu recorded, `click()` doing what Electron's
 * does, and keys pressed in a window matched against the menu's accelerators as the OS would.
 */
/// <reference types="electron" />
import { app } from './app';
// A cycle (windows.ts sends key presses here), used at call time only.
import { BrowserWindow } from './windows';

type Template = Electron.MenuItemConstructorOptions;
type Click = NonNullable<Template['click']>;
const mac = process.platform === 'darwin';

interface RoleDefault {
  label: string;
  accelerator?: string;
  action?: (window: BrowserWindow | null) => void;
  submenu?: () => Template[];
}

/** Electron's role table (lib/browser/api/menu-item-roles.ts), for the roles a menu can use. */
const ROLES: Record<string, RoleDefault> = {
  about: { label: `About ${app.name}` },
  close: { label: 'Close Window', accelerator: 'CommandOrControl+W', action: (w) => w?.close() },
  copy: { label: 'Copy', accelerator: 'CommandOrControl+C', action: (w) => w?.webContents.copy() },
  cut: { label: 'Cut', accelerator: 'CommandOrControl+X', action: (w) => w?.webContents.cut() },
  delete: { label: 'Delete', action: (w) => w?.webContents.delete() },
  forcereload: { label: 'Force Reload', accelerator: 'Shift+CmdOrCtrl+R', action: (w) => w?.webContents.reload() },
  hide: { label: `Hide ${app.name}`, accelerator: 'Command+H' },
  hideothers: { label: 'Hide Others', accelerator: 'Command+Alt+H' },
  minimize: { label: 'Minimize', accelerator: 'CommandOrControl+M', action: (w) => w?.minimize() },
  paste: { label: 'Paste', accelerator: 'CommandOrControl+V', action: (w) => w?.webContents.paste() },
  // The stand-in's page has no styled clipboard: a plain paste.
  pasteandmatchstyle: {
    label: 'Paste and Match Style',
    accelerator: 'Shift+CommandOrControl+Alt+V',
    action: (w) => w?.webContents.paste(),
  },
  quit: {
    label: process.platform === 'win32' ? 'Exit' : `Quit ${app.name}`,
    accelerator: process.platform === 'win32' ? undefined : 'CommandOrControl+Q',
    action: () => app.quit(),
  },
  redo: {
    label: 'Redo',
    accelerator: process.platform === 'win32' ? 'Control+Y' : 'Shift+CommandOrControl+Z',
    action: (w) => w?.webContents.redo(),
  },
  reload: { label: 'Reload', accelerator: 'CmdOrCtrl+R', action: (w) => w?.webContents.reload() },
  resetzoom: { label: 'Actual Size', accelerator: 'CommandOrControl+0', action: (w) => w?.webContents.setZoomLevel(0) },
  selectall: { label: 'Select All', accelerator: 'CommandOrControl+A', action: (w) => w?.webContents.selectAll() },
  services: { label: 'Services' },
  togglefullscreen: {
    label: 'Toggle Full Screen',
    accelerator: mac ? 'Control+Command+F' : 'F11',
    action: (w) => w?.setFullScreen(!w.isFullScreen()),
  },
  toggledevtools: {
    label: 'Toggle Developer Tools',
    accelerator: mac ? 'Alt+Command+I' : 'Ctrl+Shift+I',
    action: (w) => w?.webContents.toggleDevTools(),
  },
  undo: { label: 'Undo', accelerator: 'CommandOrControl+Z', action: (w) => w?.webContents.undo() },
  unhide: { label: 'Show All' },
  zoomin: {
    label: 'Zoom In',
    accelerator: 'CommandOrControl+Plus',
    action: (w) => w && w.webContents.setZoomLevel(w.webContents.getZoomLevel() + 0.5),
  },
  zoomout: {
    label: 'Zoom Out',
    accelerator: 'CommandOrControl+-',
    action: (w) => w && w.webContents.setZoomLevel(w.webContents.getZoomLevel() - 0.5),
  },
  zoom: { label: 'Zoom' },
  front: { label: 'Bring All to Front' },
  appmenu: {
    label: app.name,
    submenu: () => [
      { role: 'about' },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  },
  filemenu: { label: 'File', submenu: () => [mac ? { role: 'close' } : { role: 'quit' }] },
  editmenu: {
    label: 'Edit',
    submenu: () => [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac ? [] : [{ role: 'delete' } as Template]),
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  },
  viewmenu: {
    label: 'View',
    submenu: () => [
      { role: 'reload' },
      { role: 'forceReload' },
      { role: 'toggleDevTools' },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  },
  windowmenu: {
    label: 'Window',
    submenu: () => [
      { role: 'minimize' },
      { role: 'zoom' },
      ...(mac ? ([{ type: 'separator' }, { role: 'front' }] as Template[]) : [{ role: 'close' } as Template]),
    ],
  },
  help: { label: 'Help' },
};

export class MenuItem {
  readonly label: string;
  readonly role: string | undefined;
  readonly accelerator: string | undefined;
  readonly type: NonNullable<Template['type']>;
  readonly submenu: Menu | undefined;
  readonly id: string | undefined;
  enabled: boolean;
  visible: boolean;
  checked: boolean;
  /** The menu the item is in (radio items uncheck their siblings). */
  menu: Menu | null = null;
  private readonly onClick: Click | undefined;

  constructor(options: Template) {
    const role = options.role ? ROLES[options.role.toLowerCase()] : undefined;
    if (options.role && !role) throw new Error(`stand-in Menu: unknown role '${options.role}'`);
    this.role = options.role;
    this.type = options.type ?? (options.submenu || role?.submenu ? 'submenu' : 'normal');
    this.label = options.label ?? role?.label ?? '';
    this.accelerator = options.accelerator ?? (options.registerAccelerator === false ? undefined : role?.accelerator);
    this.id = options.id;
    this.enabled = options.enabled ?? true;
    this.visible = options.visible ?? true;
    this.checked = options.checked ?? false;
    this.onClick = options.click;
    const submenu = options.submenu ?? role?.submenu?.();
    this.submenu =
      submenu === undefined ? undefined : submenu instanceof Menu ? submenu : Menu.buildFromTemplate(submenu as Template[]);
  }

  /** What choosing the item does: its `click`, else its role's action. */
  click(event: Electron.KeyboardEvent = {}, focusedWindow: BrowserWindow | null = focused(), _contents?: unknown): void {
    if (!this.enabled) return;
    if (this.type === 'checkbox') this.checked = !this.checked;
    if (this.type === 'radio') {
      for (const sibling of this.menu?.items ?? []) if (sibling.type === 'radio') sibling.checked = false;
      this.checked = true;
    }
    if (this.onClick) {
      (this.onClick as unknown as (item: MenuItem, window: BrowserWindow | null, event: Electron.KeyboardEvent) => void)(
        this,
        focusedWindow,
        event,
      );
      return;
    }
    if (this.role) ROLES[this.role.toLowerCase()].action?.(focusedWindow);
  }
}

function focused(): BrowserWindow | null {
  return BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0] ?? null;
}

let applicationMenu: Menu | null = null;

export class Menu {
  static buildFromTemplate(template: Array<Template | MenuItem>): Menu {
    const menu = new Menu();
    for (const entry of template) menu.append(entry instanceof MenuItem ? entry : new MenuItem(entry));
    return menu;
  }

  static setApplicationMenu(menu: Menu | null): void {
    applicationMenu = menu;
  }

  static getApplicationMenu(): Menu | null {
    return applicationMenu;
  }

  readonly items: MenuItem[] = [];

  append(item: MenuItem): void {
    item.menu = this;
    this.items.push(item);
  }

  insert(position: number, item: MenuItem): void {
    item.menu = this;
    this.items.splice(position, 0, item);
  }

  getMenuItemById(id: string): MenuItem | null {
    for (const item of this.items) {
      if (item.id === id) return item;
      const inner = item.submenu?.getMenuItemById(id);
      if (inner) return inner;
    }
    return null;
  }
}

/** A key as the page saw it. */
export interface KeyPress {
  key: string;
  control: boolean;
  shift: boolean;
  alt: boolean;
  meta: boolean;
}

/** The key press an accelerator string stands for on this platform (Electron's accelerator syntax). */
export function parseAccelerator(accelerator: string): KeyPress {
  const press: KeyPress = { key: '', control: false, shift: false, alt: false, meta: false };
  for (const part of accelerator.split(/\+(?!$)/)) {
    switch (part.toLowerCase()) {
      case 'commandorcontrol':
      case 'cmdorctrl':
        press[mac ? 'meta' : 'control'] = true;
        break;
      case 'command':
      case 'cmd':
      case 'super':
      case 'meta':
        press.meta = true;
        break;
      case 'control':
      case 'ctrl':
        press.control = true;
        break;
      case 'shift':
        press.shift = true;
        break;
      case 'alt':
      case 'option':
      case 'altgr':
        press.alt = true;
        break;
      case 'plus':
        press.key = '+';
        break;
      default:
        press.key = part.length === 1 ? part.toUpperCase() : part;
    }
  }
  return press;
}

function matches(item: MenuItem, press: KeyPress): boolean {
  if (!item.accelerator) return false;
  const wanted = parseAccelerator(item.accelerator);
  const key = press.key.length === 1 ? press.key.toUpperCase() : press.key;
  // Shift is part of a symbol like '+' on the keyboard: only letters, digits and named keys compare it.
  const shiftCounts = /^[A-Z0-9]$|^[A-Z]\w+$/.test(wanted.key);
  return (
    key === wanted.key &&
    press.control === wanted.control &&
    press.alt === wanted.alt &&
    press.meta === wanted.meta &&
    (!shiftCounts || press.shift === wanted.shift)
  );
}

function find(menu: Menu, test: (item: MenuItem) => boolean): MenuItem | null {
  for (const item of menu.items) {
    if (!item.visible) continue;
    if (test(item)) return item;
    const inner = item.submenu && find(item.submenu, test);
    if (inner) return inner;
  }
  return null;
}

/** A key pressed in `window`: the application menu's item with that accelerator is clicked, if any. */
export function dispatchAccelerator(press: KeyPress, window: BrowserWindow): void {
  const item = applicationMenu && find(applicationMenu, (candidate) => candidate.type !== 'submenu' && matches(candidate, press));
  item?.click({ triggeredByAccelerator: true }, window);
}
