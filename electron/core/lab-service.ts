/**
 * The backend of the Lab's pages that use a stored run (§4.2.3 mini-batches, §4.2.5 one weight of a trained
 * network): finds the run's dataset and weights and computes in a worker thread.
 */
import { existsSync } from 'node:fs';
import { datasetFolder } from './datasets';
import { runLabJobOffThread } from './lab-off-thread';
import type { RunStore } from './store/run-store';
import type { MiniBatchRequest, MiniBatchStudy, WeightLine, WeightLineRequest } from '../../shared/lab/lab-schemas';

export class LabService {
  constructor(private readonly store: RunStore) {}

  /** The loss of the whole training set and its mini-batch estimates, for the run's initial and final weights. */
  async miniBatches(id: string, request: MiniBatchRequest): Promise<MiniBatchStudy> {
    const reply = await runLabJobOffThread({ type: 'mini-batches', run: this.storedRun(id), request });
    if (reply.type !== 'mini-batches') throw new Error("the Lab's worker answered another job");
    return reply.study;
  }

  /** Loss and accuracy of the run's final network as one of its weights moves. */
  async weightLine(id: string, request: WeightLineRequest): Promise<WeightLine> {
    const reply = await runLabJobOffThread({ type: 'weight-line', run: this.storedRun(id), request });
    if (reply.type !== 'weight-line') throw new Error("the Lab's worker answered another job");
    return reply.line;
  }

  /** What a worker needs of run `id`; refuses a run without final weights. */
  private storedRun(id: string) {
    const record = this.store.read(id);
    const weightsBase = this.store.weightsBase(id);
    if (!existsSync(`${weightsBase}.json`)) throw new Error(`run ${id} has no final weights (it has not finished)`);
    return {
      runId: id,
      folder: datasetFolder(record.config.dataset),
      weightsBase,
      weightInit: record.config.weightInit,
      seed: record.config.seed,
      trainSize: record.config.trainSize,
    };
  }
}
