/**
 * `descent bench`: Descent against the book's numpy code (and PyTorch's CPU training where `import torch`
 * works), measured side by side in one run. Every figure is the median of interleaved repetitions (Descent,
 * numpy, PyTorch, Descent, …), each side in its own process on one core (one BLAS thread, its best kernels).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
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
import { measureStartup, STARTUP_RUNS } from './startup-bench';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The groups of rows `descent bench --only` chooses from, in the order they are measured: the training steps
 * (against numpy and PyTorch), the evaluation of 70 000 images, the numerical gradient, the short commands
 * (`--help`, `runs`, the first `serve`), the whole default run (as typed, in one process, its peak memory and the
 * evaluations' hidden share), the UI under load, and the load figures (1 000 stored runs, a long history).
 */
export const BENCH_GROUPS = ['step', 'evaluate', 'numgrad', 'startup', 'whole', 'ui', 'load'] as const;
export type BenchGroup = (typeof BENCH_GROUPS)[number];

/** One figure of the report. */
export interface BenchFigure {
  readonly figure: string;
  readonly unit: string;
  /** Descent's median, and the reference's (null where it is not on this machine, or has none). */
  readonly descent: number;
  readonly reference: number | null;
  /** What Descent is measured against. */
  readonly against: 'numpy' | 'PyTorch';
  /** How many times better Descent is (higher is better, whichever the unit). */
  readonly ratio: number | null;
  readonly target: string;
  readonly samples: { descent: number[]; reference: number[] };
}

export interface BenchOptions {
  readonly repeats: number;
  /** Repetitions of the whole default run (slow: ≈ a minute each). */
  readonly runs: number;
  /** Measure the UI under load in Chromium (≈ a minute). */
  readonly ui: boolean;
  /** Measure listing 1 000 stored runs in the CLI (and in Chromium with `ui`). */
  readonly load: boolean;
  /** Only these groups of rows (all when absent); `runs` 0, `ui` and `load` false still skip theirs. */
  readonly only?: readonly BenchGroup[];
  readonly onFigure?: (figure: BenchFigure) => void;
  readonly onNote?: (note: string) => void;
}

const STEPS = 300;

/** True when python3 with numpy can run here. */
export function numpyAvailable(): boolean {
  const probe = spawnSync('python3', ['-c', 'import numpy'], { stdio: 'ignore' });
  return probe.status === 0;
}

/**
 * A Python that can `import torch`: python3 first, then Debian's /usr/bin/python3 (where the distribution's
 * python3-torch lives when python3 is another installation); null when neither can.
 */
export function torchPython(): string | null {
  for (const python of ['python3', '/usr/bin/python3']) {
    if (spawnSync(python, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0) return python;
  }
  return null;
}

/** numpy on one thread, with OpenBLAS free to pick its best kernels (the machine may pin an older one). */
function numpyEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  return env;
}

const tsxArgs = (script: string, ...args: string[]): string[] => [...typescriptExecArgv(), join(ROOT, script), ...args];

/**
 * The whole run as the prebuilt bundle (out/cli/whole-run.js, scripts/cli-bundle.js), as a user's trainer runs
 * (its evaluation worker the bundle's too); from the sources through tsx where there is no bundle, whose
 * compiler then adds its own memory in both threads.
 */
function wholeRunArgs(): string[] {
  const bundled = join(ROOT, 'out', 'cli', 'whole-run.js');
  return existsSync(bundled) ? [bundled] : tsxArgs('electron/bench/whole-run.ts');
}

