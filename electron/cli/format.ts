/** Text formatting shared by the human-readable outputs of the commands. */
import type { RunConfig } from '../../shared/config';

/** "784-50-10 sigmoid · cross_entropy · SGD lr 0.1 · batch 100 · 10000 iterations · float32". */
export function describeConfig(config: RunConfig): string {
  const init = typeof config.weightInit === 'number' ? `init std ${config.weightInit}` : `${config.weightInit} init`;
  const gradient = config.gradient === 'numerical' ? ' · numerical gradient' : '';
  return (
    `${config.layers.join('-')} ${config.activation} · ${config.loss} · ${init} · SGD lr ${config.learningRate} · ` +
    `batch ${config.batchSize} · ${config.iterations} iterations · ${config.dtype}${gradient}`
  );
}

/** A fraction as the book prints accuracies: 0.9453. */
export function acc(value: number | null): string {
  return value === null ? '–' : value.toFixed(4);
}

/** Seconds for people: "850 ms", "12.3 s", "4 min 05 s". */
export function duration(seconds: number): string {
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 120) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${String(Math.round(seconds - minutes * 60)).padStart(2, '0')} s`;
}

/** Left-aligned text columns separated by two spaces; the first row is the header. */
export function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd()).join('\n');
}
