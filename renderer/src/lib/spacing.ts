/**
 * Pieces of text kept as separate messages (sentences, an axis name and its "(log)"), joined as each language
 * writes them: English puts a space between them; Chinese and Japanese none next to their full-width punctuation
 * (a space after 。 or before （ shows as a gap).
 */
const CJK_CLOSE = /[。！？：；、，」』）]$/;
const CJK_OPEN = /^[（「『]/;

export const joinSpaced = (parts: readonly string[]): string =>
  parts.reduce((text, next) => (text === '' ? next : text + (CJK_CLOSE.test(text) || CJK_OPEN.test(next) ? '' : ' ') + next), '');
