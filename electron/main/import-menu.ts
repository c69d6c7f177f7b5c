/**
 * File › Import Runs…: the user picks a folder (a colleague's store, its runs folder, or one run's folder) in
 * the native dialog; main copies its runs into the store (core/store/import-runs.ts), tells the page of each
 * new run as the run manager tells it of runs it starts, and says in a message box what was done and why a
 * folder was refused. The page never names a path.
 */
import { dialog, type BrowserWindow } from 'electron';
import type { WorkbenchEvent } from '../../shared/api';
import { errorMessage } from '../../shared/errors';
import { importRuns, type ImportReport } from '../core/store/import-runs';
import type { RunStore } from '../core/store/run-store';
import type { MenuWords } from './menu-app';

/** How many refused folders the message box lists by name (the rest are counted). */
const LISTED_DAMAGED = 10;

/** Asks for folders, imports their runs into `store`, announces the new runs through `announce`, reports. */
export async function importRunsFromDialog(
  store: RunStore,
  window: BrowserWindow | null,
  announce: (event: WorkbenchEvent) => void,
  t: MenuWords,
): Promise<void> {
  const options: Electron.OpenDialogOptions = {
    title: t('menu.importRunsTitle'),
    buttonLabel: t('menu.import.dialogButton'),
    message: t('menu.import.dialogMessage'),
    properties: ['openDirectory', 'multiSelections'],
  };
  const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  if (choice.canceled || choice.filePaths.length === 0) return;
  const report: ImportReport = { imported: [], skipped: [], damaged: [] };
  for (const folder of choice.filePaths) {
    try {
      const one = await importRuns(store, folder);
      report.imported.push(...one.imported);
      report.skipped.push(...one.skipped);
      report.damaged.push(...one.damaged);
    } catch (error) {
      report.damaged.push({ path: folder, reason: errorMessage(error) });
    }
  }
  for (const run of report.imported) announce({ type: 'run-added', run: store.read(run.id) });
  const box = importSummary(report, t);
  if (window) await dialog.showMessageBox(window, box);
  else await dialog.showMessageBox(box);
}

/**
 * The message box after an import, in the menu's language: counts, then each refused folder with the reason (the
 * store's own English words for what is wrong with a file, inside the translated frame).
 */
export function importSummary(report: ImportReport, t: MenuWords): Electron.MessageBoxOptions {
  const imported = report.imported.length;
  const renamed = report.imported.filter((run) => run.id !== run.originalId).length;
  const lines = [
    renamed ? t('menu.import.importedRenamed', { count: imported, renamed }) : t('menu.import.imported', { count: imported }),
    t('menu.import.skipped', { count: report.skipped.length }),
  ];
  if (report.damaged.length) {
    lines.push(
      '',
      t('menu.import.refused', { n: report.damaged.length }),
      ...report.damaged.slice(0, LISTED_DAMAGED).map((d) => `${d.path}: ${d.reason}`),
    );
    if (report.damaged.length > LISTED_DAMAGED) lines.push(t('menu.import.more', { n: report.damaged.length - LISTED_DAMAGED }));
  }
  return {
    type: report.damaged.length ? 'warning' : 'info',
    title: t('menu.importRunsTitle'),
    message: imported ? t('menu.import.done', { count: imported }) : t('menu.import.none'),
    detail: lines.join('\n'),
  };
}
