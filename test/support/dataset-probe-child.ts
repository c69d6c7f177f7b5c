/**
 * Runs dataset operations on folders in a child process and prints one JSON line for each: whether it
 * succeeded (or its error), the child's peak memory so far and the operation's time. Tests start it under a memory cap
 * (`runDatasetOperationsCapped`), so a regression that reads `/dev/zero` or inflates a gzip bomb fails the
 * test instead of taking down the machine.
 */
import { loadIdxDataset, loadTrainingPrefix, probeIdxDataset } from '../../electron/core/datasets';
import { probeDatasetOffThread } from '../../electron/core/dataset-probe';

/** What the child prints. */
export interface DatasetOperationOutcome {
  readonly ok: boolean;
  readonly error?: string;
  /** Peak resident memory of the child up to the end of this operation, in MiB. */
  readonly peakMiB: number;
  readonly seconds: number;
}

const operations = {
  probe: async (folder: string) => void probeIdxDataset(folder),
  load: async (folder: string) => void loadIdxDataset(folder),
  prefix: async (folder: string) =>
    void (await loadTrainingPrefix(folder, { trainCount: 60000, testCount: 10000, features: 784, classes: 10 }, 100)),
  'probe-off-thread': async (folder: string) => void (await probeDatasetOffThread(folder, { timeoutMs: 5000 })),
};

/** Arguments: pairs of an operation and a folder; one JSON line per pair, in order. */
const args = process.argv.slice(2);
for (let i = 0; i + 1 < args.length; i += 2) {
  const [operation, folder] = [args[i] as keyof typeof operations, args[i + 1]];
  const started = performance.now();
  let error: string | undefined;
  try {
    await operations[operation](folder);
  } catch (caught) {
    error = (caught as Error).message;
  }
  const outcome: DatasetOperationOutcome = {
    ok: error === undefined,
    ...(error === undefined ? {} : { error }),
    peakMiB: process.resourceUsage().maxRSS / 1024,
    seconds: (performance.now() - started) / 1000,
  };
  process.stdout.write(`${JSON.stringify(outcome)}\n`);
}
