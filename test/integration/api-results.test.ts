/**
 * Every WorkbenchApi method of a real WorkbenchService (real store in a temp folder, real trainer
 * processes), called through the generated client and the shared dispatcher, its result checked against
 * the method table's result schema — as returned in process (Electron IPC keeps values as they are) and
 * after a JSON round trip (the browser bridge) — and every event against the event schema.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { invokeApi, parseApiCall, parseApiResult, workbenchEventSchema, type WorkbenchEvent } from '../../shared/api';
import { API_METHOD_NAMES, type ApiMethod } from '../../shared/api-methods';
import { createApiProxy } from '../../shared/api-proxy';
import { BOOK_DEFAULTS, type RunConfig } from '../../shared/config';
import { DEFAULT_PREFS } from '../../shared/ui-state';
import { RunManager } from '../../electron/core/run-manager';
import { RunStore } from '../../electron/core/store/run-store';
import { NodeTrainerHost } from '../../electron/core/trainer-host';
import { WorkbenchService } from '../../electron/core/workbench-service';

const home = mkdtempSync(join(tmpdir(), 'descent-api-results-'));
const manager = new RunManager({ store: new RunStore(home), host: new NodeTrainerHost(), concurrency: 2 });
const service = new WorkbenchService(manager, { version: 'test', transport: 'browser' });
afterAll(async () => {
  await manager.stopAll();
  rmSync(home, { recursive: true, force: true });
});

const called = new Set<ApiMethod>();
const problems: string[] = [];

/** The generated client over an in-process transport that does what both real transports do, and checks results. */
const api = createApiProxy(async (method, args) => {
  called.add(method);
  const parsed = parseApiCall(method, args);
  if (!parsed.ok) throw new Error(parsed.error);
  const value = await invokeApi(service, parsed.call);
  const direct = parseApiResult(method, value);
  if (!direct.ok) problems.push(direct.error);
  // The bridge sends results as JSON (and no `value` for a method without one).
  const wired = parseApiResult(method, value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
  if (!wired.ok) problems.push(`over JSON: ${wired.error}`);
  return value;
});

const events: WorkbenchEvent[] = [];
const eventProblems: string[] = [];
service.subscribe((event) => {
  events.push(event);
  for (const value of [event, JSON.parse(JSON.stringify(event))]) {
    const parsed = workbenchEventSchema.safeParse(value);
    if (!parsed.success)
      eventProblems.push(`${event.type}: ${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}`);
  }
});

const small = (change: Partial<RunConfig> = {}): RunConfig => ({
  ...BOOK_DEFAULTS,
  trainSize: 500,
  iterations: 20,
  seed: 3,
  ...change,
});
const until = (test: (e: WorkbenchEvent) => boolean): Promise<void> =>
  new Promise((resolve) => {
    const stop = service.subscribe((e) => {
      if (test(e)) {
        stop();
        resolve();
      }
    });
  });

describe('every WorkbenchApi result matches its schema', () => {
  it("through a run's whole life, a sweep, a gradient check, a deletion and a restore", async () => {
    expect((await api.appInfo()).transport).toBe('browser');
    expect(await api.listRuns()).toEqual({ runs: [], damaged: [] });

    const run = await api.startRun(small(), { name: 'checked', tags: ['a'] });
    await manager.whenIdle();
    const finished = await api.getRun(run.id);
    expect(finished.status).toBe('completed');
    expect(finished.summary?.iterations).toBe(20);
    const metrics = await api.getMetrics(run.id);
    expect(metrics.losses).toHaveLength(20);
    expect((await api.annotateRun(run.id, { notes: 'fine' })).notes).toBe('fine');

    // A long run to pause, resume and stop while it trains.
    const long = await api.startRun(small({ iterations: 1_000_000 }));
    await until((e) => e.type === 'progress' && e.id === long.id);
    const paused = until((e) => e.type === 'run-changed' && e.run.id === long.id && e.run.status === 'paused');
    await api.pauseRun(long.id);
    await paused;
    const resumed = until((e) => e.type === 'run-changed' && e.run.id === long.id && e.run.status === 'running');
    await api.resumeRun(long.id);
    await resumed;
    await api.stopRun(long.id);
    await manager.whenIdle();
    expect((await api.getRun(long.id)).summary?.status).toBe('stopped');

    const sweep = await api.startSweep({
      name: 'lr',
      base: small({ iterations: 10 }),
      parameter: 'learningRate',
      values: [0.01, 0.1],
      parallel: 1,
    });
    expect(sweep).toHaveLength(2);
    await manager.whenIdle();
    // One at a time, as asked: the second run started once the first had ended.
    const [first, second] = await Promise.all(sweep.map((r) => api.getRun(r.id)));
    expect(second.startedAt! >= first.endedAt!).toBe(true);

    // Repeats: one configuration over consecutive seeds as one group; a sweep over the same seeds for every value.
    const repeats = await api.startRepeats(small({ iterations: 10, seed: 7 }), 2, { name: 'twice' });
    expect(repeats.map((r) => [r.config.seed, r.group, r.name])).toEqual([
      [7, 'twice', 'twice: seed 7'],
      [8, 'twice', 'twice: seed 8'],
    ]);
    const paired = await api.startSweep({
      name: 'paired',
      base: small({ iterations: 10, seed: 5 }),
      parameter: 'learningRate',
      values: [0.01, 0.1],
      repeat: 2,
    });
    expect(paired.map((r) => [r.config.learningRate, r.config.seed, r.name])).toEqual([
      [0.01, 5, 'paired: lr 0.01 · seed 5'],
      [0.01, 6, 'paired: lr 0.01 · seed 6'],
      [0.1, 5, 'paired: lr 0.1 · seed 5'],
      [0.1, 6, 'paired: lr 0.1 · seed 6'],
    ]);
    await manager.whenIdle();

    const report = await api.gradientCheck(small({ layers: [784, 10, 10] }), 2);
    expect(report.parameters.map((p) => p.name)).toEqual(['W1', 'b1', 'W2', 'b2']);

    // The Inside view: 20 iterations at 5 per epoch keep snapshots after 0, 5, 10, 15 and 20.
    const snapshots = await api.listSnapshots(run.id);
    expect(snapshots.snapshots.map((x) => x.iteration)).toEqual([0, 5, 10, 15, 20]);
    expect((await api.snapshotWeights(run.id, 20)).parameters.map((p) => p.name)).toEqual(['W1', 'b1', 'W2', 'b2']);
    const analysis = await api.insideAnalysis(run.id, 20);
    expect(analysis.confusion.flat().reduce((a, b) => a + b, 0)).toBe(10_000);
    expect((await api.perClassHistory(run.id)).points).toHaveLength(5);
    expect((await api.testImages(run.id, [0])).images[0].label).toBe(7);

    // The Lab's pages on a stored run: the run trained on its first 500 images, which are its training set here.
    const study = await api.labMiniBatches(run.id, { draws: 10, seed: 1 });
    expect([study.trainCount, study.trained.batches.length]).toEqual([500, 10]);
    const line = await api.labWeightLine(run.id, { layer: 2, row: 0, col: 0, span: 1, points: 5, images: 50 });
    expect(line.points).toHaveLength(5);

    // The page's saved state, in the store's home: none until saved, then what was saved.
    expect(await api.getUiState()).toBeNull();
    const uiState = {
      selected: [run.id],
      view: 'compare' as const,
      labPage: 'gradient' as const,
      prefs: { ...DEFAULT_PREFS, logY: true },
      form: null,
      sweep: {
        parameter: 'learningRate' as const,
        valuesText: '0.01, 0.1, 1',
        name: 'lr for the report',
        iterations: '300',
        repeatText: '1',
        parallelText: '',
      },
      locale: 'ja' as const,
    };
    await api.setUiState(uiState);
    expect(await api.getUiState()).toEqual(uiState);

    await api.deleteRun(run.id);
    expect((await api.restoreRun(run.id)).id).toBe(run.id);
    expect((await api.listRuns()).runs).toHaveLength(10);

    expect(problems).toEqual([]);
    expect([...called].sort()).toEqual([...API_METHOD_NAMES].sort());
  }, 120_000);

  it('and so does every event the backend published meanwhile', () => {
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(['run-added', 'run-changed', 'run-removed', 'progress', 'epoch']));
    expect(eventProblems).toEqual([]);
  });
});
