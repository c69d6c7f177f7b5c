/**
 * Reads a JSON-lines file of the store a chunk at a time, so that a history of any length is read in
 * bounded memory (besides what the caller keeps): each complete line is handed over with its 1-based
 * number; a line longer than the bound is skipped unread, and a last line without its newline (a write
 * that was cut off) is reported rather than handed over.
 *
 * The reading is a generator that pauses after each chunk: `drain` runs it at once (the CLI, a trainer's
 * owner), `drainAsync` lets the event loop run between chunks, so that a server reading a 270 MB history
 * keeps answering other requests meanwhile.
 */
import { closeSync, readSync } from 'node:fs';
import { openStoreFile } from './store-file';

/** How the file ended and what was skipped for length. */
export interface LineReadResult {
  /** Bytes after the last newline: a torn last line (0 if the file ends cleanly). */
  readonly tornTailBytes: number;
  /** Numbers of the lines skipped because they were longer than the bound. */
  readonly overlongLines: number[];
  /** Bytes of whole lines read: where the next read of an append-only file can resume. */
  readonly bytesRead: number;
  /** Whole lines read, counted from line 1 (the next read's first line is this plus one). */
  readonly linesRead: number;
}

/** A piece of work that pauses (yields) between chunks and ends with a result. */
export type Steps<T> = Generator<void, T, void>;

const CHUNK = 1024 * 1024;
const NEWLINE = 0x0a;

/** Runs `steps` to the end at once. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs `steps` to the end, letting the event loop run between them. */
export async function drainAsync<T>(steps: Steps<T>): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Calls `onLine(text, lineNumber)` for every complete line of `path` from byte `start` (0, or an earlier
 * `bytesRead`, whose line numbering continues from `firstLine`), pausing after each chunk read.
 */
export function* lineSteps(
  path: string,
  root: string,
  onLine: (text: string, lineNumber: number) => void,
  options: { maxLineBytes: number; start?: number; firstLine?: number },
): Steps<LineReadResult> {
  const { fd } = openStoreFile(path, root);
  const overlongLines: number[] = [];
  let position = options.start ?? 0;
  let lineNumber = options.firstLine ?? 1;
  // Bytes of the current line seen so far (kept only while within the bound).
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let overlong = false;
  const chunk = Buffer.alloc(CHUNK);
  try {
    for (;;) {
      const n = readSync(fd, chunk, 0, CHUNK, position);
      if (n === 0) break;
      position += n;
      let from = 0;
      for (;;) {
        const end = chunk.indexOf(NEWLINE, from);
        const stop = end < 0 || end >= n ? n : end;
        const piece = chunk.subarray(from, stop);
        if (!overlong) {
          if (pendingBytes + piece.length > options.maxLineBytes) {
            overlong = true;
            pending = [];
          } else if (piece.length > 0) pending.push(Buffer.from(piece));
        }
        pendingBytes += piece.length;
        if (stop === n) break;
        if (overlong) overlongLines.push(lineNumber);
        else onLine(pending.length === 1 ? pending[0].toString('utf8') : Buffer.concat(pending).toString('utf8'), lineNumber);
        lineNumber++;
        pending = [];
        pendingBytes = 0;
        overlong = false;
        from = stop + 1;
      }
      yield;
    }
  } finally {
    closeSync(fd);
  }
  return { tornTailBytes: pendingBytes, overlongLines, bytesRead: position - pendingBytes, linesRead: lineNumber - 1 };
}
