/** Text formatting shared by the human-readable outputs of the commands. */
import { DEFAULT_LOSS_TIMING, type RunConfig } from '../../shared/config';
import { durationParts, type DurationParts } from '../../shared/duration';

/**
 * "784-50-10 sigmoid · cross_entropy · SGD lr 0.1 · batch 100 · 10000 iterations · float32", with the
 * numerical gradient and a loss recorded before the update said when they apply (the defaults are not).
 */
export function describeConfig(config: RunConfig): string {
  const init = typeof config.weightInit === 'number' ? `init std ${config.weightInit}` : `${config.weightInit} init`;
  const gradient = config.gradient === 'numerical' ? ' · numerical gradient' : '';
  const timing = config.lossTiming === DEFAULT_LOSS_TIMING ? '' : ` · loss recorded ${config.lossTiming}`;
  return (
    `${config.layers.join('-')} ${config.activation} · ${config.loss} · ${init} · SGD lr ${config.learningRate} · ` +
    `batch ${config.batchSize} · ${config.iterations} iterations · ${config.dtype}${gradient}${timing}`
  );
}

/** A fraction as the book prints accuracies: 0.9453. */
export function acc(value: number | null): string {
  return value === null ? '–' : value.toFixed(4);
}

/** Seconds for people: "850 ms", "12.3 s" (up to two minutes), "4 min 05 s", "2 h 05 min". */
export function duration(seconds: number): string {
  return englishDuration(durationParts(seconds, { secondsBelow: 120 }));
}

/** The CLI's words for a duration's parts (a terminal's columns: minutes and seconds after the first unit take two digits). */
export function englishDuration(parts: DurationParts): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  switch (parts.unit) {
    case 'ms':
      return `${parts.ms} ms`;
    case 's':
      return `${parts.tenths ? parts.s.toFixed(1) : parts.s} s`;
    case 'min':
      return `${parts.min} min ${two(parts.s)} s`;
    case 'h':
      return `${parts.h} h ${two(parts.min)} min`;
  }
}

/**
 * Left-aligned text columns separated by two spaces; the first row is the header. Cells are made
 * printable, so a table can hold names and paths as they are stored.
 */
export function table(rows: string[][]): string {
  const cells = rows.map((r) => r.map(printable));
  const widths = cells[0].map((_, c) => Math.max(...cells.map((r) => r[c].length)));
  return cells
    .map((r) =>
      r
        .map((cell, c) => cell.padEnd(widths[c]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/**
 * Characters a terminal acts on instead of showing: C0 controls (ESC starts ANSI/OSC sequences that clear
 * the screen or retitle the window; CR and LF can forge lines), DEL, C1 controls (U+009B is a one-character
 * CSI), the line/paragraph separators and the bidirectional overrides that reorder what is shown.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const escapeCharacter = (c: string): string => {
  const code = c.charCodeAt(0);
  return (
    SHORT_ESCAPES[c] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`)
  );
};

/**
 * Text that came from a user or from disk (run names, tags, notes, paths, error reasons) as it may be
 * shown on a terminal: every control character written out as an escape (`\x1b`, `\n`, `\u202e`), so
 * it shows as text on one line and never acts.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, escapeCharacter);
}

/** A message of several lines: each line made printable, the line breaks kept. */
export function printableLines(text: string): string {
  return text.split('\n').map(printable).join('\n');
}

/** UNPRINTABLE without the C0 controls, which JSON.stringify escapes itself (and indents with). */
const RAW_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON for `--json` outputs and JSON exports (one line unless `indent` is given). JSON.stringify already
 * escapes C0 controls; the characters it leaves raw that a terminal would act on (DEL, C1, bidi overrides,
 * line separators) are written as \u escapes too — the same JSON value, safe to print.
 */
export function safeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
