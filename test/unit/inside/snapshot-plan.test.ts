/** Which evaluation points keep a snapshot: every one under the cap, every k-th and the last one above it. */
import { describe, expect, it } from 'vitest';
import { keepsSnapshot, plannedEvaluations, snapshotStride, SNAPSHOT_CAP_BYTES } from '../../../shared/inside/snapshot-plan';

const kept = (evaluations: number, stride: number): number[] =>
  Array.from({ length: evaluations }, (_, i) => i).filter((i) => keepsSnapshot(i, evaluations, stride));

describe('plannedEvaluations', () => {
  it("the book's run: 10 000 iterations at 600 per epoch measure at 0, 600, …, 9 600 and after 10 000: 18", () => {
    expect(plannedEvaluations(10_000, 600)).toBe(18);
  });
  it('600 iterations at 60 per epoch: 0, 60, …, 540 and the final one: 11', () => {
    expect(plannedEvaluations(600, 60)).toBe(11);
  });
  it('no final extra when the last iteration is itself a measurement (601 iterations, 60 per epoch: 0…600)', () => {
    expect(plannedEvaluations(601, 60)).toBe(11);
  });
  it('a fractional iters-per-epoch (6.5) measures where i % 6.5 == 0, i.e. every 13: 0, 13, 26 and the final', () => {
    expect(plannedEvaluations(30, 6.5)).toBe(4);
  });
  it('one iteration: one measurement; none: none', () => {
    expect(plannedEvaluations(1, 600)).toBe(1);
    expect(plannedEvaluations(0, 600)).toBe(0);
  });
});

describe('snapshotStride and keepsSnapshot', () => {
  it("the book's 784-50-10 in float32 (159 040 bytes) keeps all 18 snapshots", () => {
    const bytes = (784 * 50 + 50 + 50 * 10 + 10) * 4;
    expect(bytes).toBe(159_040);
    expect(snapshotStride(18, bytes)).toBe(1);
    expect(kept(18, 1)).toHaveLength(18);
  });
  it('10 snapshots of 10 bytes under a cap of 40 keep 0, 3, 6 and the last (9): 4 = cap / size', () => {
    const stride = snapshotStride(10, 10, 40);
    expect(stride).toBe(3);
    expect(kept(10, stride)).toEqual([0, 3, 6, 9]);
  });
  it('never more than the cap allows, and always the first and the last, over many sizes', () => {
    for (let evaluations = 2; evaluations < 60; evaluations++) {
      for (let fitting = 2; fitting < 40; fitting++) {
        const stride = snapshotStride(evaluations, 1, fitting);
        const k = kept(evaluations, stride);
        expect(k.length).toBeLessThanOrEqual(Math.min(evaluations, fitting));
        expect(k[0]).toBe(0);
        expect(k[k.length - 1]).toBe(evaluations - 1);
      }
    }
  });
  it('when not even two fit, only the last (the final weights) is kept', () => {
    expect(snapshotStride(5, 100, 150)).toBe(Number.POSITIVE_INFINITY);
    expect(kept(5, Number.POSITIVE_INFINITY)).toEqual([4]);
  });
  it('the cap is 64 MiB', () => {
    expect(SNAPSHOT_CAP_BYTES).toBe(67_108_864);
  });
});
