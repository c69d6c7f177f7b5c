/**
 * The Lab's training page (§4.5): runs that show the chapter's closing points, each started with one click
 * into the normal run list — the book's run, a learning-rate sweep, an overfitting run and a step-function run.
 */
import type { SweepRequest } from '../../../../shared/api';
import { BOOK_DEFAULTS, type RunConfig } from '../../../../shared/config';
import { translate } from '../../../../shared/i18n/translate';
import type { MessageKey } from '../i18n';

/** One preset: what it shows, and the run or sweep it starts. */
export type TrainingPreset = {
  id: string;
  title: MessageKey;
  /** What to look for, in plain words. */
  text: MessageKey;
  /** The run's or the sweep's name, given in the page's language when it starts. */
  name: MessageKey;
} & ({ kind: 'run'; config: RunConfig } | { kind: 'sweep'; request: SweepRequest });

/** The learning rates of the sweep: too small, the book's, larger, and one that diverges. */
export const SWEEP_LEARNING_RATES = [0.01, 0.1, 0.5, 1, 10];

export const TRAINING_PRESETS: readonly TrainingPreset[] = [
  {
    id: 'book',
    kind: 'run',
    name: 'lab.training.book.name',
    config: { ...BOOK_DEFAULTS },
    title: 'lab.training.book.title',
    text: 'lab.training.book.text',
  },
  {
    id: 'lr-sweep',
    kind: 'sweep',
    name: 'lab.training.lrSweep.name',
    request: {
      name: translate('en', 'lab.training.lrSweep.name'),
      base: { ...BOOK_DEFAULTS, iterations: 2000 },
      parameter: 'learningRate',
      values: SWEEP_LEARNING_RATES,
    },
    title: 'lab.training.lrSweep.title',
    text: 'lab.training.lrSweep.text',
  },
  {
    id: 'overfit',
    kind: 'run',
    name: 'lab.training.overfit.name',
    config: { ...BOOK_DEFAULTS, trainSize: 300, iterations: 3000 },
    title: 'lab.training.overfit.title',
    text: 'lab.training.overfit.text',
  },
  {
    id: 'step',
    kind: 'run',
    name: 'lab.training.step.name',
    config: { ...BOOK_DEFAULTS, activation: 'step', iterations: 2000 },
    title: 'lab.training.step.title',
    text: 'lab.training.step.text',
  },
  {
    id: 'step-numerical',
    kind: 'run',
    name: 'lab.training.stepNumerical.name',
    // Two forward passes per parameter per step: 300 steps take minutes, and show all there is to see.
    config: { ...BOOK_DEFAULTS, activation: 'step', gradient: 'numerical', iterations: 300 },
    title: 'lab.training.stepNumerical.title',
    text: 'lab.training.stepNumerical.text',
  },
];
