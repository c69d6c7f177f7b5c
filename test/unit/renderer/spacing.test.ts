import { describe, expect, it } from 'vitest';
import { joinSpaced } from '../../../renderer/src/lib/spacing';

describe('joinSpaced', () => {
  it('puts a space between English sentences and words', () => {
    expect(joinSpaced(['The loss falls.', 'Drag a bar.', 'Cross-entropy: −log(y + δ).'])).toBe(
      'The loss falls. Drag a bar. Cross-entropy: −log(y + δ).',
    );
    expect(joinSpaced(['learning rate', '(log)'])).toBe('learning rate (log)');
  });

  it('puts none after a Chinese or Japanese full stop', () => {
    expect(joinSpaced(['损失函数表示相差多远。', '拖动一根柱子。'])).toBe('损失函数表示相差多远。拖动一根柱子。');
    expect(joinSpaced(['合計は 1 です。', '棒をドラッグします（矢印キーでも）。'])).toBe(
      '合計は 1 です。棒をドラッグします（矢印キーでも）。',
    );
  });

  it('puts none before a full-width opening parenthesis', () => {
    expect(joinSpaced(['学习率', '（对数）'])).toBe('学习率（对数）');
    expect(joinSpaced(['学習率', '（対数）'])).toBe('学習率（対数）');
  });

  it('keeps a single part and an empty list as they are', () => {
    expect(joinSpaced(['One.'])).toBe('One.');
    expect(joinSpaced([])).toBe('');
  });
});
