/** The run form's validation messages in each language: the field's range and the value typed, from the issue itself. */
import { afterEach, describe, expect, it } from 'vitest';
import { configFrom, fieldsFrom, type FormFields } from '../../../renderer/src/lib/form';
import { language } from '../../../renderer/src/lib/i18n';

afterEach(() => {
  language.chosen = null;
});

const bad: Array<Partial<FormFields>> = [
  { batchSize: '0' },
  { iterations: '1.5' },
  { seed: '-3' },
  { trainSize: 'all' },
  { learningRate: 'fast' },
  { initStd: '-1' },
  { hidden: ['50', 'x'] },
  { output: '0' },
  { dataset: '' },
  { activation: 'tanh' },
  // 784-16384-16384-10 at batch 60000 in float64: far above the 4 GiB a run may use.
  { hidden: ['16384', '16384'], batchSize: '60000', dtype: 'float64' },
];

describe('validation messages', () => {
  it('English: the schema’s own words', () => {
    expect(configFrom({ ...fieldsFrom(), batchSize: '0' }).errors).toEqual({
      batchSize: 'must be a whole number from 1 to 60,000, got 0',
    });
    expect(configFrom({ ...fieldsFrom(), activation: 'tanh' }).errors.activation).toBe(
      'must be one of sigmoid, relu, step, got "tanh"',
    );
  });

  it('日本語 and 简体中文: the range and the value in the sentence', () => {
    language.chosen = 'ja';
    expect(configFrom({ ...fieldsFrom(), batchSize: '0' }).errors.batchSize).toBe(
      '1 から 60,000 までの整数にしてください（入力値：0）',
    );
    expect(configFrom({ ...fieldsFrom(), output: '0' }).errors.layers).toBe(
      '1 から 16,384 までの整数にしてください（入力値：0）',
    );
    language.chosen = 'zh-CN';
    expect(configFrom({ ...fieldsFrom(), learningRate: 'fast' }).errors.learningRate).toBe(
      '必须是大于 0 且不超过 1000 的数，当前为 "fast"',
    );
    expect(configFrom({ ...fieldsFrom(), dataset: '' }).errors.dataset).toBe('必须是“mnist”或文件夹路径，当前为空');
    const memory = configFrom({ ...fieldsFrom(), ...bad[bad.length - 1] }).errors.layers;
    expect(memory).toMatch(
      /^mini-batch 为 60000、精度为 float64 的 784-16384-16384-10 网络约需 \d+\.\d GiB，超过了一次训练可用的 4\.0 GiB$/,
    );
  });

  it('every bad value the form can hold gets a message in each language, none left in English', () => {
    for (const locale of ['zh-CN', 'ja'] as const) {
      language.chosen = locale;
      for (const change of bad) {
        const errors = Object.values(configFrom({ ...fieldsFrom(), ...change }).errors);
        expect(errors, JSON.stringify(change)).toHaveLength(1);
        expect(errors[0], `${locale} ${JSON.stringify(change)}`).not.toMatch(/must|got|needs/);
      }
    }
  });
});
