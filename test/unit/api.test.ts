import { describe, expect, it } from 'vitest';
import { logSpaced, parseApiArguments, spreadTimes, sweepConfigs, workbenchEventSchema } from '../../shared/api';
import { BOOK_DEFAULTS } from '../../shared/config';
import { GRADIENT_CHECK_MAX_BATCH } from '../../shared/engine/gradcheck';
import { csvField, historiesToCsv } from '../../shared/export';
import { runRecordSchema } from '../../shared/run-record';
import { runSummarySchema } from '../../shared/summary';
import { makeRecord, makeSummary } from '../support/runs';

describe('WorkbenchApi argument validation (both transports use it)', () => {
  it('accepts valid calls', () => {
    expect(parseApiArguments('listRuns', [])).toEqual({ ok: true, call: { method: 'listRuns', args: [] } });
    expect(parseApiArguments('stopRun', ['20261128-103400-3f9a1c']).ok).toBe(true);
    expect(parseApiArguments('startRun', [BOOK_DEFAULTS, { name: 'x' }]).ok).toBe(true);
  });

  const bad: Array<[string, unknown, RegExp]> = [
    ['stopRun', ['../../etc/passwd'], /stopRun: argument 0: must be a run id/],
    ['stopRun', [], /stopRun: argument/],
    ['stopRun', ['20261128-103400-3f9a1c', 'extra'], /stopRun: argument/],
    [
      'startRun',
      [{ ...BOOK_DEFAULTS, batchSize: -5 }],
      /startRun: argument 0\.batchSize: must be a whole number from 1 to 60000, got -5/,
    ],
    ['startRun', [{ ...BOOK_DEFAULTS, learningRate: Number.NaN }], /learningRate: must be a number greater than 0/],
    ['startRun', [BOOK_DEFAULTS, { name: 'x'.repeat(201) }], /at most 200 characters/],
    ['startRun', [BOOK_DEFAULTS, { admin: true }], /startRun: argument 1/],
    ['gradientCheck', [BOOK_DEFAULTS, GRADIENT_CHECK_MAX_BATCH + 1], /gradientCheck: argument 1/],
    ['deleteEverything', [], /unknown method "deleteEverything"/],
    ['listRuns', 'not an array', /listRuns: argument/],
  ];
  for (const [method, args, message] of bad) {
    it(`rejects ${method}(${JSON.stringify(args).slice(0, 40)})`, () => {
      const result = parseApiArguments(method, args);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(message);
    });
  }
});

describe('sweeps', () => {
  it('log-spaced learning rates 0.001 … 10', () => {
    expect(logSpaced(0.001, 10)).toEqual([0.001, 0.01, 0.1, 1, 10]);
    expect(logSpaced(0.01, 1, 2)).toEqual([0.01, 0.0316, 0.1, 0.316, 1]);
  });

  it('one configuration per value, sharing one seed; hidden sizes become layers', () => {
    const configs = sweepConfigs({ name: 's', base: BOOK_DEFAULTS, parameter: 'learningRate', values: [0.01, 0.1] });
    expect(configs.map((c) => c.learningRate)).toEqual([0.01, 0.1]);
    expect(configs[0].seed).toBeDefined();
    expect(configs[1].seed).toBe(configs[0].seed);
    expect(
      sweepConfigs({ name: 's', base: { ...BOOK_DEFAULTS, seed: 7 }, parameter: 'hidden', values: [20, 100] }).map((c) => [
        c.layers,
        c.seed,
      ]),
    ).toEqual([
      [[784, 20, 10], 7],
      [[784, 100, 10], 7],
    ]);
  });

  it('a value outside its range names the parameter and the value', () => {
    expect(() => sweepConfigs({ name: 's', base: BOOK_DEFAULTS, parameter: 'batchSize', values: [100, 0] })).toThrow(
      'batchSize = 0: batchSize: must be a whole number from 1 to 60000, got 0',
    );
  });
});

describe('tidy CSV export', () => {
  it('one row per iteration, accuracy where measured, a row for the final measurement, quoting names', () => {
    const csv = historiesToCsv([
      {
        id: 'r1',
        name: 'lr 0.1, "book"',
        iterations: [0, 1],
        losses: [2.3, 2.2],
        epochs: [
          { iteration: 0, epoch: 0, trainAcc: 0.1, testAcc: 0.11 },
          { iteration: 2, epoch: 0.5, trainAcc: 0.2, testAcc: 0.21 },
        ],
      },
    ]);
    // Smoothed at 0.6, debiased: 2.3, then (0.6·0.4·2.3 + 0.4·2.2) / (1 − 0.36) = 2.2375.
    expect(csv).toBe(
      'run,name,iteration,epoch,loss,loss_smoothed,smoothing,train_acc,test_acc\n' +
        'r1,"lr 0.1, ""book""",0,0,2.3,2.3,0.6,0.1,0.11\n' +
        'r1,"lr 0.1, ""book""",1,,2.2,2.2375,0.6,,\n' +
        'r1,"lr 0.1, ""book""",2,0.5,,,0.6,0.2,0.21\n',
    );
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField(null)).toBe('');
  });
});

describe('method names', () => {
  it("the preload's list of methods is exactly the method table's keys, in the same order", async () => {
    const { API_METHOD_NAMES } = await import('../../shared/api-methods');
    const { workbenchMethods } = await import('../../shared/api');
    expect([...API_METHOD_NAMES]).toEqual(Object.keys(workbenchMethods));
  });
});

describe('time stamps', () => {
  it("a batch's time is spread evenly over its iterations, ending at the stamp", () => {
    expect(spreadTimes(1, 2, 4)).toEqual([1.25, 1.5, 1.75, 2]);
    expect(spreadTimes(0, undefined, 2).every(Number.isNaN)).toBe(true);
  });
});

describe('run ids in events, records and summaries', () => {
  const id = '20261128-103400-3f9a1c';
  const events = (runId: string) => [
    { type: 'run-removed', id: runId },
    { type: 'progress', id: runId, iterations: [0], losses: [2.3], seconds: 0.1 },
    { type: 'epoch', id: runId, epoch: { iteration: 0, epoch: 0, trainAcc: 0.1, testAcc: 0.1 } },
    { type: 'warning', id: runId, message: 'the trainer did not stop in time and was killed' },
  ];

  it('every event naming a run takes a run id, and only a run id (a path or a made-up name is refused)', () => {
    for (const event of events(id)) expect(workbenchEventSchema.safeParse(event).success).toBe(true);
    for (const bad of ['../../x', 'r1', '', `${id}/..`]) {
      for (const event of events(bad)) {
        const parsed = workbenchEventSchema.safeParse(event);
        expect(parsed.success, `${event.type} with id ${JSON.stringify(bad)}`).toBe(false);
      }
    }
  });

  it("a run's record and its summary name it by a run id", () => {
    expect(runSummarySchema.safeParse(makeSummary({ runId: id })).success).toBe(true);
    expect(runSummarySchema.safeParse(makeSummary({ runId: 'r1' })).error?.issues[0]).toMatchObject({
      path: ['runId'],
      message: 'must be a run id like 20261128-103400-3f9a1c',
    });
    expect(runRecordSchema.safeParse(makeRecord({ id: '../../x' })).error?.issues[0]).toMatchObject({ path: ['id'] });
  });
});
