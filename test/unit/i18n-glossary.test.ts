/**
 * The Chinese and Japanese messages use the glossary's words (docs/glossary.md), one word for one idea on every page:
 * a seed is 随机种子 / 乱数シード everywhere (the figure's subtitle and the legends' phrases once said 种子 or シード
 * alone while the form and the tables said the whole word), a mini-batch is mini-batch / ミニバッチ (Japanese cards,
 * legends and columns said バッチ), the book's 正确解标签 / 正解ラベル, 隐藏层神经元 / 隠れ層のニューロン, and the
 * Japanese pages cite the book as 本書 (the Lab said 本 where the form said 本書).
 */
import { describe, expect, it } from 'vitest';
import { MESSAGE_FILES } from '../../shared/i18n/messages';
import type { Locale } from '../../shared/i18n/locales';

/** Every message text of a tree, placeholders ({{batch}}) left out: their names are code, not words. */
const texts = (tree: object): string[] =>
  Object.values(tree).flatMap((value): string[] =>
    typeof value === 'string' ? [value.replace(/\{\{\w+\}\}/g, '{}')] : texts(value as object),
  );

const messages = (locale: Locale): string[] => Object.values(MESSAGE_FILES[locale]).flatMap(texts);

/** A glossary word, how many messages use it at least, and the other renderings of the same idea that must not appear. */
interface Term {
  word: RegExp;
  atLeast: number;
  not: RegExp;
}

// "batch" stays in the filter's field names (batch:100) and the formula σ/√batch.
const OTHER_BATCH = /(?<![-√])batch(?!:)/;

const TERMS: Record<'zh-CN' | 'ja', Record<string, Term>> = {
  'zh-CN': {
    seed: { word: /随机种子/, atLeast: 5, not: /(?<!随机)种子/ },
    'learning rate': { word: /学习率/, atLeast: 10, not: /学习速率|学习步长/ },
    'mini-batch': { word: /mini-batch/, atLeast: 10, not: new RegExp(`小批量|批大小|批次|${OTHER_BATCH.source}`) },
    'mean squared error': { word: /均方误差/, atLeast: 3, not: /平方和误差|均方差/ },
    'cross-entropy error': { word: /交叉熵误差/, atLeast: 5, not: /交叉熵(?!误差)/ },
    overfitting: { word: /过拟合/, atLeast: 2, not: /过度拟合/ },
    hyperparameter: { word: /超参数/, atLeast: 2, not: /超级参数/ },
    'hidden neurons': { word: /隐藏层神经元/, atLeast: 5, not: /隐藏单元|单元数/ },
    'correct label': { word: /正确解标签/, atLeast: 5, not: /正确标签|真实标签/ },
    accuracy: { word: /识别精度/, atLeast: 10, not: /准确率|正确率/ },
    'numerical differentiation': { word: /数值微分/, atLeast: 5, not: /数值求导|数值微分法/ },
  },
  ja: {
    seed: { word: /乱数シード/, atLeast: 10, not: /(?<!乱数)シード/ },
    'learning rate': { word: /学習率/, atLeast: 10, not: /学習係数/ },
    'mini-batch': { word: /ミニバッチ/, atLeast: 10, not: new RegExp(`(?<!ミニ)バッチ|${OTHER_BATCH.source}`) },
    'mean squared error': { word: /2乗和誤差/, atLeast: 3, not: /二乗|2 乗|平均2乗誤差/ },
    'cross-entropy error': { word: /交差エントロピー誤差/, atLeast: 5, not: /交差エントロピー(?!誤差)/ },
    overfitting: { word: /過学習/, atLeast: 2, not: /過剰適合|オーバーフィッティング/ },
    hyperparameter: { word: /ハイパーパラメータ/, atLeast: 2, not: /ハイパーパラメーター/ },
    iteration: { word: /繰り返し/, atLeast: 5, not: /イテレーション/ },
    'hidden neurons': { word: /隠れ層のニューロン/, atLeast: 5, not: /ユニット/ },
    'correct label': { word: /正解ラベル/, atLeast: 5, not: /真のラベル/ },
    accuracy: { word: /認識精度/, atLeast: 10, not: /正解率|正答率/ },
    'the book': { word: /本書/, atLeast: 10, not: /(?<![\u4e00-\u9fff])本(?=の|では|は|が)/ },
  },
};

describe.each(['zh-CN', 'ja'] as const)('glossary in the %s messages', (locale) => {
  it.each(Object.entries(TERMS[locale]))('%s: one word for it on every page', (_, term) => {
    const all = messages(locale);
    expect(all.filter((text) => term.word.test(text)).length).toBeGreaterThanOrEqual(term.atLeast);
    expect(all.filter((text) => term.not.test(text))).toEqual([]);
  });
});
