import { describe, expect, it } from 'vitest';
import { sweepRequestSchema } from '../../../shared/api';
import { BOOK_DEFAULTS, parseRunConfig } from '../../../shared/config';
import { SWEEP_LEARNING_RATES, TRAINING_PRESETS } from '../../../renderer/src/lib/lab/training-presets';

const preset = (id: string) => TRAINING_PRESETS.find((p) => p.id === id)!;

describe('Lab: training presets (§4.5)', () => {
  it('every preset is a configuration or sweep the backend accepts', () => {
    for (const p of TRAINING_PRESETS) {
      if (p.kind === 'run') expect(parseRunConfig(p.config).ok, p.id).toBe(true);
      else expect(sweepRequestSchema.safeParse(p.request).success, p.id).toBe(true);
    }
  });

  it("the book's run is the book's defaults", () => {
    const book = preset('book');
    expect(book.kind === 'run' && book.config).toEqual(BOOK_DEFAULTS);
  });

  it('the sweep varies only the learning rate, from too small to diverging', () => {
    const sweep = preset('lr-sweep');
    expect(sweep.kind === 'sweep' && sweep.request.parameter).toBe('learningRate');
    expect(SWEEP_LEARNING_RATES).toEqual([0.01, 0.1, 0.5, 1, 10]);
    expect(sweep.kind === 'sweep' && { ...sweep.request.base, iterations: BOOK_DEFAULTS.iterations }).toEqual(BOOK_DEFAULTS);
  });

  it('the overfitting run trains on 300 images for 1 000 epochs (3 iterations each); the step run differs only in its activation', () => {
    const overfit = preset('overfit');
    expect(
      overfit.kind === 'run' && [overfit.config.trainSize, overfit.config.iterations / (300 / overfit.config.batchSize)],
    ).toEqual([300, 1000]);
    const step = preset('step');
    expect(step.kind === 'run' && { ...step.config, activation: 'sigmoid', iterations: BOOK_DEFAULTS.iterations }).toEqual(
      BOOK_DEFAULTS,
    );
  });

  it('the numerical-gradient step run differs from the step run only in its gradient and its 300 steps', () => {
    const [step, numerical] = [preset('step'), preset('step-numerical')];
    expect(
      numerical.kind === 'run' && step.kind === 'run' && { ...numerical.config, gradient: 'analytic', iterations: 2000 },
    ).toEqual(step.kind === 'run' && step.config);
    expect(numerical.kind === 'run' && [numerical.config.gradient, numerical.config.iterations]).toEqual(['numerical', 300]);
  });
});
