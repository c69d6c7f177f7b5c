/**
 * The characters a TrueType font has glyphs for, read from its cmap table (the Unicode subtables, formats 4 and 12):
 * the PDF export asks it of the bold CJK subset, which holds only some characters (figure-fonts.ts). Plain bytes, no
 * DOM: the unit tests read the committed font with it too.
 */
const CMAP = 0x636d6170; // 'cmap'

export function fontCodePoints(bytes: Uint8Array): Set<number> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const cmap = tableOffset(view, CMAP);
  const points = new Set<number>();
  const subtables = view.getUint16(cmap + 2);
  for (let i = 0; i < subtables; i++) {
    const offset = cmap + view.getUint32(cmap + 4 + 8 * i + 4);
    const format = view.getUint16(offset);
    if (format === 4) readFormat4(view, offset, points);
    else if (format === 12) readFormat12(view, offset, points);
  }
  return points;
}

/** Where the table tagged `tag` starts (the font's table directory: 12 bytes of header, then 16 per table). */
function tableOffset(view: DataView, tag: number): number {
  const tables = view.getUint16(4);
  for (let i = 0; i < tables; i++) if (view.getUint32(12 + 16 * i) === tag) return view.getUint32(12 + 16 * i + 8);
  throw new Error('the font has no cmap table');
}

/** Segments of 16-bit code points: a glyph is the code point plus a delta, or read from the glyph array. */
function readFormat4(view: DataView, offset: number, points: Set<number>): void {
  const segments = view.getUint16(offset + 6) / 2;
  const ends = offset + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  for (let s = 0; s < segments; s++) {
    const start = view.getUint16(starts + 2 * s);
    const end = view.getUint16(ends + 2 * s);
    const delta = view.getInt16(deltas + 2 * s);
    const rangeOffset = view.getUint16(rangeOffsets + 2 * s);
    for (let code = start; code <= end && code !== 0xffff; code++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (code + delta) & 0xffff;
      else {
        const index = view.getUint16(rangeOffsets + 2 * s + rangeOffset + 2 * (code - start));
        glyph = index === 0 ? 0 : (index + delta) & 0xffff;
      }
      if (glyph !== 0) points.add(code);
    }
  }
}

/** Groups of consecutive code points (any plane) mapped to consecutive glyphs. */
function readFormat12(view: DataView, offset: number, points: Set<number>): void {
  const groups = view.getUint32(offset + 12);
  for (let g = 0; g < groups; g++) {
    const group = offset + 16 + 12 * g;
    const first = view.getUint32(group);
    const last = view.getUint32(group + 4);
    const firstGlyph = view.getUint32(group + 8);
    for (let code = first; code <= last; code++) if (firstGlyph + (code - first) !== 0) points.add(code);
  }
}
