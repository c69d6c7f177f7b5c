/**
 * Runs in a child process with a small heap (see run-store.test.ts): reads the chart's view of a run's
 * history and prints its shape, so the test can tell that a long history is summarised in bounded memory.
 */
import { RunStore } from '../../electron/core/store/run-store';

const [home, id] = process.argv.slice(2);
const metrics = await new RunStore(home).chartMetrics(id);
process.stdout.write(
  `${JSON.stringify({ points: metrics.losses.length, epochs: metrics.epochs.length, warnings: metrics.warnings, heapMiB: process.memoryUsage().heapUsed / 2 ** 20 })}\n`,
);
