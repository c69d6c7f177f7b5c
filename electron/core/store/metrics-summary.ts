/**
 * A long run's loss history at the resolution a chart draws. Its iterations are grouped in buckets of
 * `size` consecutive iterations (a power of two: bucket k holds iterations k·size … (k+1)·size − 1), each
 * with the minimum, maximum and sum of its losses, their count, and the time of its last iteration; when
 * the run outgrows MAX_BUCKETS buckets, neighbours merge in pairs. A run of 10 000 000 iterations (a
 * 270 MB file) becomes at most 16 384 buckets.
 *
 * The summary is made by one streaming pass (metrics-scan.ts) and kept beside the raw file as
 * `metrics.summary.json`, with the number of bytes it covers and a fingerprint of the file's start: the
 * raw file is append-only, so a later request reads only what was appended since. The raw file stays the
 * record; the summary is a cache, rebuilt if it is missing, damaged, or does not match. Writing it is
 * best effort (a read-only store computes it each time).
 */
import { createHash } from 'node:crypto';
import { closeSync, readSync } from 'node:fs';
import { z } from 'zod';
import { epochMeasurementSchema, spreadTimes, type ProgressLine, type RunMetrics } from '../../../shared/metrics';
import { drain, type Steps } from './line-reader';
import { scanSteps } from './metrics-scan';
import { openStoreFile, readStoreFile, replaceFile, StoreFileError } from './store-file';

/** Most buckets a summary holds; a chart gets between half this and this many points. */
export const MAX_BUCKETS = 16_384;
/**
 * Bytes at the start of the raw file, and before the end of what a summary covers, whose hash tells that
 * it is still the file the summary was made from (a file replaced rather than appended to differs there).
 */
const FINGERPRINT_HEAD = 64 * 1024;
const FINGERPRINT_TAIL = 4096;
/** A summary file is at most MAX_BUCKETS rows and the epochs (one per ≥ 1 iteration, of a run capped in length). */
const MAX_SUMMARY_BYTES = 64 * 1024 * 1024;

const count = z.number().int().min(0);
/** JSON has no NaN: an empty bucket's min and max, or an unknown time, are null. */
const maybe = z.number().nullable();

/** The format of `metrics.summary.json`. */
export const metricsSummarySchema = z.strictObject({
  version: z.literal(1),
  /** Bytes (whole lines) and lines of the raw file this summary covers, and a hash of its first bytes. */
  bytesRead: count,
  linesRead: count,
  fingerprint: z.string().max(100),
  /** Iterations per bucket (a power of two). */
  size: z.number().int().min(1),
  min: z.array(maybe).max(MAX_BUCKETS),
  max: z.array(maybe).max(MAX_BUCKETS),
  sum: z.array(z.number()).max(MAX_BUCKETS),
  count: z.array(count).max(MAX_BUCKETS),
  /** Seconds since the run started at each bucket's last iteration. */
  seconds: z.array(maybe).max(MAX_BUCKETS),
  /** The last batch's end time, from which the next batch's iteration times are spread. */
  lastSeconds: z.number(),
  /** How many losses, and the last one recorded. */
  losses: count,
  lastLoss: z.number().nullable(),
  epochs: z.array(epochMeasurementSchema),
  /** Bad lines skipped in the bytes covered, and the first few warnings about them. */
  skipped: count,
  warnings: z.array(z.string()).max(50),
});
export type MetricsSummary = z.infer<typeof metricsSummarySchema>;

function emptySummary(): MetricsSummary {
  return {
    version: 1,
    bytesRead: 0,
    linesRead: 0,
    fingerprint: '',
    size: 1,
    min: [],
    max: [],
    sum: [],
    count: [],
    seconds: [],
    lastSeconds: 0,
    losses: 0,
    lastLoss: null,
    epochs: [],
    skipped: 0,
    warnings: [],
  };
}

/** Halves the number of buckets: neighbours 2j and 2j+1 become bucket j of twice the size. */
function mergePairs(s: MetricsSummary): void {
  const n = Math.ceil(s.count.length / 2);
  for (let j = 0; j < n; j++) {
    const a = 2 * j;
    const b = a + 1;
    const has = (k: number): boolean => k < s.count.length && s.count[k] > 0;
    s.min[j] = has(a) && has(b) ? Math.min(s.min[a]!, s.min[b]!) : has(a) ? s.min[a] : has(b) ? s.min[b] : null;
    s.max[j] = has(a) && has(b) ? Math.max(s.max[a]!, s.max[b]!) : has(a) ? s.max[a] : has(b) ? s.max[b] : null;
    s.sum[j] = s.sum[a] + (b < s.sum.length ? s.sum[b] : 0);
    s.seconds[j] = has(b) && s.seconds[b] !== null ? s.seconds[b] : s.seconds[a];
    s.count[j] = s.count[a] + (b < s.count.length ? s.count[b] : 0);
  }
  for (const column of [s.min, s.max, s.sum, s.count, s.seconds]) column.length = n;
  s.size *= 2;
}

