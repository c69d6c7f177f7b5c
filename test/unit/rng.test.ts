import { sum } from '../support/close';
import { describe, expect, it } from 'vitest';
import { MT19937, RandomState } from '../../shared/engine/rng';
import { MultiLayerNet } from '../../shared/engine/network';
import fixture from '../fixtures/numpy-rng.json' with { type: 'json' };

describe('numpy-compatible RandomState (fixtures from numpy ' + 'legacy RandomState)', () => {
  for (const c of fixture.cases) {
    it(`seed ${c.seed}: randn, cached Gaussian, choice and random_sample equal numpy's`, () => {
      const rng = new RandomState(c.seed);
      // Math.log may differ from C's log in the last bit, so normals are compared to 1e-15.
      const odd = rng.randn(new Float64Array(7));
      odd.forEach((v, i) => expect(v).toBeCloseTo(c.randnOdd[i], 14));
      const next = rng.randn(new Float64Array(6));
      next.forEach((v, i) => expect(v).toBeCloseTo(c.randnNext[i], 14));
      expect(Array.from(rng.choice(60000, new Int32Array(20)))).toEqual(c.choice60000);
      expect(Array.from(rng.choice(7, new Int32Array(20)))).toEqual(c.choice7);
      expect(Array.from(rng.choice(1024, new Int32Array(10)))).toEqual(c.choice1024);
      expect(Array.from({ length: 5 }, () => rng.randomSample())).toEqual(c.randomSample);
    });
  }

  it("draws the book's TwoLayerNet initial weights and first mini-batch after np.random.seed", () => {
    const book = fixture.twoLayerNetInit;
    const rng = new RandomState(book.seed);
    const net = MultiLayerNet.initialise(
      { layers: [784, 50, 10], activation: 'sigmoid', loss: 'cross_entropy', dtype: 'float64' },
      0.01,
      rng,
    );
    const [w1, w2] = net.weights;
    Array.from(w1.subarray(0, 5)).forEach((v, i) => expect(v).toBeCloseTo(book.W1first[i], 16));
    Array.from(w1.subarray(-3)).forEach((v, i) => expect(v).toBeCloseTo(book.W1last[i], 16));
    Array.from(w2.subarray(0, 5)).forEach((v, i) => expect(v).toBeCloseTo(book.W2first[i], 16));
    expect(sum(w1)).toBeCloseTo(book.W1sum, 12);
    expect(sum(w2)).toBeCloseTo(book.W2sum, 12);
    expect(Array.from(rng.choice(60000, new Int32Array(100)))).toEqual(book.firstBatch);
  });

  it("MT19937 with seed 5489 gives the reference generator's first outputs", () => {
    // Matsumoto & Nishimura's mt19937ar with init_genrand(5489): 3499211612, 581869302, 3890346734.
    const mt = new MT19937(5489);
    expect([mt.nextUint32(), mt.nextUint32(), mt.nextUint32()]).toEqual([3499211612, 581869302, 3890346734]);
  });

  it('rejects seeds numpy rejects', () => {
    expect(() => new RandomState(-1)).toThrow(/seed must be an integer from 0 to 4294967295/);
    expect(() => new RandomState(2 ** 32)).toThrow(RangeError);
    expect(() => new RandomState(1.5)).toThrow(RangeError);
  });

  it('randint stays in range for every bound shape', () => {
    const rng = new RandomState(3);
    for (const high of [1, 2, 3, 255, 256, 257, 60000, 2 ** 31, 2 ** 32]) {
      for (let i = 0; i < 200; i++) {
        const v = rng.randint(high);
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThan(high);
      }
    }
  });
});
