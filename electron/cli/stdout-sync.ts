/**
 * Standard output for streams too big to hold: Node writes to a pipe asynchronously, queueing in memory whatever
 * the reader has not taken yet, so a streamed export piped to a slower reader would queue all of it (a history of
 * 2 000 000 iterations, ~90 MB of JSON, ran out of a 96 MiB heap on a loaded machine). This writer hands the
 * bytes to the pipe itself, in pieces, and waits while the pipe is full: memory stays at one piece.
 */
import { errorCode } from '../../shared/errors';
import { writeAllSync } from './write-all';

const PIECE_CHARS = 64 * 1024;

/** Writes all of `bytes` to `fd`, waiting while the pipe is full. */
function writeAll(fd: number, bytes: Buffer): void {
  try {
    writeAllSync(fd, bytes);
  } catch (error) {
    // `descent show --json | head` closes the pipe early: the reader's choice, as main() treats it.
    if (errorCode(error) === 'EPIPE') process.exit(0);
    throw error;
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
