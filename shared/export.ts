/**
 * Exports of run histories: one tidy CSV for any number of runs (one row per observation), and JSON.
 * Pure functions, so the CLI, the app's main process and the renderer produce identical files.
 */

/** What an export needs of one run. */
export interface RunHistory {
  readonly id: string;
  readonly name: string;
  readonly iterations: readonly number[];
  readonly losses: readonly number[];
  readonly epochs: ReadonlyArray<{ iteration: number; epoch: number; trainAcc: number; testAcc: number }>;
}

/** RFC 4180 quoting: fields with commas, quotes or line breaks are quoted, quotes doubled. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Columns run, name, iteration, epoch, loss, trainAcc, testAcc. Each iteration with a loss is a row;
 * an accuracy measurement fills epoch, trainAcc and testAcc on the row of its iteration (adding a row
 * where no loss was recorded, e.g. the final measurement after the last iteration).
 */
export function historiesToCsv(runs: readonly RunHistory[]): string {
  const lines = ['run,name,iteration,epoch,loss,trainAcc,testAcc'];
  for (const run of runs) {
    const epochsAt = new Map(run.epochs.map((e) => [e.iteration, e]));
    const rows = new Map<number, { loss: number | null }>();
    run.iterations.forEach((iteration, k) => rows.set(iteration, { loss: run.losses[k] }));
    for (const e of run.epochs) if (!rows.has(e.iteration)) rows.set(e.iteration, { loss: null });
    const name = csvField(run.name);
    for (const iteration of [...rows.keys()].sort((a, b) => a - b)) {
      const e = epochsAt.get(iteration);
      const values = [iteration, e?.epoch ?? null, rows.get(iteration)!.loss, e?.trainAcc ?? null, e?.testAcc ?? null];
      lines.push([csvField(run.id), name, ...values.map(csvField)].join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}
