/**
 * The Lab's training page (§4.5): runs that show the chapter's closing points, each started with one click
 * into the normal run list — the book's run, a learning-rate sweep, an overfitting run and a step-function run.
 */
import type { SweepRequest } from '../../../../shared/api';
import { BOOK_DEFAULTS, type RunConfig } from '../../../../shared/config';

/** One preset: what it shows, and the run or sweep it starts. */
export type TrainingPreset = {
  id: string;
  title: string;
  /** What to look for, in plain words. */
  text: string;
} & ({ kind: 'run'; config: RunConfig; name: string } | { kind: 'sweep'; request: SweepRequest });

/** The learning rates of the sweep: too small, the book's, larger, and one that diverges. */
export const SWEEP_LEARNING_RATES = [0.01, 0.1, 0.5, 1, 10];

export const TRAINING_PRESETS: readonly TrainingPreset[] = [
  {
    id: 'book',
    kind: 'run',
    name: "the book's run (§4.5)",
    config: { ...BOOK_DEFAULTS },
    title: "The book's run",
    text: 'train_neuralnet.py: 784-50-10 sigmoid, lr 0.1, batch 100, 10 000 iterations on all 60 000 images. The loss falls fast, then slowly; train and test accuracy rise together to about 0.94 — no overfitting.',
  },
  {
    id: 'lr-sweep',
    kind: 'sweep',
    request: {
      name: 'learning-rate sweep (§4.4.1)',
      base: { ...BOOK_DEFAULTS, iterations: 2000 },
      parameter: 'learningRate',
      values: SWEEP_LEARNING_RATES,
    },
    title: 'A learning-rate sweep',
    text: "The book's network at lr 0.01, 0.1, 0.5, 1 and 10 for 2 000 iterations, one seed for all: too small learns slowly, too large jumps around or diverges.",
  },
  {
    id: 'overfit',
    kind: 'run',
    name: 'overfitting: 300 images',
    config: { ...BOOK_DEFAULTS, trainSize: 300, iterations: 3000 },
    title: 'Overfitting',
    text: 'Only 300 training images, 1 000 epochs: training accuracy reaches 1.0 while test accuracy stalls far below — the network learns those images, not digits.',
  },
  {
    id: 'step',
    kind: 'run',
    name: 'step activation',
    config: { ...BOOK_DEFAULTS, activation: 'step', iterations: 2000 },
    title: 'A step-function network',
    text: "The step's derivative is 0, so the first layer's gradient is 0 and its weights never move; only the output layer learns, on fixed 0/1 features, and the run stalls well below sigmoid's accuracy.",
  },
];
