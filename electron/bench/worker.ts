/**
 * A benchmark worker process: loads MNIST once, then answers one JSON task per stdin line with one
 * JSON result per stdout line (the same protocol as scripts/numpy_bench.py).
 */
import { createInterface } from 'node:readline';
import { bundledMnistFolder, loadIdxDataset } from '../core/datasets';
import { runBenchTask, type BenchTask } from './tasks';
import { errorMessage } from '../../shared/errors';

const data = loadIdxDataset(bundledMnistFolder());
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  try {
    const result = runBenchTask(JSON.parse(line) as BenchTask, data);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ error: errorMessage(error) })}\n`);
  }
}
