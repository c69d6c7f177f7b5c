import { describe, expect, it } from 'vitest';
import { listedName } from '../../../renderer/src/lib/run-name';
import {
  compareLabels,
  configDiff,
  niceCeiling,
  sharedDescription,
  summaryRow,
  sweptField,
  sweptValue,
} from '../../../renderer/src/lib/compare';
import { runConfigSchema } from '../../../shared/config';
import { makeRecord, makeSummary } from '../../support/runs';

const withConfig = (change: object, seed = 1) => makeRecord({ config: { ...makeRecord().config, ...change, seed } });

describe('compare tables', () => {
  it('config diff marks exactly the fields that differ', () => {
    const runs = [withConfig({ learningRate: 0.01 }), withConfig({ learningRate: 0.1 })];
    const rows = configDiff(runs);
    expect(rows.filter((r) => r.differs).map((r) => r.field)).toEqual(['learningRate']);
    expect(rows.find((r) => r.field === 'layers')!.values).toEqual(['784-50-10', '784-50-10']);
    expect(rows.find((r) => r.field === 'trainSize')!.values).toEqual(['all', 'all']);
  });

  it('lists every field of the run configuration, so no difference goes unshown', () => {
    expect(
      configDiff([withConfig({})])
        .map((r) => r.field)
        .sort(),
    ).toEqual(Object.keys(runConfigSchema.shape).sort());
  });

  it('runs that differ only in loss timing: the diff, the labels and the sweep field say so', () => {
    const runs = [withConfig({ lossTiming: 'after-update' }), withConfig({ lossTiming: 'before-update' })];
    expect(
      configDiff(runs)
        .filter((r) => r.differs)
        .map((r) => r.field),
    ).toEqual(['lossTiming']);
    expect([...compareLabels(runs).values()]).toEqual(['after-update', 'before-update']);
    // The default timing is left out of a figure's subtitle, as the book's other usual values are.
    expect(sharedDescription([withConfig({ lossTiming: 'after-update' })])).not.toContain('after-update');
  });

  it("finds a sweep's parameter, ignoring seeds, and reads its values (hidden size for layers)", () => {
    expect(sweptField([withConfig({ learningRate: 0.01 }, 1), withConfig({ learningRate: 1 }, 2)])).toBe('learningRate');
    expect(sweptField([withConfig({ learningRate: 0.01, batchSize: 50 }), withConfig({ learningRate: 1 })])).toBeNull();
    expect(sweptField([withConfig({})])).toBeNull();
    expect(sweptValue(withConfig({ layers: [784, 80, 10] }), 'layers')).toBe(80);
    expect(sweptValue(withConfig({ layers: [784, 80, 40, 10] }), 'layers')).toBeNull();
  });

  it("summary rows read the run's summary and last measurement", () => {
    const run = makeRecord({
      lastEpoch: { iteration: 100, epoch: 1, trainAcc: 0.9, testAcc: 0.89 },
      summary: makeSummary({
        finalLoss: 0.3,
        meanLossLast100: null,
        bestTestAcc: 0.9,
        bestTestAccIteration: 80,
        itersPerSec: 500,
      }),
    });
    expect(summaryRow(run)).toMatchObject({
      finalLoss: 0.3,
      testAcc: 0.89,
      trainAcc: 0.9,
      bestTestAcc: 0.9,
      bestTestAccIteration: 80,
      itersPerSec: 500,
      meanLossLast100: null,
    });
  });
});

describe('listed run names', () => {
  it("a sweep's runs drop the sweep's name, which heads their group; other runs keep theirs", () => {
    expect(listedName({ name: 'sweep 2026-11-30 20:51:51: lr 2', group: 'sweep 2026-11-30 20:51:51' })).toBe('lr 2');
    expect(listedName({ name: 'renamed by hand', group: 'sweep A' })).toBe('renamed by hand');
    expect(listedName({ name: 'sweep A: ', group: 'sweep A' })).toBe('sweep A: ');
    expect(listedName({ name: '784-50-10 sigmoid, lr 0.1', group: null })).toBe('784-50-10 sigmoid, lr 0.1');
  });
});

describe('niceCeiling', () => {
  it('rounds up to a round multiple of a power of ten', () => {
    expect([3.09, 2.3, 2, 0.7, 0.0012, 7, 10, 11, 0.33].map(niceCeiling)).toEqual([4, 2.5, 2, 0.8, 0.0015, 8, 10, 15, 0.4]);
  });
});
