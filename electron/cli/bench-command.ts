/** `descent bench`: prints the benchmark figures as a table (or JSON lines) while they are measured. */
import { Option } from 'commander';
import { BENCH_GROUPS, runBench, type BenchFigure, type BenchGroup } from '../bench/run-bench';
import { table } from './format';
import { UsageError } from './train-flags';

export interface BenchCommandOptions {
  /** Only these groups of rows (all when absent). */
  readonly only?: readonly BenchGroup[];
  readonly repeats: number;
  readonly runs: number;
  readonly ui: boolean;
  readonly load: boolean;
  readonly json: boolean;
}

const number = (value: number, unit: string): string =>
  unit === 'it/s' || unit === 'MB'
    ? Math.round(value).toLocaleString('en-US')
    : unit === 'ms' || unit === '%'
      ? value.toFixed(1)
      : value < 10
        ? value.toFixed(3)
        : value.toFixed(1);

/**
 * The groups `--only` names, comma-separated (e.g. `step,whole`), each once, in the order given; UsageError naming
 * the flag and the groups otherwise (exit 2).
 */
export function parseBenchGroups(text: string): BenchGroup[] {
  const names = text.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(BENCH_GROUPS as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0) {
    throw new UsageError(
      `--only: must be a comma-separated list of ${BENCH_GROUPS.join(', ')}, got ${JSON.stringify(text)}` +
        (unknown.length > 0 ? ` (unknown: ${unknown.map((name) => JSON.stringify(name)).join(', ')})` : ''),
    );
  }
  return [...new Set(names as BenchGroup[])];
}

/** `descent bench --only <groups>`: which rows to measure. */
export function benchOnlyOption(): Option {
  return new Option(
    '--only <groups>',
    `only these groups of rows, comma-separated: ${BENCH_GROUPS.join(', ')} (default: all; --runs 0, --no-ui, --no-load still skip theirs)`,
  ).argParser(parseBenchGroups);
}

export async function benchCommand(options: BenchCommandOptions): Promise<void> {
  const rows = [['figure', 'Descent', 'numpy / PyTorch', 'Descent vs them', 'target']];
  const row = (f: BenchFigure): string[] => [
    f.figure,
    `${number(f.descent, f.unit)} ${f.unit}`,
    f.reference === null ? 'n/a' : `${f.against} ${number(f.reference, f.unit)} ${f.unit}`,
    f.ratio === null ? 'n/a' : `${f.ratio.toFixed(2)}×`,
    f.target,
  ];
  if (!options.json) {
    process.stdout.write(
      `Medians of ${options.repeats} interleaved repetitions (whole run: ${options.runs}); ` +
        `Descent vs them > 1× means Descent is better.\n`,
    );
  }
  await runBench({
    only: options.only,
    repeats: options.repeats,
    runs: options.runs,
    ui: options.ui,
    load: options.load,
    onNote: (note) => process.stderr.write(`${note}\n`),
    onFigure: (f) => {
      if (options.json) process.stdout.write(`${JSON.stringify({ type: 'bench', ...f })}\n`);
      else process.stderr.write(`  measured: ${row(f).slice(0, 4).join(' · ')}\n`);
      rows.push(row(f));
    },
  });
  if (!options.json) process.stdout.write(`${table(rows)}\n`);
}
