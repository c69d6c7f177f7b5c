/**
 * `descent bench`: Descent against the book's numpy code, measured side by side in one run.
 * Every figure is the median of interleaved repetitions (Descent, numpy, Descent, numpy, …), each side
 * in its own process on one core (numpy with one BLAS thread, its best kernels).
 */
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './stats';
import { BenchWorker } from './worker-client';
import { typescriptExecArgv } from '../core/typescript-loader';
import type { BenchTask } from './tasks';
import { chromiumPath } from './chromium';
import { LOAD_RUNS, measureLoad } from './load-bench';
import { LONG_RUN_ITERATIONS, measureLongHistory } from './history-bench';
import { measureUiUpdates } from './ui-bench';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** One figure of the report. */
export interface BenchFigure {
  readonly figure: string;
  readonly unit: string;
  /** Descent's median, and numpy's (null where numpy is not on this machine). */
  readonly descent: number;
  readonly numpy: number | null;
  /** How many times better Descent is (higher is better, whichever the unit). */
  readonly ratio: number | null;
  readonly target: string;
  readonly samples: { descent: number[]; numpy: number[] };
}

export interface BenchOptions {
  readonly repeats: number;
  /** Repetitions of the whole default run (slow: ≈ a minute each). */
  readonly runs: number;
  /** Measure the UI under load in Chromium (≈ a minute). */
  readonly ui: boolean;
  /** Measure listing 1 000 stored runs in the CLI (and in Chromium with `ui`). */
  readonly load: boolean;
  readonly onFigure?: (figure: BenchFigure) => void;
  readonly onNote?: (note: string) => void;
}

const STEPS = 300;

/** True when python3 with numpy can run here. */
export function numpyAvailable(): boolean {
  const probe = spawnSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' });
  return probe.status === 0;
}

/** numpy on one thread, with OpenBLAS free to pick its best kernels (the machine may pin an older one). */
function numpyEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  return env;
}

const tsxArgs = (script: string, ...args: string[]): string[] => [...typescriptExecArgv(), join(ROOT, script), ...args];