export async function runBench(options: BenchOptions): Promise<BenchFigure[]> {
  const chosen = new Set<BenchGroup>(options.only ?? BENCH_GROUPS);
  const figures: BenchFigure[] = [];
  const emit = (figure: BenchFigure): void => {
    figures.push(figure);
    options.onFigure?.(figure);
  };
  const withNumpy = numpyAvailable();
  if (!withNumpy) options.onNote?.('python3 with numpy is not available here: the numpy column is skipped.');
  // The worker processes serve the steps, the evaluation and the numerical gradient only.
  if (chosen.has('step') || chosen.has('evaluate') || chosen.has('numgrad'))
    await measureInWorkers(options, chosen, withNumpy, emit);
  if (chosen.has('startup')) {
    const startup = await measureStartup(options.repeats);
    emit(alone('`descent --help`, wall (spawn to exit)', 's', startup.help, '≤ 0.3 s'));
    emit(alone(`\`descent runs\`, ${STARTUP_RUNS} stored runs, wall (spawn to exit)`, 's', startup.runs, '≤ 0.5 s'));
    emit(alone('first `descent serve` to its URL (UI built at install), wall', 's', startup.serve, '≤ 5 s'));
  }
  if (chosen.has('whole') && options.runs > 0) await measureWholeRuns(options, withNumpy, emit);
  // Chromium serves the UI figures and the workbench's load figures.
  const withBrowser = options.ui && (chosen.has('ui') || (options.load && chosen.has('load')));
  const chromium = withBrowser ? chromiumPath() : null;
  if (withBrowser && !chromium) options.onNote?.('no Chromium here (set CHROMIUM_PATH): the UI figures are skipped.');
  if (chromium && chosen.has('ui')) await measureInterface(chromium, emit);
  if (options.load && chosen.has('load')) await measureLoadFigures(options, chromium, emit);
  return figures;
}

type Emit = (figure: BenchFigure) => void;

/** The training steps, the evaluation and the numerical gradient (those `chosen`), each side in its own worker process. */
async function measureInWorkers(
  options: BenchOptions,
  chosen: ReadonlySet<BenchGroup>,
  withNumpy: boolean,
  emit: Emit,
): Promise<void> {
  // One Descent worker per dtype, so each process's JIT sees one array type only.
  const descent32 = await BenchWorker.start('descent float32', process.execPath, tsxArgs('electron/bench/worker.ts'));
  const descent64 = await BenchWorker.start('descent float64', process.execPath, tsxArgs('electron/bench/worker.ts'));
  const numpy = withNumpy
    ? await BenchWorker.start('numpy', 'python3', [join(ROOT, 'scripts', 'numpy_bench.py')], numpyEnv())
    : undefined;
  const withTorch = chosen.has('step') ? torchPython() : null;
  if (chosen.has('step') && !withTorch) {
    options.onNote?.(
      'PyTorch is not available here (python3 -c "import torch" fails; on Debian: apt-get install python3-torch libopenblas0-pthread): its rows are skipped.',
    );
  }
  const torch = withTorch
    ? await BenchWorker.start('PyTorch', withTorch, [join(ROOT, 'scripts', 'torch_bench.py')], numpyEnv())
    : undefined;
  try {
    const measure = async (task: BenchTask, ours: BenchWorker, repeats: number, withPyTorch = false) => {
      const samples = { descent: [] as number[], numpy: [] as number[], torch: [] as number[] };
      for (let r = 0; r < repeats; r++) {
        samples.descent.push(await ours.run(task));
        if (numpy) samples.numpy.push(await numpy.run(task));
        if (torch && withPyTorch) samples.torch.push(await torch.run(task));
      }
      return samples;
    };
    if (chosen.has('step')) {
      for (const [dtype, worker] of [
        ['float32', descent32],
        ['float64', descent64],
      ] as const) {
        const s = await measure({ kind: 'step', dtype, steps: STEPS }, worker, options.repeats, true);
        const rate = (xs: number[]): number[] => xs.map((sec) => STEPS / sec);
        const name = `training step, 784-50-10, batch 100, ${dtype}`;
        emit(figure(name, 'it/s', rate(s.descent), rate(s.numpy), true, '≥ 1.5× numpy'));
        if (torch)
          emit(
            figure(
              `${name} (PyTorch: autograd + SGD, one thread)`,
              'it/s',
              rate(s.descent),
              rate(s.torch),
              true,
              '≥ 1.5× PyTorch',
              'PyTorch',
            ),
          );
      }
    }
    if (chosen.has('evaluate')) {
      const evalSamples = await measure({ kind: 'evaluate', dtype: 'float32' }, descent32, options.repeats);
      emit(figure('accuracy on all 70 000 images, float32', 's', evalSamples.descent, evalSamples.numpy, false, '—'));
    }
    if (chosen.has('numgrad')) {
      const gradSamples = await measure({ kind: 'numgrad', batch: 100 }, descent64, options.repeats);
      emit(
        figure(
          'numerical gradient, all 39 760 parameters, batch 100, float64',
          's',
          gradSamples.descent,
          gradSamples.numpy,
          false,
          '≥ 100× faster',
        ),
      );
    }
  } finally {
    descent32.close();
    descent64.close();
    numpy?.close();
    torch?.close();
  }
}

