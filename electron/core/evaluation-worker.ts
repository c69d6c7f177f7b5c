/**
 * Worker-thread entry of evaluation-off-thread.ts: attaches to the run's evaluation twin, then measures each
 * snapshot it is sent, in the order sent, and posts the accuracies back.
 */
import { parentPort } from 'node:worker_threads';
import { evaluationShareSchema } from '../../shared/engine/wasm/fused-training';
import { errorMessage } from '../../shared/errors';
import { evaluationRequestSchema, type EvaluationReply } from './evaluation-protocol';
import { SnapshotEvaluator } from './snapshot-evaluator';

const port = parentPort;
if (!port) throw new Error('the evaluation worker must run in a worker thread');
let evaluator: SnapshotEvaluator | undefined;

const reply = (message: EvaluationReply): void => port.postMessage(message);

port.on('message', (value: unknown) => {
  try {
    const request = evaluationRequestSchema.parse(value);
    if (request.type === 'attach') {
      evaluator = new SnapshotEvaluator(evaluationShareSchema.parse(request.share));
      return;
    }
    if (!evaluator) throw new Error('a snapshot arrived before the network to evaluate it in');
    const started = performance.now();
    const { trainAcc, testAcc } = evaluator.measure(request.weights, request.biases);
    reply({ type: 'measured', id: request.id, trainAcc, testAcc, seconds: (performance.now() - started) / 1000 });
  } catch (error) {
    reply({ type: 'failed', message: errorMessage(error) });
  }
});
