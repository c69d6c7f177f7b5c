import { describe, expect, it } from 'vitest';
import { BOOK_DEFAULTS } from '../../shared/config';
import { defaultName } from '../../electron/core/run-manager';

describe('automatic run names', () => {
  it('say the network, the learning rate and the seed, so runs of the same configuration differ by name', () => {
    expect(defaultName({ ...BOOK_DEFAULTS, learningRate: 1, seed: 7 })).toBe('784-50-10 sigmoid · lr 1 · seed 7');
    expect(defaultName({ ...BOOK_DEFAULTS, seed: 8 })).not.toBe(defaultName({ ...BOOK_DEFAULTS, seed: 7 }));
  });
});
