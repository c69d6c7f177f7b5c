/** `descent bench`: prints the benchmark figures as a table (or JSON lines) while they are measured. */
import { runBench, type BenchFigure } from '../bench/run-bench';
import { table } from './format';

export interface BenchCommandOptions {
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