/** The whole default run: as typed, in one process (with its peak memory), and the share of its evaluations hidden. */
async function measureWholeRuns(options: BenchOptions, withNumpy: boolean, emit: Emit): Promise<void> {
  const run = {
    descent: [] as number[],
    numpy: [] as number[],
    descentRss: [] as number[],
    numpyRss: [] as number[],
    command: [] as number[],
    hidden: [] as number[],
  };
  // Where this process may use a second core, the run's evaluations go beside its training: the same run with
  // them in-line says how much of their time that hides.
  const twoCores = availableParallelism() > 1;
  if (!twoCores) options.onNote?.('one core available: evaluations run in-line, and the row of their hiding is skipped.');
  for (let r = 0; r < options.runs; r++) {
    run.command.push(await descentTrainCommand());
    const ours = await timedProcess(process.execPath, wholeRunArgs(), process.env);
    run.descent.push(ours.seconds);
    run.descentRss.push(ours.maxRssBytes);
    if (twoCores) {
      const env = { ...process.env, DESCENT_EVALUATION: 'inline' };
      const inline = await timedProcess(process.execPath, wholeRunArgs(), env);
      run.hidden.push((100 * (inline.seconds - ours.seconds)) / inline.evalSeconds);
    }
    if (withNumpy) {
      const theirs = await timedProcess('python3', [join(ROOT, 'scripts', 'numpy_bench.py'), 'run'], numpyEnv());
      run.numpy.push(theirs.seconds);
      run.numpyRss.push(theirs.maxRssBytes);
    }
  }
  emit(
    figure(
      '`descent train --seed 1` as typed (Node, CLI, trainer process, store), wall',
      's',
      run.command,
      run.numpy,
      false,
      '≤ ¼ of numpy',
    ),
  );
  emit(
    figure(
      'whole default run in one process (load, 10 000 iterations, 17 + 1 evaluations), wall',
      's',
      run.descent,
      run.numpy,
      false,
      '—',
    ),
  );
  const mb = (xs: number[]): number[] => xs.map((b) => b / 1e6);
  emit(figure('peak memory of the default run', 'MB', mb(run.descentRss), mb(run.numpyRss), false, '≤ ⅓ of numpy'));
  if (twoCores)
    emit(
      alone(
        'evaluations (17 + 1 of 70 000 images) hidden behind training: wall time saved, share of their in-line time',
        '%',
        run.hidden,
        'all of it (100 %) where a second core exists',
      ),
    );
}

/** The UI under load: 8 runs streaming into the compare view in Chromium. */
async function measureInterface(chromium: string, emit: Emit): Promise<void> {
  const ui = await measureUiUpdates(chromium);
  emit(
    alone(
      `UI: compare view, 8 live runs × ≥ 10 000 points, per redraw (${ui.updates.length} redraws)`,
      'ms',
      ui.updates,
      '≤ 16 ms',
    ),
  );
  emit(alone('UI while 8 runs stream: longest task over 50 ms, input waits (0: none)', 'ms', [ui.longestTaskMs], '≤ 100 ms'));
  emit(alone('UI while 8 runs stream: share of time in tasks over 50 ms', '%', [100 * ui.blockedShare], '≤ 50 %'));
}

