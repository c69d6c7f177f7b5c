import { describe, expect, it } from 'vitest';
import { listedName, shownName } from '../../../renderer/src/lib/run-name';
import { formatDate, language } from '../../../renderer/src/lib/i18n';
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
  const config = { ...makeRecord().config, learningRate: 2, seed: 7 };
  const named = (name: string, group: string | null) => ({ name, group, config });

  it("a sweep's runs drop the sweep's name, which heads their group; other runs keep theirs", () => {
    expect(listedName(named('sweep 2026-11-30 20:51:51: lr 2', 'sweep 2026-11-30 20:51:51'))).toBe('lr 2');
    expect(listedName(named('renamed by hand', 'sweep A'))).toBe('renamed by hand');
    expect(listedName(named('sweep A: ', 'sweep A'))).toBe('sweep A: ');
    expect(listedName(named('784-50-10 sigmoid, lr 0.1', null))).toBe('784-50-10 sigmoid, lr 0.1');
  });

  it('automatic names (stored in English) are shown in the page language; names the user typed are shown as typed', () => {
    const book = { ...config, learningRate: 0.1 };
    // A repeat group named by the backend (UTC) is shown at the page's local time, as the page writes dates.
    const at = () => formatDate('2026-12-01T10:00:00Z', { dateStyle: 'short', timeStyle: 'medium' });
    const shown = () => [
      shownName({ name: '784-50-10 sigmoid · lr 0.1 · seed 7', group: null, config: book }),
      listedName(named('sweep A: lr 2', 'sweep A')),
      listedName(named('sweep A: lr 2 · seed 7', 'sweep A')),
      listedName({ name: 'sweep A: batchSize 100', group: 'sweep A', config }),
      listedName({ name: 'sweep A: hidden 100', group: 'sweep A', config: { ...config, layers: [784, 100, 10] } }),
      shownName(named('repeat 2026-12-01 10:00:00: seed 7', 'repeat 2026-12-01 10:00:00')),
      // Not what the backend would have named this run (another learning rate): the user's, as typed.
      shownName({ name: '784-50-10 sigmoid · lr 0.5 · seed 7', group: null, config: book }),
    ];
    expect(shown()).toEqual([
      '784-50-10 sigmoid · lr 0.1 · seed 7',
      'lr 2',
      'lr 2 · seed 7',
      'batch 100',
      '784-100-10',
      `repeat ${at()}: seed 7`,
      '784-50-10 sigmoid · lr 0.5 · seed 7',
    ]);
    language.chosen = 'zh-CN';
    try {
      expect(shown()).toEqual([
        '784-50-10 sigmoid · 学习率 0.1 · 随机种子 7',
        '学习率 2',
        '学习率 2 · 随机种子 7',
        'mini-batch 100',
        '784-100-10',
        `重复训练 ${at()}: 随机种子 7`,
        '784-50-10 sigmoid · lr 0.5 · seed 7',
      ]);
    } finally {
      language.chosen = null;
    }
  });
});

describe('niceCeiling', () => {
  it('rounds up to a round multiple of a power of ten', () => {
    expect([3.09, 2.3, 2, 0.7, 0.0012, 7, 10, 11, 0.33].map(niceCeiling)).toEqual([4, 2.5, 2, 0.8, 0.0015, 8, 10, 15, 0.4]);
  });
});
