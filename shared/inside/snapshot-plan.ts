/**
 * Which evaluation points keep a parameter snapshot. Every one does while a run's snapshots fit the cap
 * (the book's 784-50-10 net in float32 is 159 kB a snapshot: 18 of them are 2.9 MB); a bigger network keeps
 * every k-th evaluation, k the smallest stride that fits, and always the last one (the final weights).
 */

/** At most this many bytes of snapshots per run (64 MiB). */
export const SNAPSHOT_CAP_BYTES = 64 * 1024 * 1024;

/**
 * How many accuracy measurements a run of `iterations` makes: one at every i in [0, iterations) with
 * `i % itersPerEpoch == 0` (as the training loop tests it, with a fractional itersPerEpoch too), plus the
 * final one after the last iteration unless the last iteration was itself a measurement.
 */
export function plannedEvaluations(iterations: number, itersPerEpoch: number): number {
  if (iterations <= 0) return 0;
  let count = 0;
  for (let i = 0; i < iterations; i++) if (i % itersPerEpoch === 0) count++;
  return (iterations - 1) % itersPerEpoch === 0 ? count : count + 1;
}

/**
 * The stride k between kept snapshots: 1 when all `evaluations` snapshots of `snapshotBytes` fit in
 * `capBytes`; else the smallest k for which evaluations 0, k, 2k, … (those before the last) plus the last
 * fit. Infinity when only the last one fits (or not even that: the final weights are kept regardless).
 */
export function snapshotStride(evaluations: number, snapshotBytes: number, capBytes = SNAPSHOT_CAP_BYTES): number {
  if (evaluations * snapshotBytes <= capBytes) return 1;
  const fitting = Math.floor(capBytes / snapshotBytes);
  if (fitting < 2) return Number.POSITIVE_INFINITY;
  // Multiples of k below the last index: floor((N - 2) / k) + 1 ≤ fitting - 1 when k ≥ (N - 1) / (fitting - 1).
  return Math.ceil((evaluations - 1) / (fitting - 1));
}

/** True if evaluation `index` (0-based, of `evaluations`) keeps its snapshot under `stride`. */
export function keepsSnapshot(index: number, evaluations: number, stride: number): boolean {
  return index === evaluations - 1 || (Number.isFinite(stride) && index % stride === 0);
}
