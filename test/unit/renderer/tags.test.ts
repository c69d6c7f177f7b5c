import { describe, expect, it } from 'vitest';
import { splitTags } from '../../../renderer/src/lib/tags';

describe('splitTags', () => {
  it('splits at ASCII commas and trims', () => {
    expect(splitTags(' book, lr sweep ,,report ')).toEqual(['book', 'lr sweep', 'report']);
  });

  it('splits at the commas Chinese and Japanese input methods type', () => {
    expect(splitTags('书中的设置，报告')).toEqual(['书中的设置', '报告']);
    expect(splitTags('本書の設定、レポート, 第 4 章')).toEqual(['本書の設定', 'レポート', '第 4 章']);
  });

  it('gives no tags for an empty field', () => {
    expect(splitTags('  ')).toEqual([]);
  });
});
