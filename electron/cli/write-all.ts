/**
 * Writes every byte to a descriptor, synchronously: a write may take only part of the bytes (the rest follows), and a
 * pipe Node has made non-blocking answers EAGAIN while it is full (wait a moment and try again; a file never does).
 */
import { writeSync } from 'node:fs';
import { errorCode } from '../../shared/errors';

const FULL_PIPE_WAIT_MS = 2;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

export function writeAllSync(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length;) {
    try {
      done += writeSync(fd, bytes, done, bytes.length - done);
    } catch (error) {
      if (errorCode(error) !== 'EAGAIN') throw error;
      Atomics.wait(sleeper, 0, 0, FULL_PIPE_WAIT_MS);
    }
  }
}
