/**
 * One pass over a run's `metrics.ndjson`, line by line in bounded memory, handing every well-formed
 * record to a visitor: the full history (`readMetrics`), the chart's summary and the exports are all
 * folds over this pass. A line that is not a record — not JSON, `null`, a number, a wrong shape, longer
 * than any record — is skipped and reported with its line number (the first few one by one, then a
 * count); a torn last line is reported too. The rest is read.
 */
import { parseMetricsLine, type EpochLine, type EpochMeasurement, type ProgressLine } from '../../../shared/metrics';
import { drain, lineSteps, type LineReadResult, type Steps } from './line-reader';
import { formatBytes, StoreFileError } from './store-file';

/** What a pass does with each record, in file order. */
export interface MetricsVisitor {
  progress(line: ProgressLine): void;
  epoch(measurement: EpochMeasurement): void;
}

/** Where a pass ended and what it found wrong. */
export interface MetricsScan {
  /** Bytes of whole lines read: a later pass over the grown file resumes here. */
  readonly bytesRead: number;
  /** Lines read (the next pass's first line is this plus one). */
  readonly linesRead: number;
  /** Bad lines skipped in this pass. */
  readonly skipped: number;
  /** Each naming the file: bad lines (the first few), a count of the rest, a torn last line, or why the file could not be read. */
  readonly warnings: string[];
}

/** A progress line carries one batch of losses (≤ 20 batches a second): far below this. */
export const MAX_METRICS_LINE_BYTES = 16 * 1024 * 1024;
/** Bad lines reported one by one; past this, a count. */
const MAX_REPORTED_LINES = 20;

/**
 * Reads `path` (inside the store `root`) from byte `from.bytes`, line `from.line`, calling `visitor` for
 * each record. A missing or unreadable file (a FIFO, a link out of the store) is a warning, not an error.
 */
export function scanMetrics(path: string, root: string, visitor: MetricsVisitor, from = { bytes: 0, line: 1 }): MetricsScan {
  return drain(scanSteps(path, root, visitor, from));
}

/** `scanMetrics` as steps that pause after each chunk (see line-reader.ts). */
export function* scanSteps(
  path: string,
  root: string,
  visitor: MetricsVisitor,
  from = { bytes: 0, line: 1 },
): Steps<MetricsScan> {
  const warnings: string[] = [];
  let skipped = 0;
  // A file of a million bad lines gives a count, not a million warnings.
  const skip = (message: string): void => void (++skipped <= MAX_REPORTED_LINES && warnings.push(message));
  let ending: LineReadResult;
  try {
    ending = yield* lineSteps(
      path,
      root,
      (text, number) => {
        if (text.length === 0) return;
        const parsed = parseMetricsLine(text);
        if (!parsed.ok) skip(`${path}: line ${number} ${parsed.reason} and was skipped`);
        else if (parsed.line.type === 'progress') visitor.progress(parsed.line);
        else visitor.epoch(measurementOf(parsed.line));
      },
      { maxLineBytes: MAX_METRICS_LINE_BYTES, start: from.bytes, firstLine: from.line },
    );
  } catch (error) {
    if (!(error instanceof StoreFileError)) throw error;
    warnings.push(/ENOENT/.test(error.reason) ? `${path}: missing` : `${path}: ${error.reason}`);
    return { bytesRead: from.bytes, linesRead: from.line - 1, skipped, warnings };
  }
  for (const number of ending.overlongLines) {
    skip(`${path}: line ${number} is longer than ${formatBytes(MAX_METRICS_LINE_BYTES)}, more than any record, and was skipped`);
  }
  if (skipped > MAX_REPORTED_LINES) warnings.push(`${path}: ${skipped - MAX_REPORTED_LINES} more bad lines were skipped`);
  if (ending.tornTailBytes > 0)
    warnings.push(`${path}: the last line is incomplete (${ending.tornTailBytes} bytes; a write was cut off) and was skipped`);
  return { bytesRead: ending.bytesRead, linesRead: ending.linesRead, skipped, warnings };
}

/** An epoch line without its `type`: the measurement as the history holds it. */
function measurementOf(line: EpochLine): EpochMeasurement {
  const { iteration, epoch, trainAcc, testAcc, seconds } = line;
  return { iteration, epoch, trainAcc, testAcc, ...(seconds === undefined ? {} : { seconds }) };
}
