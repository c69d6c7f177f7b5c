import { describe, expect, it } from 'vitest';
import { joinSentences } from '../../../renderer/src/lib/sentences';

describe('joinSentences', () => {
  it('puts a space between English sentences', () => {
    expect(joinSentences(['The loss falls.', 'Drag a bar.', 'Cross-entropy: −log(y + δ).'])).toBe(
      'The loss falls. Drag a bar. Cross-entropy: −log(y + δ).',
    );
  });

  it('puts none after a Chinese or Japanese full stop', () => {
    expect(joinSentences(['损失函数表示相差多远。', '拖动一根柱子。'])).toBe('损失函数表示相差多远。拖动一根柱子。');
    expect(joinSentences(['合計は 1 です。', '棒をドラッグします（矢印キーでも）。'])).toBe(
      '合計は 1 です。棒をドラッグします（矢印キーでも）。',
    );
  });

  it('keeps a single sentence and an empty list as they are', () => {
    expect(joinSentences(['One.'])).toBe('One.');
    expect(joinSentences([])).toBe('');
  });
});
