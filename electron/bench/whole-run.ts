/**
 * One whole default run (load MNIST, 10 000 iterations, 17 + 1 evaluations) in a fresh process, as
 * `python train_neuralnet.py` is one. Prints its peak resident memory, which only the process itself
 * can read (Node has no rusage for children), and the seconds its evaluations took (DESCENT_EVALUATION
 * says where they run: beside the training where a second core exists, or in-line).
 */
import { BOOK_DEFAULTS } from '../../shared/config';
import { runTrainingSession } from '../core/training-session';

const iterations = Number(process.argv[2] ?? BOOK_DEFAULTS.iterations);
const summary = await runTrainingSession({ ...BOOK_DEFAULTS, iterations, seed: 1 }, { runId: 'bench' });
process.stdout.write(
  `${JSON.stringify({
    testAcc: summary.testAcc,
    seconds: summary.seconds,
    evalSeconds: summary.evalSeconds,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  })}\n`,
);
