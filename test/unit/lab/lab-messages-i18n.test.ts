/** The Lab's messages about typed input follow the page's language, with the book's terms (a node-project test of t()). */
import { afterEach, describe, expect, it } from 'vitest';
import { language } from '../../../renderer/src/lib/i18n';
import { compileExpression } from '../../../renderer/src/lib/lab/expression';
import { checkRange } from '../../../renderer/src/lib/lab/gradient-field';
import { outputsFromScores } from '../../../renderer/src/lib/lab/losses';

afterEach(() => {
  language.chosen = null;
});

describe("the Lab's messages in the page's language", () => {
  it('a range message names the field and the range, in English, Chinese and Japanese', () => {
    expect(checkRange('learning rate', 1000, 1e-12, 100)).toBe('learning rate: 1000 is outside 1e-12 … 100');
    language.chosen = 'zh-CN';
    expect(checkRange('学习率', 1000, 1e-12, 100)).toBe('学习率：1000 超出了 1e-12 … 100');
    language.chosen = 'ja';
    expect(checkRange('学習率', 1.5, 1, 10000, true)).toBe('学習率：1 から 10000 までの整数');
  });

  it("a typed function's error and the scores' errors", () => {
    language.chosen = 'zh-CN';
    expect(() => compileExpression('alert(1)')).toThrow(/^函数：未知的函数“alert”；请使用 sin, /);
    language.chosen = 'ja';
    expect(() => compileExpression('sin(x0, x1)')).toThrow('関数：sin の引数は 1 個ですが、2 個あります');
    expect(() => outputsFromScores('1, x')).toThrow('スコア：「x」は数ではありません');
    language.chosen = 'en';
    expect(() => compileExpression('max(x0)')).toThrow('function: max takes 2 arguments, got 1');
  });
});
