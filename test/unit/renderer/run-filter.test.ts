import { afterEach, describe, expect, it } from 'vitest';
import { BOOK_DEFAULTS } from '../../../shared/config';
import type { RunRecord } from '../../../shared/run-record';
import { matchesFilter } from '../../../renderer/src/lib/run-filter';
import { language } from '../../../renderer/src/lib/i18n';
import { checkSweepValues } from '../../../renderer/src/lib/sweep-values';
import { makeRecord } from '../../support/runs';

const run = (name: string, change: object, extra: Partial<RunRecord> = {}) =>
  makeRecord({ name, config: { ...makeRecord().config, ...change, seed: 3 }, ...extra });
const runs = [
  run('baseline', { learningRate: 0.1 }, { tags: ['book'] }),
  run('fast', { learningRate: 1, activation: 'relu' }, { group: 'lrs' }),
  run('wide', { learningRate: 0.1, layers: [784, 100, 10], batchSize: 50 }, { status: 'failed' }),
];
const names = (query: string) => runs.filter((r) => matchesFilter(r, query)).map((r) => r.name);

describe('run filter', () => {
  it('matches any text on the card: name, status, network, activation, tag, sweep', () => {
    expect(names('')).toEqual(['baseline', 'fast', 'wide']);
    expect(names('relu')).toEqual(['fast']);
    expect(names('784-100-10')).toEqual(['wide']);
    expect(names('FAILED')).toEqual(['wide']);
    expect(names('book')).toEqual(['baseline']);
    expect(names('lrs')).toEqual(['fast']);
  });

  it('ANDs its words', () => {
    expect(names('lr 0.1')).toEqual(['baseline', 'wide']);
    expect(names('0.1 failed')).toEqual(['wide']);
    // "50" is on every book network's card (784-50-10): a field filter says which field is meant.
    expect(names('batch 50')).toEqual(['baseline', 'fast', 'wide']);
    expect(names('relu book')).toEqual([]);
  });

  it('field filters compare one field, numbers as numbers', () => {
    expect(names('lr:0.1')).toEqual(['baseline', 'wide']);
    expect(names('lr:0.10 batch:50')).toEqual(['wide']);
    expect(names('lr:1')).toEqual(['fast']);
    expect(names('act:relu')).toEqual(['fast']);
    expect(names('tag:book')).toEqual(['baseline']);
    expect(names('status:comp')).toEqual(['baseline', 'fast']);
  });

  it('matches the card as shown in the page language, the id, and field filters in every language', () => {
    language.chosen = 'zh-CN';
    try {
      // The card says "学习率 0.1 · mini-batch 50 · 784-100-10 sigmoid" and "失败".
      expect(names('学习率 0.1')).toEqual(['baseline', 'wide']);
      expect(names('784-100-10')).toEqual(['wide']);
      expect(names('失败')).toEqual(['wide']);
      expect(names('随机种子 3')).toEqual(['baseline', 'fast', 'wide']);
      // English words the page does not show find nothing; field filters keep their names and stored values.
      expect(names('failed')).toEqual([]);
      expect(names('status:failed')).toEqual(['wide']);
      expect(names('status:失败')).toEqual(['wide']);
      expect(names('lr:1')).toEqual(['fast']);
      expect(names(runs[1].id.slice(-6))).toEqual(['fast']);
      language.chosen = 'ja';
      expect(names('学習率 0.1 ミニバッチ')).toEqual(['baseline', 'wide']);
    } finally {
      language.chosen = null;
    }
  });

  it('an automatic name is matched as shown: in Chinese its words are the page’s', () => {
    const auto = makeRecord({ name: '784-50-10 sigmoid · lr 0.1 · seed 3', config: { ...makeRecord().config, seed: 3 } });
    language.chosen = 'zh-CN';
    try {
      expect(matchesFilter(auto, 'sigmoid · 学习率 0.1')).toBe(true);
      expect(matchesFilter(auto, 'name:学习率')).toBe(true);
      expect(matchesFilter(auto, 'name:lr')).toBe(true); // the stored name, for a field filter
    } finally {
      language.chosen = null;
    }
  });

  it('a word shaped like a field filter but naming no field is plain text, even an Object property name', () => {
    // Before: FIELDS['constructor'] (Object) and FIELDS['__proto__'] were taken for fields and threw.
    expect(names('constructor:1')).toEqual([]);
    expect(names('__proto__:x')).toEqual([]);
    expect(names('foo:bar')).toEqual([]);
  });
});

describe('sweep values', () => {
  afterEach(() => {
    language.chosen = null;
  });
  const request = { name: 's', base: { ...BOOK_DEFAULTS, iterations: 300 }, parameter: 'learningRate' as const };

  it('lists every bad value, and refuses duplicates', () => {
    const { values, errors } = checkSweepValues('0.1, abc, -1, 0.1, 2000, 1', request);
    expect(values).toEqual([0.1, -1, 2000, 1]);
    expect(errors).toEqual([
      '"abc" is not a number',
      'learning rate: must be a number greater than 0 and at most 1000, got -1',
      '0.1 is listed twice (each value makes one run)',
      'learning rate: must be a number greater than 0 and at most 1000, got 2000',
    ]);
  });

  it('says a refused value as the run form does, in the page’s language: the field in words, the range, the value', () => {
    language.chosen = 'zh-CN';
    expect(checkSweepValues('-1', request).errors).toEqual(['学习率：必须是大于 0 且不超过 1000 的数，当前为 -1']);
    expect(checkSweepValues('50 0', { ...request, parameter: 'hidden' }).errors).toEqual([
      '隐藏层神经元数：必须是 1 到 16,384 之间的整数，当前为 0',
    ]);
    language.chosen = 'en';
    expect(checkSweepValues('0', { ...request, parameter: 'batchSize' }).errors).toEqual([
      'batch size: must be a whole number from 1 to 60,000, got 0',
    ]);
  });

  it('a problem of the base configuration is said once, not per value', () => {
    const { errors } = checkSweepValues('0.1 1 10', { ...request, base: { ...request.base, iterations: 0 } });
    expect(errors).toHaveLength(1);
    expect(errors).toEqual(['iterations: must be a whole number from 1 to 10,000,000, got 0']);
  });

  it('good values: no errors', () => {
    expect(checkSweepValues('0.01 0.1 1', request)).toEqual({ values: [0.01, 0.1, 1], errors: [] });
    expect(checkSweepValues('  ', request).errors).toEqual(['values: list at least one value']);
  });
});
