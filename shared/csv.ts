/**
 * CSV cells, for every CSV Descent writes (the CLI's `export`, the app's data exports): RFC 4180 quoting,
 * and text that a spreadsheet would run as a formula made inert (OWASP "CSV injection").
 */

/** A number written as text, as `String(number)` writes one: harmless in a spreadsheet (-0.5 is minus a half). */
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Text that Excel, LibreOffice or Google Sheets would evaluate — it starts with `=`, `+`, `-`, `@`, a tab
 * or a carriage return — prefixed with a single quote, which makes the cell plain text (OWASP's advice).
 * Numbers are left alone, so a negative loss or "-1" stays a number.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** One CSV cell: empty for null, numbers as JavaScript writes them, text neutralised and quoted when it must be. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
