import { describe, expect, it } from 'vitest';
import { BOOK_DEFAULTS } from '../../../shared/config';
import { configFrom, fieldsFrom, numericalSecondsPerIteration, parameterCount } from '../../../renderer/src/lib/form';

describe('the run form model', () => {
  it('the book defaults round-trip through the fields', () => {
    const { config, errors } = configFrom(fieldsFrom(BOOK_DEFAULTS));
    expect(errors).toEqual({});
    expect(config).toEqual(BOOK_DEFAULTS);
  });

  it('typed text becomes numbers; blank seed means random, blank training images means all', () => {
    const fields = {
      ...fieldsFrom(),
      hidden: ['100', '50'],
      learningRate: '1e-2',
      seed: ' 42 ',
      trainSize: '',
      initKind: 'he' as const,
    };
    expect(configFrom(fields).config).toMatchObject({
      layers: [784, 100, 50, 10],
      learningRate: 0.01,
      seed: 42,
      trainSize: null,
      weightInit: 'he',
    });
    expect(configFrom({ ...fields, seed: '' }).config).not.toHaveProperty('seed');
  });

  it('another dataset: a folder with its own input and output sizes', () => {
    const { config } = configFrom({ ...fieldsFrom(), dataset: ' /data/fashion ', input: '784', output: '10', hidden: ['100'] });
    expect(config).toMatchObject({ dataset: '/data/fashion', layers: [784, 100, 10] });
    expect(configFrom({ ...fieldsFrom(), dataset: '' }).errors.dataset).toBe(
      'must be "mnist" or a folder path, got an empty string',
    );
    expect(configFrom({ ...fieldsFrom(), output: '0' }).errors.layers).toBe('must be a whole number from 1 to 16,384, got 0');
  });

  it('reports each bad field by name, with the value and the range', () => {
    const { config, errors } = configFrom({
      ...fieldsFrom(),
      learningRate: 'fast',
      batchSize: '0',
      hidden: ['50', 'x'],
      initStd: '-1',
    });
    expect(config).toBeNull();
    expect(errors).toEqual({
      learningRate: 'must be a number greater than 0 and at most 1000, got "fast"',
      batchSize: 'must be a whole number from 1 to 60,000, got 0',
      layers: 'must be a whole number from 1 to 16,384, got "x"',
      weightInit: 'must be a standard deviation greater than 0 and at most 10, or "xavier" or "he", got -1',
    });
  });

  it("estimates the numerical gradient's time from the bench's figure for the default network, scaled by parameters × batch", () => {
    expect(parameterCount([784, 50, 10])).toBe(39_760);
    expect(parameterCount([784, 100, 50, 10])).toBe(784 * 100 + 100 + 100 * 50 + 50 + 50 * 10 + 10);
    // README's benchmark: all 39 760 parameters, batch 100, 0.115 s.
    expect(numericalSecondsPerIteration({ layers: [784, 50, 10], batchSize: 100 })).toBeCloseTo(0.115, 12);
    expect(numericalSecondsPerIteration({ layers: [784, 50, 10], batchSize: 50 })).toBeCloseTo(0.0575, 12);
    expect(numericalSecondsPerIteration({ layers: [784, 100, 10], batchSize: 100 })).toBeCloseTo((0.115 * 79_510) / 39_760, 12);
  });
});
