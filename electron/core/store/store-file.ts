/**
 * Opening a file of the store that anyone could have replaced. Only a regular file is read (a symbolic
 * link is followed only while it stays inside the store), never more than a stated size, and never in a
 * way that blocks: a FIFO or device is refused from its type before it is opened, and the open itself is
 * non-blocking and re-checked on the descriptor, in case the file was swapped in between. Reasons name
 * the file's type or size, never its content.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  lstatSync,
  openSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { relative, isAbsolute } from 'node:path';
import { fileTypeOf } from '../file-type';
import { errorCode as codeOf, errorMessage } from '../../../shared/errors';

/** A store file that cannot be read: the path and why (no content quoted). */
export class StoreFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'StoreFileError';
  }
}

/** A size in the unit a person reads: "1 MiB", "3.2 KiB", "17 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MiB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KiB`;
  return `${bytes} bytes`;
}

const errorCode = (error: unknown): string => codeOf(error) ?? errorMessage(error);

/** True if `path` is `root` or lies beneath it (both already resolved). */
function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The store's root with links resolved, or the path as given if it cannot be resolved. */
function resolvedRoot(root: string): string {
  try {
    return realpathSync(root);
  } catch {
    return root;
  }
}

/** Type-checks `path` (following a link only inside `root`) and returns the regular file to open. */
function regularFileToOpen(path: string, root: string): string {
  let stats: Stats;
  try {
    stats = lstatSync(path);
  } catch (error) {
    throw new StoreFileError(path, `cannot be read (${errorCode(error)})`);
  }
  let target = path;
  if (stats.isSymbolicLink()) {
    try {
      target = realpathSync(path);
    } catch (error) {
      throw new StoreFileError(path, `is a symbolic link that cannot be followed (${errorCode(error)})`);
    }
    if (!isInside(target, resolvedRoot(root)))
      throw new StoreFileError(path, 'is a symbolic link to a file outside the store; it was not read');
    stats = lstatSync(target);
  }
  if (!stats.isFile()) throw new StoreFileError(path, `is ${fileTypeOf(stats)}, not a regular file; it was not read`);
  return target;
}

/**
 * Opens a store file for reading after checking its type; returns the descriptor (the caller closes it)
 * and the file's size. Throws StoreFileError with the reason.
 */
export function openStoreFile(path: string, root: string): { fd: number; size: number } {
  const target = regularFileToOpen(path, root);
  let fd: number;
  try {
    fd = openSync(target, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (error) {
    throw new StoreFileError(path, `cannot be read (${errorCode(error)})`);
  }
  const stats = fstatSync(fd);
  if (!stats.isFile()) {
    closeSync(fd);
    throw new StoreFileError(path, `is ${fileTypeOf(stats)}, not a regular file; it was not read`);
  }
  return { fd, size: stats.size };
}

/** The whole of a small store file (run.json, a weights header), refused unread if larger than `maxBytes`. */
export function readStoreFile(path: string, root: string, maxBytes: number): Buffer {
  const { fd, size } = openStoreFile(path, root);
  try {
    if (size > maxBytes)
      throw new StoreFileError(
        path,
        `is ${formatBytes(size)}, more than the ${formatBytes(maxBytes)} such a file may have; it was not read`,
      );
    // The file may grow while it is read: read at most one byte past the bound to notice.
    const buffer = Buffer.alloc(Math.min(maxBytes + 1, Math.max(size, 1)));
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length === buffer.length) {
        if (length > maxBytes)
          throw new StoreFileError(path, `grew past ${formatBytes(maxBytes)} while it was read; it was not read`);
        break;
      }
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/**
 * Replaces the file at `path` atomically: the data goes to a new temporary file beside it (created
 * exclusively, so never through an existing name), is synced if asked, and is renamed over `path`. A
 * crash leaves the old file or the new one, never a mix; a full disk leaves the old one and no temporary
 * file. Unlike write-file-atomic, a symbolic link at `path` is replaced, never written through: a link
 * planted in the store cannot make Descent overwrite a file elsewhere.
 */
export function replaceFile(path: string, data: string | Uint8Array, options: { fsync: boolean }): void {
  const temp = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  try {
    const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
    try {
      for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
      if (options.fsync) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
