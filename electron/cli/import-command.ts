/** `descent import <folder>`: runs from another machine's or a colleague's store, copied into this one. */
import { ImportFolderError, importRuns, type ImportReport } from '../core/store/import-runs';
import { printable, safeJson } from './format';
import { openStore } from './session';
import { UsageError } from './train-flags';

const out = (text: string): void => void process.stdout.write(`${text}\n`);

/**
 * Imports the runs of `folder` (a store's home, its runs folder, or one run's folder) and reports each one.
 * Returns the report; a folder that cannot be imported from at all is a usage error naming the argument.
 */
export async function importCommand(folder: string, options: { json: boolean }): Promise<ImportReport> {
  if (folder.trim() === '')
    throw new UsageError('<folder>: give the folder to import runs from (a store, its runs folder or a run folder), got ""');
  const store = openStore();
  let report: ImportReport;
  try {
    report = await importRuns(store, folder);
  } catch (error) {
    if (error instanceof ImportFolderError)
      throw new UsageError(
        `<folder>: ${JSON.stringify(error.folder)} ${error.message.slice(error.folder.length + 2)}; give a store, its runs folder or a run folder`,
      );
    throw error;
  }
  if (options.json) printJson(report);
  else printText(report, store.home);
  return report;
}

function printJson(report: ImportReport): void {
  for (const run of report.imported) out(safeJson({ type: 'imported', ...run }));
  for (const run of report.skipped) out(safeJson({ type: 'skipped', ...run }));
  for (const folder of report.damaged) out(safeJson({ type: 'damaged', ...folder }));
  out(
    safeJson({
      type: 'summary',
      imported: report.imported.length,
      skipped: report.skipped.length,
      damaged: report.damaged.length,
    }),
  );
}

function printText(report: ImportReport, home: string): void {
  for (const run of report.imported) {
    const renamed = run.id === run.originalId ? '' : ` as ${run.id} (another run here has the id ${run.originalId})`;
    const status = run.wasStatus === null ? '' : ` — it was ${run.wasStatus} there, so it is interrupted here`;
    out(`imported ${run.id === run.originalId ? run.id : run.originalId}${renamed} from ${printable(run.path)}${status}`);
  }
  for (const run of report.skipped) out(`skipped ${run.id}: ${printable(run.reason)}`);
  for (const folder of report.damaged)
    process.stderr.write(`damaged: ${printable(folder.path)}: ${printable(folder.reason)} (not imported)\n`);
  out(
    `${report.imported.length} imported into ${printable(home)}, ${report.skipped.length} already there, ${report.damaged.length} damaged`,
  );
}
