/**
 * Evaluation on a second core (issue 15): the book measures train and test accuracy after update i of every
 * epoch — 18 passes over 70 000 images in a default run, a quarter of its time. A run whose network is
 * resident in a shared WebAssembly memory hands each measurement to a worker thread instead: it posts a copy
 * of the weights (160 kB for 784-50-10 in float32) and trains on while the worker counts, in an instance of
 * the same module reading the same pixel lists (no second copy of them), so the accuracies are exactly the
 * in-line ones. Snapshots are measured one after another in the order posted; the session reports each when
 * it arrives, in the run's order (training-session.ts).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FloatArray } from '../../shared/engine/tensor';
import { evaluationReplySchema, type EvaluationRequest } from './evaluation-protocol';
import type { SnapshotAccuracy } from './snapshot-evaluator';
import { presentWorkerSource } from './worker-thread';

const PLACES = ['auto', 'inline', 'worker'] as const;
/** Where a run measures its accuracies: `auto` is a worker thread where this process may use more than one core. */
export type EvaluationPlace = (typeof PLACES)[number];

/**
 * The place `DESCENT_EVALUATION` names (`auto` when unset): `inline` measures in the training thread as on one
 * core, e.g. to compare the two.
 */
export function evaluationPlaceFromEnvironment(env: NodeJS.ProcessEnv = process.env): EvaluationPlace {
  const value = env.DESCENT_EVALUATION;
  if (value === undefined || value === '') return 'auto';
  const place = PLACES.find((p) => p === value);
  if (!place) throw new Error(`DESCENT_EVALUATION must be one of ${PLACES.join(', ')}, got ${JSON.stringify(value)}`);
  return place;
}

/** True when `place` asks for the worker thread here (`auto`: more than one core available to this process, taskset included). */
export function evaluatesOffThread(place: EvaluationPlace): boolean {
  return place === 'worker' || (place === 'auto' && availableParallelism() > 1);
}

/**
 * The evaluation worker for a run measured at `place`, started; undefined where the run measures in-line (one
 * core, `inline`), or where this build has no worker entry (the run then measures in-line rather than fail).
 */
export function startEvaluationWorker(place: EvaluationPlace): OffThreadEvaluation | undefined {
  const source = evaluatesOffThread(place) ? presentWorkerSource('evaluation-worker') : null;
  return source ? new OffThreadEvaluation(source) : undefined;
}

/** One measurement's accuracies and the seconds the worker spent on it. */
export type OffThreadMeasurement = SnapshotAccuracy & { readonly seconds: number };

/** An evaluation worker serving one run. */
export class OffThreadEvaluation {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (m: OffThreadMeasurement) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  private failure: Error | undefined;

  /** Starts the worker at once (its start overlaps the run's loading); `attach` gives it the network. */
  constructor(source: { code: string | URL; eval: boolean }) {
    this.worker = new Worker(source.code, { eval: source.eval });
    // Idle, it keeps no process alive; while a measurement is awaited it does (see measure).
    this.worker.unref();
    this.worker.on('message', (value: unknown) => this.receive(value));
    this.worker.on('error', (error) => this.fail(new Error(`the evaluation worker failed (${error.message})`)));
    this.worker.on('exit', (code) => this.fail(new Error(`the evaluation worker ended (exit code ${code})`)));
  }

  /** The network to measure in: a resident network's evaluationShare. */
  attach(share: object): void {
    this.post({ type: 'attach', share });
  }

  /** Measures a snapshot (arrays the caller gives up: they are transferred, not copied). */
  measure(weights: FloatArray[], biases: FloatArray[]): Promise<OffThreadMeasurement> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const result = new Promise<OffThreadMeasurement>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    if (this.waiting.size === 1) this.worker.ref();
    const buffers = [...weights, ...biases].map((a) => a.buffer as ArrayBuffer);
    this.post({ type: 'measure', id, weights, biases }, buffers);
    return result;
  }

  /** Ends the worker; measurements still awaited are rejected. */
  async close(): Promise<void> {
    this.fail(new Error('the evaluation worker was closed'));
    await this.worker.terminate();
  }

  private post(request: EvaluationRequest, transfer: ArrayBuffer[] = []): void {
    this.worker.postMessage(request, transfer);
  }

  private receive(value: unknown): void {
    const parsed = evaluationReplySchema.safeParse(value);
    if (!parsed.success) return this.fail(new Error('the evaluation worker sent a malformed reply'));
    const reply = parsed.data;
    if (reply.type === 'failed') return this.fail(new Error(`evaluation failed: ${reply.message}`));
    const waiter = this.waiting.get(reply.id);
    if (!waiter) return this.fail(new Error(`the evaluation worker answered a measurement never asked for (${reply.id})`));
    this.waiting.delete(reply.id);
    if (this.waiting.size === 0) this.worker.unref();
    waiter.resolve({ trainAcc: reply.trainAcc, testAcc: reply.testAcc, seconds: reply.seconds });
  }

  /** Rejects every awaited measurement and every later one with `error` (the first failure wins). */
  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.waiting.values()) waiter.reject(this.failure);
    this.waiting.clear();
    this.worker.unref();
  }
}
