/** A long run's metrics file, written fast: what a run of millions of iterations leaves in the store (bench and tests). */
import { closeSync, openSync, writeSync } from 'node:fs';

/** The loss the generated history records at iteration `i` (smooth decay plus a wiggle, so min ≠ max). */
export const lossAt = (i: number): number => 2.3 * Math.exp(-i / 1e6) + 0.01 * Math.sin(i);

/** Batches of this many iterations per progress line, as a fast trainer sends them. */
export const ITERATIONS_PER_LINE = 2000;
/** An epoch line after every this many iterations (60 000 images, batches of 100). */
export const ITERATIONS_PER_EPOCH = 600;

/**
 * Writes `iterations` iterations to `path` as progress lines (stamped 50 000 iterations a second) with
 * an epoch line at every epoch boundary that ends a batch.
 */
export function writeLongHistory(path: string, iterations: number, from = 0): void {
  const fd = openSync(path, 'a');
  try {
    let text = '';
    for (let start = from; start < from + iterations; start += ITERATIONS_PER_LINE) {
      const n = Math.min(ITERATIONS_PER_LINE, from + iterations - start);
      const its = Array.from({ length: n }, (_, k) => start + k);
      text += `${JSON.stringify({ type: 'progress', iterations: its, losses: its.map(lossAt), seconds: (start + n) / 50_000 })}\n`;
      const end = start + n;
      if (end % (ITERATIONS_PER_EPOCH * 10) === 0) {
        text += `${JSON.stringify({ type: 'epoch', iteration: end, epoch: end / ITERATIONS_PER_EPOCH, trainAcc: 0.9, testAcc: 0.89, seconds: end / 50_000 })}\n`;
      }
      if (text.length > 8 * 1024 * 1024) {
        writeSync(fd, text);
        text = '';
      }
    }
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}