/** 1 000 stored runs listed, and a long run's history opened (in the workbench too where `chromium` is given). */
async function measureLoadFigures(options: BenchOptions, chromium: string | null, emit: Emit): Promise<void> {
  const load = await measureLoad(chromium, Math.max(3, options.repeats));
  emit(
    alone(`descent runs, ${LOAD_RUNS.toLocaleString('en-US')} stored runs, wall (process start to exit)`, 's', load.cli, '< 1 s'),
  );
  if (load.app)
    emit(alone(`workbench: ${LOAD_RUNS.toLocaleString('en-US')} stored runs listed, from page load`, 's', load.app, '< 1 s'));
  const history = await measureLongHistory(Math.max(3, options.repeats), chromium);
  const size = `${LONG_RUN_ITERATIONS.toLocaleString('en-US')} iterations (${(history.metricsBytes / 1e6).toFixed(0)} MB of metrics)`;
  emit(alone(`workbench: a run of ${size} opened, first time (chart summary made)`, 's', [history.firstOpen], '—'));
  emit(
    alone(
      `workbench: a run of ${size} opened (its ${(history.sentBytes / 1e3).toFixed(0)} kB chart summary)`,
      's',
      history.laterOpens,
      '< 2 s',
    ),
  );
  emit(alone(`descent show, a run of ${size}, wall`, 's', history.show, '—'));
  if (history.app) emit(alone(`workbench: a run of ${size}, page load to its chart drawn`, 's', history.app, '< 2 s'));
}

/** A figure without a numpy counterpart. */
function alone(name: string, unit: string, samples: number[], target: string): BenchFigure {
  return {
    figure: name,
    unit,
    descent: median(samples),
    reference: null,
    against: 'numpy',
    ratio: null,
    target,
    samples: { descent: samples, reference: [] },
  };
}

function figure(
  name: string,
  unit: string,
  descent: number[],
  reference: number[],
  higherIsBetter: boolean,
  target: string,
  against: BenchFigure['against'] = 'numpy',
): BenchFigure {
  const ours = median(descent);
  const theirs = reference.length ? median(reference) : null;
  const ratio = theirs === null ? null : higherIsBetter ? ours / theirs : theirs / ours;
  return { figure: name, unit, descent: ours, reference: theirs, against, ratio, target, samples: { descent, reference } };
}

/**
 * The default run as a user types it, `descent train --seed 1`, in a fresh store: wall time from spawn to
 * exit, Node's start, the CLI (its prebuilt bundle), the trainer process and the store's writes included.
 */
async function descentTrainCommand(): Promise<number> {
  const home = mkdtempSync(join(tmpdir(), 'descent-bench-'));
  try {
    const started = performance.now();
    const result = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, [join(ROOT, 'bin', 'descent.js'), 'train', '--seed', '1', '--json'], {
        stdio: 'ignore',
        env: { ...process.env, DESCENT_HOME: home },
      });
      child.on('error', reject);
      child.on('exit', resolve);
    });
    if (result !== 0) throw new Error(`descent train --seed 1 exited with ${result}`);
    return (performance.now() - started) / 1000;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/**
 * Runs a process that prints one JSON line with `maxRssBytes` (and `evalSeconds`, whole-run.ts); measures its
 * wall time from spawn to exit.
 */
function timedProcess(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ seconds: number; maxRssBytes: number; evalSeconds: number }> {
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
        const last = JSON.parse(output.trim().split('\n').pop()!) as { maxRssBytes: number; evalSeconds?: number };
        resolve({ seconds, maxRssBytes: last.maxRssBytes, evalSeconds: last.evalSeconds ?? NaN });
      } catch (error) {
        reject(error);
      }
    });
  });
}
