/**
 * How a finished run went beyond its status — diverged, or did not learn — defined once for the run list,
 * the compare view and the repeat groups' counts ("2 diverged / 1 did not learn of 5").
 */
import type { RunRecord } from './run-record';

/** Test accuracy within this of chance (1/classes) counts as chance. */
const CHANCE_MARGIN = 0.05;

/**
 * The loss of a uniform guess over `classes`, where a network that learns nothing stays: ln(classes) for
 * cross-entropy (ln 10 ≈ 2.30 for digits), ½·(1 − 1/classes) for mean squared error.
 */
export function chanceLoss(loss: string, classes: number): number {
  return loss === 'mse' ? 0.5 * (1 - 1 / classes) : Math.log(classes);
}

/**
 * How a finished run went, beyond its status: `diverged` (a non-finite loss stopped it) or `did not learn`
 * (completed, yet test accuracy within 5 points of chance, 1/classes, and the loss no more than 0.1 below a
 * uniform guess's, `chanceLoss`) — a learning rate far too small, or so large that the loss jumps about
 * without overflowing. Null otherwise.
 */
export function learningVerdict(run: RunRecord): 'diverged' | 'did not learn' | null {
  if (run.status === 'diverged') return 'diverged';
  if (run.status !== 'completed') return null;
  const classes = run.config.layers[run.config.layers.length - 1];
  const loss = run.summary?.meanLossLast100 ?? run.summary?.finalLoss ?? null;
  const testAcc = run.lastEpoch?.testAcc ?? null;
  if (loss === null || testAcc === null || !(classes > 1)) return null;
  const nearChance = testAcc <= 1 / classes + CHANCE_MARGIN;
  // Stuck at a uniform guess's loss, or worse (a rate so large the loss jumps about above it without overflowing).
  const stuck = loss >= chanceLoss(run.config.loss, classes) - 0.1;
  return nearChance && stuck ? 'did not learn' : null;
}
