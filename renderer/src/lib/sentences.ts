/**
 * Sentences kept as separate messages, joined into one paragraph as each language writes them: English puts a space
 * between sentences, Chinese and Japanese none after their full-width stops (a space after 。 shows as a gap).
 */
const CJK_END = /[。！？：；」』）]$/;

export const joinSentences = (sentences: readonly string[]): string =>
  sentences.reduce((text, next) => (text === '' ? next : text + (CJK_END.test(text) ? '' : ' ') + next), '');
