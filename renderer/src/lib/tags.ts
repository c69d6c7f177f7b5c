/**
 * The run editor's tags as typed: separated by commas, including the ones a Chinese or Japanese input method types
 * (，full-width comma, 、ideographic comma) — the tags field said "comma, separated" in every language, and 'a，b'
 * made one tag.
 */
export const splitTags = (text: string): string[] =>
  text
    .split(/[,，、]/)
    .map((tag) => tag.trim())
    .filter(Boolean);
