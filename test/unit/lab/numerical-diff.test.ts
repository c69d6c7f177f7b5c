import { describe, expect, it } from 'vitest';
import {
  bestStep,
  diffAtH,
  DIFF_FUNCTIONS,
  errorSweep,
  FLOAT32_OF_1E_50,
  forwardDiff,
  function1,
  function1Derivative,
  tangentLine,
} from '../../../renderer/src/lib/lab/numerical-diff';

describe('Lab: numerical differentiation page (§4.3)', () => {
  it("the tangent's slope is the book's numerical_diff, digit for digit", () => {
    expect(tangentLine(function1, 5).slope).toBe(0.1999999999990898);
    expect(tangentLine(function1, 10).slope).toBe(0.2999999999986347);
  });

  it('the tangent passes through (x, f(x)): at x = 5, f = 0.75', () => {
    const t = tangentLine(function1, 5);
    expect(t.at(5)).toBeCloseTo(0.75, 15);
    expect(t.at(0)).toBeCloseTo(0.75 - 5 * 0.1999999999990898, 14);
  });

  it('h = 1e-50 is lost: x + h is x, so both differences are 0 (float32 even makes h itself 0)', () => {
    const d = diffAtH(function1, 5, 1e-50, function1Derivative(5));
    expect(d.forward).toBe(0);
    expect(d.central).toBe(0);
    expect(d.centralError).toBeCloseTo(0.2, 15);
    expect(FLOAT32_OF_1E_50).toBe(0);
  });

  it("the forward difference's truncation error is 0.01·h for the book's f", () => {
    // (f(x+h) − f(x)) / h = 0.02x + 0.1 + 0.01h exactly in real numbers.
    expect(forwardDiff(function1, 5, 0.1) - 0.2).toBeCloseTo(0.001, 12);
    expect(forwardDiff(function1, 5, 0.01) - 0.2).toBeCloseTo(0.0001, 12);
  });

  it('the sweep spans h = 1e-1 … 1e-50 and shows truncation, a sweet spot and rounding (sin x)', () => {
    const sin = DIFF_FUNCTIONS.find((f) => f.id === 'sin')!;
    const sweep = errorSweep(sin.f, 5, sin.derivative(5));
    expect(sweep[0].h).toBe(0.1);
    expect(sweep[sweep.length - 1].h).toBe(1e-50);
    const at = (h: number) => sweep.find((d) => Math.abs(Math.log10(d.h / h)) < 1e-9)!;
    // Truncation: the central error ≈ h²/6 · |cos 5| at h = 0.1.
    expect(at(0.1).centralError).toBeCloseTo((0.01 / 6) * Math.abs(Math.cos(5)), 6);
    const best = bestStep(sweep);
    expect(best.h).toBeGreaterThan(1e-8);
    expect(best.h).toBeLessThan(1e-3);
    // The book's h = 1e-4 is near the sweet spot; 1e-12 is far worse (rounding).
    expect(at(1e-4).centralError).toBeLessThan(1e-9);
    expect(at(1e-12).centralError).toBeGreaterThan(100 * at(1e-4).centralError);
    expect(at(1e-50).centralError).toBeCloseTo(Math.abs(Math.cos(5)), 15);
  });
});
