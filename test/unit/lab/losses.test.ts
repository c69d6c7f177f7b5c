import { describe, expect, it } from 'vitest';
import {
  BOOK_OUTPUT,
  LOSS_PRESETS,
  lossesOf,
  nudgeOutput,
  outputsFromScores,
  setOutput,
} from '../../../renderer/src/lib/lab/losses';

const sum = (y: readonly number[]) => y.reduce((a, b) => a + b, 0);

describe('Lab: losses page (§4.2)', () => {
  it("the presets give the book's printed losses", () => {
    const [right, wrong, nothing] = LOSS_PRESETS.map((p) => lossesOf(p.y, p.label));
    // Book §4.2.1–4.2.2: 0.097500000000000031, 0.51082545709933802; 0.59750000000000003, 2.3025840929945458.
    expect(right.mse).toBeCloseTo(0.0975, 15);
    expect(right.ce).toBeCloseTo(0.51082545709933802, 14);
    expect(wrong.mse).toBeCloseTo(0.5975, 15);
    expect(wrong.ce).toBeCloseTo(2.3025840929945458, 14);
    // y = 0 on the label: −log(1e-7) = 16.118…, where without δ it would be infinite.
    expect(nothing.ce).toBeCloseTo(-Math.log(1e-7), 12);
    expect(nothing.ce.toFixed(2)).toBe('16.12');
    expect(nothing.ceWithoutDelta).toBe(Infinity);
  });

  it("the presets are the book's outputs (the second with 0.6 moved to class 7) and sum to 1", () => {
    expect(LOSS_PRESETS[0].y).toEqual(BOOK_OUTPUT);
    expect(LOSS_PRESETS[1].y[7]).toBe(0.6);
    expect(LOSS_PRESETS[1].y[2]).toBe(0.1);
    for (const p of LOSS_PRESETS) expect(sum(p.y)).toBeCloseTo(1, 12);
  });

  it('moving a bar rescales the others in proportion, keeping the sum 1', () => {
    const y = setOutput(BOOK_OUTPUT, 2, 0.8);
    expect(y[2]).toBe(0.8);
    // The others held 0.4; they now share 0.2, each halved.
    expect(y[0]).toBeCloseTo(0.05, 15);
    expect(y[1]).toBeCloseTo(0.025, 15);
    expect(y[3]).toBe(0);
    expect(sum(y)).toBeCloseTo(1, 15);
  });

  it("one arrow-key step on the label's bar gives the hand-computed losses", () => {
    const y = nudgeOutput(BOOK_OUTPUT, 2, 0.01);
    expect(y[2]).toBe(0.61);
    // Others × 0.39/0.4: MSE = ½((0.61 − 1)² + 0.035 · 0.950625) = 0.0926859375; CE = −log(0.61 + 1e-7).
    const losses = lossesOf(y, 2);
    expect(losses.mse).toBeCloseTo(0.0926859375, 14);
    expect(losses.ce).toBeCloseTo(-Math.log(0.6100001), 14);
    expect(losses.ce.toFixed(4)).toBe('0.4943');
  });

  it('a bar is clamped to [0, 1]; with nothing left elsewhere the rest is shared equally', () => {
    expect(setOutput(BOOK_OUTPUT, 0, 1.5)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const back = setOutput([1, 0, 0, 0, 0, 0, 0, 0, 0, 0], 0, 0.1);
    expect(back.slice(1).every((p) => Math.abs(p - 0.1) < 1e-15)).toBe(true);
    expect(setOutput(BOOK_OUTPUT, 2, -1)[2]).toBe(0);
  });

  it("scores go through the engine's softmax (the book's 0.3, 2.9, 4.0 example with zeros after)", () => {
    const y = outputsFromScores('0.3, 2.9, 4.0');
    expect(y).toHaveLength(10);
    expect(sum(y)).toBeCloseTo(1, 15);
    const e = [0.3, 2.9, 4.0, 0, 0, 0, 0, 0, 0, 0].map(Math.exp);
    expect(y[2]).toBeCloseTo(e[2] / sum(e), 15);
    expect(() => outputsFromScores('')).toThrow(/scores: type 1 to 10 numbers/);
    expect(() => outputsFromScores('1, x')).toThrow(/"x" is not a number/);
    expect(() => outputsFromScores('1 2 3 4 5 6 7 8 9 10 11')).toThrow(/at most 10/);
  });
});