export async function runBench(options: BenchOptions): Promise<BenchFigure[]> {
  const withNumpy = numpyAvailable();
  if (!withNumpy) options.onNote?.('python3 with numpy is not available here: the numpy column is skipped.');
  // One Descent worker per dtype, so each process's JIT sees one array type only.
  const descent32 = await BenchWorker.start('descent float32', process.execPath, tsxArgs('electron/bench/worker.ts'));
  const descent64 = await BenchWorker.start('descent float64', process.execPath, tsxArgs('electron/bench/worker.ts'));
  const numpy = withNumpy
    ? await BenchWorker.start('numpy', 'python3', [join(ROOT, 'scripts', 'numpy_bench.py')], numpyEnv())
    : undefined;
  const figures: BenchFigure[] = [];
  const emit = (figure: BenchFigure): void => {
    figures.push(figure);
    options.onFigure?.(figure);
  };
  try {
    const measure = async (task: BenchTask, ours: BenchWorker, repeats: number) => {
      const samples = { descent: [] as number[], numpy: [] as number[] };
      for (let r = 0; r < repeats; r++) {
        samples.descent.push(await ours.run(task));
        if (numpy) samples.numpy.push(await numpy.run(task));
      }
      return samples;
    };
    for (const [dtype, worker, target] of [['float32', descent32, '≥ numpy float32'], ['float64', descent64, '≥ numpy float64']] as const) {
      const s = await measure({ kind: 'step', dtype, steps: STEPS }, worker, options.repeats);
      const rate = (xs: number[]): number[] => xs.map((sec) => STEPS / sec);
      emit(figure(`training step, 784-50-10, batch 100, ${dtype}`, 'it/s', rate(s.descent), rate(s.numpy), true, target));
    }
    const evalSamples = await measure({ kind: 'evaluate', dtype: 'float32' }, descent32, options.repeats);
    emit(figure('accuracy on all 70 000 images, float32', 's', evalSamples.descent, evalSamples.numpy, false, '—'));
    const gradSamples = await measure({ kind: 'numgrad', batch: 100 }, descent64, Math.min(options.repeats, 3));
    emit(figure('numerical gradient, all 39 760 parameters, batch 100, float64', 's', gradSamples.descent, gradSamples.numpy, false, '≥ 100× faster'));
    if (options.runs > 0) {
      const run = { descent: [] as number[], numpy: [] as number[], descentRss: [] as number[], numpyRss: [] as number[] };
      for (let r = 0; r < options.runs; r++) {
        const ours = await timedProcess(process.execPath, tsxArgs('electron/bench/whole-run.ts'), process.env);
        run.descent.push(ours.seconds);
        run.descentRss.push(ours.maxRssBytes);
        if (withNumpy) {
          const theirs = await timedProcess('python3', [join(ROOT, 'scripts', 'numpy_bench.py'), 'run'], numpyEnv());
          run.numpy.push(theirs.seconds);
          run.numpyRss.push(theirs.maxRssBytes);
        }
      }
      emit(figure('whole default run (load, 10 000 iterations, 17 + 1 evaluations), wall', 's', run.descent, run.numpy, false, '≤ ¼ of numpy'));
      const mb = (xs: number[]): number[] => xs.map((b) => b / 1e6);
      emit(figure('peak memory of the default run', 'MB', mb(run.descentRss), mb(run.numpyRss), false, '≤ ⅓ of numpy'));
    }
    const chromium = options.ui ? chromiumPath() : null;
    if (options.ui && !chromium) options.onNote?.('no Chromium here (set CHROMIUM_PATH): the UI figures are skipped.');
    if (chromium) {
      const ui = await measureUiUpdates(chromium);
      emit(alone(`UI: compare view, 8 live runs × ≥ 10 000 points, per redraw (${ui.updates.length} redraws)`, 'ms', ui.updates, '≤ 16 ms'));
      emit(alone('UI while 8 runs stream: longest task over 50 ms, input waits (0: none)', 'ms', [ui.longestTaskMs], '≤ 100 ms'));
      emit(alone('UI while 8 runs stream: share of time in tasks over 50 ms', '%', [100 * ui.blockedShare], '≤ 50 %'));
    }
    if (options.load) {
      const load = await measureLoad(chromium, Math.max(3, options.repeats));
      emit(alone(`descent runs, ${LOAD_RUNS.toLocaleString('en-US')} stored runs, wall (process start to exit)`, 's', load.cli, '< 1 s'));
      if (load.app) emit(alone(`workbench: ${LOAD_RUNS.toLocaleString('en-US')} stored runs listed, from page load`, 's', load.app, '< 1 s'));
      const history = await measureLongHistory(Math.max(3, options.repeats));
      const size = `${LONG_RUN_ITERATIONS.toLocaleString('en-US')} iterations (${(history.metricsBytes / 1e6).toFixed(0)} MB of metrics)`;
      emit(alone(`workbench: a run of ${size} opened, first time (chart summary made)`, 's', [history.firstOpen], '—'));
      emit(alone(`workbench: a run of ${size} opened (its ${(history.sentBytes / 1e3).toFixed(0)} kB chart summary)`, 's', history.laterOpens, '< 2 s'));
      emit(alone(`descent show, a run of ${size}, wall`, 's', history.show, '—'));
    }
  } finally {
    descent32.close();
    descent64.close();
    numpy?.close();
  }
  return figures;
}

/** A figure without a numpy counterpart. */
function alone(name: string, unit: string, samples: number[], target: string): BenchFigure {
  return { figure: name, unit, descent: median(samples), numpy: null, ratio: null, target, samples: { descent: samples, numpy: [] } };
}

function figure(name: string, unit: string, descent: number[], numpy: number[], higherIsBetter: boolean, target: string): BenchFigure {
  const ours = median(descent);
  const theirs = numpy.length ? median(numpy) : null;
  const ratio = theirs === null ? null : higherIsBetter ? ours / theirs : theirs / ours;
  return { figure: name, unit, descent: ours, numpy: theirs, ratio, target, samples: { descent, numpy } };
}

/** Runs a process that prints one JSON line with `maxRssBytes`; measures its wall time from spawn to exit. */
function timedProcess(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ seconds: number; maxRssBytes: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'], env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) return reject(new Error(`${command} ${args.join(' ')} exited with ${code}`));
      try {
        resolve({ seconds, maxRssBytes: JSON.parse(output.trim().split('\n').pop()!).maxRssBytes });
      } catch (error) {
        reject(error);
      }
    });
  });
}
