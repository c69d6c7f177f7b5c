/**
 * Taskbar/dock progress while runs train, and a notification when a run ends while the window is in the
 * background (someone looking at the window sees it end there), unless turned off (Window menu).
 */
import { Notification, type BrowserWindow } from 'electron';
import type { RunManager } from '../core/run-manager';
import type { Locale } from '../../shared/i18n/locales';
import { endedByItself, isLive } from '../../shared/run-record';
import { runEndNotice } from './run-end-notice';

/** `locale`: the app's language now (the menu's), which the notification speaks. */
export function watchProgress(
  manager: RunManager,
  window: () => BrowserWindow | null,
  notify: () => boolean,
  locale: () => Locale,
): () => void {
  const active = new Map<string, { done: number; total: number }>();
  const show = (): void => {
    const win = window();
    if (!win || win.isDestroyed()) return;
    let done = 0;
    let total = 0;
    for (const run of active.values()) {
      done += run.done;
      total += run.total;
    }
    win.setProgressBar(total > 0 ? done / total : -1);
  };
  return manager.subscribe((event) => {
    if (event.type === 'run-changed') {
      const run = event.run;
      if (isLive(run.status)) {
        active.set(run.id, { done: run.iterationsDone, total: run.config.iterations });
      } else {
        active.delete(run.id);
        const win = window();
        const inBackground = !win || win.isDestroyed() || !win.isFocused();
        if (endedByItself(run.status) && inBackground && notify() && Notification.isSupported()) {
          new Notification(runEndNotice(run, locale())).show();
        }
      }
      show();
    } else if (event.type === 'progress') {
      const run = active.get(event.id);
      if (run) {
        run.done = event.iterations[event.iterations.length - 1] + 1;
        show();
      }
    }
  });
}
