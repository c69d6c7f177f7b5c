/** Tables and curves of the compare view: configuration differences, summaries, a sweep's result curve. Pure. */
import type { RunRecord } from '../../../shared/run-record';

/** Config fields in the order the diff table shows them, with labels. */
export const CONFIG_FIELDS: Array<[string, string]> = [
  ['layers', 'layers'], ['activation', 'activation'], ['weightInit', 'weight init'], ['loss', 'loss'], ['gradient', 'gradient'],
  ['optimizer', 'optimizer'], ['learningRate', 'learning rate'], ['batchSize', 'batch size'], ['iterations', 'iterations'],
  ['trainSize', 'training images'], ['dtype', 'precision'], ['seed', 'seed'], ['dataset', 'dataset'],
];

const show = (value: unknown): string => (Array.isArray(value) ? value.join('-') : value === null || value === undefined ? 'all' : String(value));

/** Rows of the config diff: field label, one value per run, and whether the runs differ there. */
export function configDiff(runs: RunRecord[]): Array<{ field: string; label: string; values: string[]; differs: boolean }> {
  return CONFIG_FIELDS.map(([field, label]) => {
    const values = runs.map((r) => show((r.config as Record<string, unknown>)[field]));
    return { field, label, values, differs: new Set(values).size > 1 };
  });
}

/** The single config field a set of runs differs in (a sweep's parameter), or null. */
export function sweptField(runs: RunRecord[]): string | null {
  if (runs.length < 2) return null;
  const differing = configDiff(runs).filter((r) => r.differs && r.field !== 'seed').map((r) => r.field);
  return differing.length === 1 ? differing[0] : null;
}

/** The numeric value of a swept field for one run (hidden size for layers), or null. */
export function sweptValue(run: RunRecord, field: string): number | null {
  if (field === 'layers') return run.config.layers.length === 3 ? run.config.layers[1] : null;
  const value = (run.config as Record<string, unknown>)[field];
  return typeof value === 'number' ? value : null;
}

/** Summary figures of a run for the comparison table. */
export function summaryRow(run: RunRecord) {
  const s = (run.summary ?? {}) as Record<string, number | null | undefined>;
  return {
    finalLoss: s.finalLoss ?? null,
    meanLossLast100: s.meanLossLast100 ?? null,
    trainAcc: run.lastEpoch?.trainAcc ?? null,
    testAcc: run.lastEpoch?.testAcc ?? null,
    bestTestAcc: s.bestTestAcc ?? null,
    bestTestAccIteration: s.bestTestAccIteration ?? null,
    seconds: s.seconds ?? null,
    itersPerSec: s.itersPerSec ?? null,
    status: run.status,
    seed: run.config.seed,
  };
}

/** The smallest round number (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × a power of ten) at or above `value` (> 0): a tidy top for a shared axis. */
export function niceCeiling(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return value;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (step * power >= value * (1 - 1e-12)) return step * power;
  return 10 * power;
}
