import { describe, expect, it } from 'vitest';
import { sigmoid } from '../../../shared/engine/functions';
import {
  accuracyAt,
  accuracyJump,
  activationCurves,
  alongWeight,
  lossAt,
  slopesAt,
} from '../../../renderer/src/lib/lab/smoothness';

describe('Lab: why not accuracy, why not a step function (§4.2.5)', () => {
  it("at the book's W the loss is simpleNet's and the one sample is classified right", () => {
    expect(lossAt(0.47355232)).toBeCloseTo(0.9280682857864075, 12);
    expect(accuracyAt(0.47355232)).toBe(1);
  });

  it("the accuracy jumps once, where output 0 overtakes the label's: W[0][0] = (1.1328074 − 0.9 · 0.85557411) / 0.6", () => {
    const jump = accuracyJump();
    expect(jump).toBeCloseTo((1.132807401 - 0.9 * 0.85557411) / 0.6, 9);
    expect(accuracyAt(jump - 1e-6)).toBe(1);
    expect(accuracyAt(jump + 1e-6)).toBe(0);
    const { accuracy } = alongWeight();
    const changes = accuracy.slice(1).filter((p, i) => p.y !== accuracy[i].y);
    expect(changes).toHaveLength(1);
  });

  it("the loss has a slope everywhere; the accuracy's is 0 away from the jump", () => {
    for (const v of [-3, 0, 0.47355232, 2]) {
      const slopes = slopesAt(v);
      expect(slopes.accuracy).toBe(0);
      expect(Math.abs(slopes.loss)).toBeGreaterThan(1e-3);
    }
    // Raising W[0][0] raises output 0, a wrong class: the loss goes up (dW[0][0] = 0.2192…, the book's).
    expect(slopesAt(0.47355232).loss).toBeCloseTo(0.21924757, 6);
    // Within h of the jump the "slope" is a spike of 1 / 2h = 5000.
    expect(Math.abs(slopesAt(accuracyJump()).accuracy)).toBe(5000);
  });

  it("sigmoid's slope is σ(1 − σ), the step's is 0 except within h of 0", () => {
    const c = activationCurves();
    c.sigmoidSlope.forEach((p) => expect(p.y).toBeCloseTo(sigmoid(p.x) * (1 - sigmoid(p.x)), 8));
    expect(c.stepSlope.filter((p) => p.y !== 0).map((p) => p.x)).toEqual([0]);
    expect(c.step.map((p) => p.y).every((y) => y === 0 || y === 1)).toBe(true);
  });
});
