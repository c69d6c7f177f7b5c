/** What the CLI prints of names, tags, notes and paths: shown as text, never acted on by a terminal. */
import { describe, expect, it } from 'vitest';
import { BOOK_DEFAULTS } from '../../../shared/config';
import { describeConfig, duration, safeJson, printable, printableLines, table } from '../../../electron/cli/format';

// A run name that, printed raw, retitles the terminal (OSC 0), clears the screen (CSI 2J) and forges a line.
const HOSTILE = 'lr 0.1\u001b]0;pwned\u0007\u001b[2J\r\nfinal: test acc 0.9999';

describe('printable', () => {
  it('writes ESC, BEL, CR and LF out as escapes on one line', () => {
    expect(printable(HOSTILE)).toBe('lr 0.1\\x1b]0;pwned\\x07\\x1b[2J\\r\\nfinal: test acc 0.9999');
  });

  it('escapes DEL, C1 controls (U+009B is a one-byte CSI), bidi overrides and line separators', () => {
    expect(printable('a\u007fb\u009b2Jc')).toBe('a\\x7fb\\x9b2Jc');
    expect(printable('invoice\u202egnp.exe')).toBe('invoice\\u202egnp.exe');
    expect(printable('x\u2028y\u2066z')).toBe('x\\u2028y\\u2066z');
  });

  it('leaves ordinary text alone, accents, CJK and emoji included', () => {
    for (const text of ['lr 0.1 (book)', 'Lernrate größer', '学習率 0.1', 'sweep 🚀', 'C:\\runs\\a', ''])
      expect(printable(text)).toBe(text);
  });

  it('keeps the line breaks of a multi-line message, escaping the rest', () => {
    expect(printableLines('--lr: bad\n--batch: \u001b[31mbad')).toBe('--lr: bad\n--batch: \\x1b[31mbad');
  });
});

describe('table', () => {
  it('escapes every cell and aligns on the escaped width', () => {
    expect(
      table([
        ['id', 'name'],
        ['a', 'x\u001b[2Jy'],
        ['bb', 'z'],
      ]),
    ).toBe('id  name\na   x\\x1b[2Jy\nbb  z');
  });
});

describe('safeJson', () => {
  it('is the same JSON value with nothing a terminal would act on', () => {
    const value = { name: `${HOSTILE}\u009b2J\u202e`, tags: ['\u0085'] };
    const line = safeJson(value);
    expect(JSON.parse(line)).toEqual(value);
    // eslint-disable-next-line no-control-regex -- looking for raw control characters
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(line).toContain('\\u009b2J');
    expect(JSON.parse(safeJson(value, 2))).toEqual(value);
    expect(safeJson(value, 2)).toContain('\n  "tags": [');
  });
});

describe('duration', () => {
  it('reads as people say it, rounded before the unit is chosen (never "2 min 60 s")', () => {
    expect(duration(0.85)).toBe('850 ms');
    expect(duration(0.9996)).toBe('1.0 s');
    expect(duration(12.34)).toBe('12.3 s');
    expect(duration(119.97)).toBe('2 min 00 s');
    expect(duration(179.6)).toBe('3 min 00 s');
    expect(duration(245)).toBe('4 min 05 s');
  });
});

describe('describeConfig', () => {
  it("the book's run in one line; a loss recorded before the update is said, the default is not", () => {
    expect(describeConfig(BOOK_DEFAULTS)).toBe(
      '784-50-10 sigmoid · cross_entropy · init std 0.01 · SGD lr 0.1 · batch 100 · 10000 iterations · float32',
    );
    expect(describeConfig({ ...BOOK_DEFAULTS, lossTiming: 'before-update' })).toBe(
      '784-50-10 sigmoid · cross_entropy · init std 0.01 · SGD lr 0.1 · batch 100 · 10000 iterations · float32 · loss recorded before-update',
    );
  });
});
