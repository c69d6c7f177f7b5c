/**
 * The measurements of `descent bench`, each timed inside one process on one core. The numpy side
 * (scripts/numpy_bench.py) implements the same tasks with the book's algorithm, so figures compare.
 */
import { BOOK_DEFAULTS } from '../../shared/config';
import { pixelScale, sliceRows } from '../../shared/engine/dataset';
import { MultiLayerNet } from '../../shared/engine/network';
import { incrementalNumericalGradient } from '../../shared/engine/numerical-incremental';
import { RandomState } from '../../shared/engine/rng';
import { Training } from '../../shared/engine/train';
import { bestEngine } from '../../shared/engine/best-engine';
import type { DType } from '../../shared/engine/tensor';
import type { LoadedDataset } from '../core/datasets';

/** A request to a benchmark worker. */
export type BenchTask =
  { kind: 'step'; dtype: DType; steps: number } | { kind: 'evaluate'; dtype: DType } | { kind: 'numgrad'; batch: number };

/** Seconds the task's measured part took. */
export interface BenchResult {
  readonly seconds: number;
}

const now = (): number => performance.now();
const defaultNetwork = (dtype: DType) =>
  ({ layers: BOOK_DEFAULTS.layers, activation: 'sigmoid', loss: 'cross_entropy', dtype }) as const;

/** Runs one task on `data` (loaded once per worker). */
export function runBenchTask(task: BenchTask, data: LoadedDataset): BenchResult {
  switch (task.kind) {
    case 'step': {
      const training = new Training(
        { ...BOOK_DEFAULTS, dtype: task.dtype, seed: 1, iterations: task.steps + 20 },
        data.train,
        data.test,
        now,
        bestEngine(),
      );
      // Warm-up outside the timed part (JIT, caches); i = 0 also runs the first evaluation.
      for (let i = 0; i < 20; i++) training.step();
      const started = now();
      for (let i = 0; i < task.steps; i++) training.step();
      return { seconds: (now() - started) / 1000 };
    }
    case 'evaluate': {
      // The evaluation a run makes (a fresh network's, before its first step), on the engine runs use.
      const training = new Training(
        { ...BOOK_DEFAULTS, dtype: task.dtype, seed: 1, iterations: 1 },
        data.train,
        data.test,
        now,
        bestEngine(),
      );
      const started = now();
      training.finalEvaluation();
      return { seconds: (now() - started) / 1000 };
    }
    case 'numgrad': {
      const net = MultiLayerNet.initialise(defaultNetwork('float64'), 0.01, new RandomState(1));
      const x = new Float64Array(task.batch * data.train.features);
      const t = new Int32Array(task.batch);
      sliceRows(data.train, 0, task.batch, pixelScale('float64'), x, t);
      const started = now();
      // The method training and gradcheck use; the plain loop takes minutes here (see README).
      incrementalNumericalGradient(net, x, t, task.batch);
      return { seconds: (now() - started) / 1000 };
    }
  }
}
