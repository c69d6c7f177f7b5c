/**
 * The Chinese messages use the glossary's words (docs/glossary.md): a seed is 随机种子 everywhere — the figure's
 * subtitle and the legends' phrases said 种子 alone while the form and the tables said 随机种子.
 */
import { describe, expect, it } from 'vitest';
import { MESSAGE_FILES } from '../../shared/i18n/messages';

/** Every message text of a tree. */
const texts = (tree: object): string[] =>
  Object.values(tree).flatMap((value): string[] => (typeof value === 'string' ? [value] : texts(value as object)));

describe('glossary in the Chinese messages', () => {
  it('a seed is 随机种子, never 种子 alone', () => {
    const all = Object.values(MESSAGE_FILES['zh-CN']).flatMap(texts);
    expect(all.filter((text) => text.includes('种子')).length).toBeGreaterThan(5);
    expect(all.filter((text) => /(?<!随机)种子/.test(text))).toEqual([]);
  });
});
