/**
 * Standard output for streams too big to hold: Node writes to a pipe asynchronously, queueing in memory whatever
 * the reader has not taken yet, so a streamed export piped to a slower reader would queue all of it (a history of
 * 2 000 000 iterations, ~90 MB of JSON, ran out of a 96 MiB heap on a loaded machine). This writer hands the
 * bytes to the pipe itself, in pieces, and waits while the pipe is full: memory stays at one piece.
 */
import { writeSync } from 'node:fs';
import { errorCode } from '../../shared/errors';

const PIECE_CHARS = 64 * 1024;
const FULL_PIPE_WAIT_MS = 2;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Writes all of `bytes` to `fd`, waiting while a non-blocking pipe says it is full (EAGAIN). */
function writeAll(fd: number, bytes: Buffer): void {
  for (let done = 0; done < bytes.length;) {
    try {
      done += writeSync(fd, bytes, done, bytes.length - done);
    } catch (error) {
      const code = errorCode(error);
      // `descent show --json | head` closes the pipe early: the reader's choice, as main() treats it.
      if (code === 'EPIPE') process.exit(0);
      if (code !== 'EAGAIN') throw error;
      Atomics.wait(sleeper, 0, 0, FULL_PIPE_WAIT_MS);
    }
  }
}

/** A `write` for streamed output on stdout, and `end` to hand over what is left (call it before returning). */
export function stdoutWriter(fd = 1): { write: (text: string) => void; end: () => void } {
  let pieces: string[] = [];
  let chars = 0;
  const end = (): void => {
    if (chars === 0) return;
    const bytes = Buffer.from(pieces.join(''));
    pieces = [];
    chars = 0;
    writeAll(fd, bytes);
  };
  const write = (text: string): void => {
    pieces.push(text);
    chars += text.length;
    if (chars >= PIECE_CHARS) end();
  };
  return { write, end };
}
