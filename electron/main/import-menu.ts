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

/** How many refused folders the message box lists by name (the rest are counted). */
const LISTED_DAMAGED = 10;

/** Asks for folders, imports their runs into `store`, announces the new runs through `announce`, reports. */
export async function importRunsFromDialog(
  store: RunStore,
  window: BrowserWindow | null,
  announce: (event: WorkbenchEvent) => void,
): Promise<void> {
  const options: Electron.OpenDialogOptions = {
    title: 'Import Runs',
    buttonLabel: 'Import',
    message: "A Descent store, its runs folder, or one run's folder",
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
  const box = importSummary(report);
  if (window) await dialog.showMessageBox(window, box);
  else await dialog.showMessageBox(box);
}

/** The message box after an import: counts, then each refused folder with the reason. */
export function importSummary(report: ImportReport): Electron.MessageBoxOptions {
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  const renamed = report.imported.filter((run) => run.id !== run.originalId).length;
  const lines = [
    `${count(report.imported.length, 'run')} imported${renamed ? ` (${renamed} under a new id: the store has other runs with theirs)` : ''}.`,
    `${count(report.skipped.length, 'run')} already in the store.`,
  ];
  if (report.damaged.length) {
    lines.push(
      '',
      `Not imported (${report.damaged.length}):`,
      ...report.damaged.slice(0, LISTED_DAMAGED).map((d) => `${d.path}: ${d.reason}`),
    );
    if (report.damaged.length > LISTED_DAMAGED) lines.push(`… and ${report.damaged.length - LISTED_DAMAGED} more`);
  }
  return {
    type: report.damaged.length ? 'warning' : 'info',
    title: 'Import Runs',
    message: report.imported.length ? `Imported ${count(report.imported.length, 'run')}` : 'No runs imported',
    detail: lines.join('\n'),
  };
}