/** Adds one batch of iterations and losses to the summary. */
function addProgress(s: MetricsSummary, line: ProgressLine): void {
  const n = line.iterations.length;
  const times = spreadTimes(s.lastSeconds, line.seconds, n);
  for (let i = 0; i < n; i++) {
    let k = Math.floor(line.iterations[i] / s.size);
    while (k >= MAX_BUCKETS) {
      mergePairs(s);
      k = Math.floor(line.iterations[i] / s.size);
    }
    while (s.count.length <= k) {
      s.min.push(null);
      s.max.push(null);
      s.sum.push(0);
      s.count.push(0);
      s.seconds.push(null);
    }
    const loss = line.losses[i];
    s.min[k] = s.count[k] > 0 ? Math.min(s.min[k]!, loss) : loss;
    s.max[k] = s.count[k] > 0 ? Math.max(s.max[k]!, loss) : loss;
    s.sum[k] += loss;
    s.count[k] += 1;
    if (line.seconds !== undefined) s.seconds[k] = times[i];
  }
  if (line.seconds !== undefined) s.lastSeconds = line.seconds;
  s.losses += n;
  if (n > 0) s.lastLoss = line.losses[n - 1];
}

/** A hash of the raw file's first bytes and of the bytes before `upTo`, or '' if it cannot be read. */
function fingerprintOf(path: string, root: string, upTo: number): string {
  let file: { fd: number; size: number };
  try {
    file = openStoreFile(path, root);
  } catch {
    return '';
  }
  try {
    const hash = createHash('sha256');
    const end = Math.min(upTo, file.size);
    for (const [start, length] of [
      [0, Math.min(FINGERPRINT_HEAD, end)],
      [Math.max(0, end - FINGERPRINT_TAIL), Math.min(FINGERPRINT_TAIL, end)],
    ]) {
      const bytes = Buffer.alloc(length);
      const n = readSync(file.fd, bytes, 0, length, start);
      hash.update(bytes.subarray(0, n));
    }
    return hash.update(String(end)).digest('hex');
  } finally {
    closeSync(file.fd);
  }
}

/** The cached summary at `cachePath` if it is well-formed and was made from this raw file; else undefined. */
function cachedSummary(cachePath: string, path: string, root: string, rawSize: number): MetricsSummary | undefined {
  try {
    const parsed = metricsSummarySchema.safeParse(JSON.parse(readStoreFile(cachePath, root, MAX_SUMMARY_BYTES).toString('utf8')));
    if (!parsed.success) return undefined;
    const summary = parsed.data;
    // A file that shrank, or starts differently, was replaced rather than appended to: start again.
    return summary.bytesRead <= rawSize && summary.fingerprint === fingerprintOf(path, root, summary.bytesRead)
      ? summary
      : undefined;
  } catch (error) {
    if (error instanceof StoreFileError || error instanceof SyntaxError) return undefined;
    throw error;
  }
}

/**
 * The summary of the raw metrics at `path`, brought up to date with what was appended since `cachePath`
 * was written (and written back when it changed, if the store can be written). `warnings` holds the
 * bad lines' warnings and any torn last line.
 */
export function summarizeMetrics(path: string, root: string, cachePath: string): { summary: MetricsSummary; warnings: string[] } {
  return drain(summarySteps(path, root, cachePath));
}

/** `summarizeMetrics` as steps that pause after each chunk read (see line-reader.ts). */
export function* summarySteps(
  path: string,
  root: string,
  cachePath: string,
): Steps<{ summary: MetricsSummary; warnings: string[] }> {
  let rawSize: number;
  try {
    const file = openStoreFile(path, root);
    rawSize = file.size;
    closeSync(file.fd);
  } catch (error) {
    if (!(error instanceof StoreFileError)) throw error;
    return { summary: emptySummary(), warnings: [/ENOENT/.test(error.reason) ? `${path}: missing` : `${path}: ${error.reason}`] };
  }
  const summary = cachedSummary(cachePath, path, root, rawSize) ?? emptySummary();
  const before = summary.bytesRead;
  const scan = yield* scanSteps(
    path,
    root,
    {
      progress: (line) => addProgress(summary, line),
      epoch: (measurement) => void summary.epochs.push(measurement),
    },
    { bytes: summary.bytesRead, line: summary.linesRead + 1 },
  );
  // Warnings about bad lines belong to the bytes covered; a torn tail is about the file's current end.
  const torn = scan.warnings.filter((w) => / the last line is incomplete /.test(w));
  summary.warnings.push(...scan.warnings.filter((w) => !torn.includes(w)).slice(0, Math.max(0, 50 - summary.warnings.length)));
  summary.skipped += scan.skipped;
  summary.bytesRead = scan.bytesRead;
  summary.linesRead = scan.linesRead;
  summary.fingerprint = fingerprintOf(path, root, summary.bytesRead);
  if (summary.bytesRead !== before) {
    try {
      replaceFile(cachePath, JSON.stringify(summary), { fsync: false });
    } catch {
      // A read-only or full store: the summary is made again next time.
    }
  }
  return { summary, warnings: [...summary.warnings, ...torn] };
}

/**
 * The summary as a history a chart draws: one point per non-empty bucket, at its middle iteration, with
 * the bucket's mean loss and the time of its last iteration; all epochs.
 */
export function summaryAsMetrics(summary: MetricsSummary, warnings: string[]): RunMetrics {
  const metrics: RunMetrics = { iterations: [], losses: [], seconds: [], epochs: summary.epochs, warnings };
  for (let k = 0; k < summary.count.length; k++) {
    if (summary.count[k] === 0) continue;
    metrics.iterations.push(k * summary.size + Math.floor((summary.size - 1) / 2));
    metrics.losses.push(summary.sum[k] / summary.count[k]);
    metrics.seconds.push(summary.seconds[k] ?? Number.NaN);
  }
  return metrics;
}
