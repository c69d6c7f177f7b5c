/**
 * One IDX file of a dataset folder, read as untrusted input: a dataset folder may hold symlinks to
 * `/dev/zero`, FIFOs, device files, gzip bombs, or files far larger than their header says. So: only
 * regular files are opened (after resolving links, and without blocking), the header is read first, and
 * nothing beyond what it declares is read, allocated or inflated. Every error names the file.
 */
import {
  closeSync,
  constants,
  createReadStream,
  fstatSync,
  lstatSync,
  openSync,
  readSync,
  realpathSync,
  statSync,
  type Stats,
} from 'node:fs';
import { join } from 'node:path';
import { constants as zlibConstants, createGunzip, gunzipSync } from 'node:zlib';
import { fileTypeOf } from './file-type';
import {
  checkIdxLength,
  idxHeaderLength,
  IdxFormatError,
  parseIdx,
  parseIdxHeader,
  type IdxArray,
  type IdxHeader,
} from '../../shared/data/idx';
import { errorCode, errorMessage } from '../../shared/errors';

/** Compressed bytes read to find a gzipped file's header (the gzip header may carry a file name). */
const GZIP_HEAD_BYTES = 4096;
/** What those bytes can inflate to at most (deflate's best ratio is about 1032:1), so the bound never cuts a header. */
const GZIP_HEAD_INFLATE_LIMIT = 1032 * GZIP_HEAD_BYTES + 1024;

/** An IDX file found in a folder and checked: a regular file whose size fits what its header declares. */
export interface IdxFileInfo extends IdxHeader {
  /** The path as found in the folder (what messages name). */
  readonly path: string;
  /** The regular file it resolves to (a link's target), the one that is opened. */
  readonly target: string;
  readonly gzipped: boolean;
  /** Bytes on disk (compressed, for a gzipped file). */
  readonly size: number;
}

/** Where `name` is in `folder`: the plain file, else `name.gz`; an error naming both if neither exists. */
function locate(folder: string, name: string): { path: string; gzipped: boolean } {
  const plain = join(folder, name);
  // lstat, not exists: a dangling link is reported as one instead of as a missing file.
  if (lstatSync(plain, { throwIfNoEntry: false })) return { path: plain, gzipped: false };
  if (lstatSync(`${plain}.gz`, { throwIfNoEntry: false })) return { path: `${plain}.gz`, gzipped: true };
  throw new Error(`${folder}: missing ${name} (or ${name}.gz)`);
}

/**
 * Opens `path` for reading if it is (or links to) a regular file. The type is checked on the resolved path
 * before opening, so a FIFO is never opened (opening one blocks until a writer appears); O_NONBLOCK and a
 * second check on the open descriptor cover a file swapped for something else in between.
 */
function openRegularFile(path: string): { fd: number; target: string; size: number } {
  let target: string;
  let stats: Stats;
  try {
    target = realpathSync(path);
    stats = statSync(target);
  } catch (error) {
    throw new IdxFormatError(path, `cannot be opened (${errorCode(error) ?? errorMessage(error)}${danglingTarget(path)})`);
  }
  const via = target === path ? '' : `links to ${target}, which `;
  if (!stats.isFile()) {
    throw new IdxFormatError(
      path,
      `${via}is ${fileTypeOf(stats)}, not a regular file: Descent reads datasets only from regular files`,
    );
  }
  const fd = openSync(target, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  const opened = fstatSync(fd);
  if (!opened.isFile() || opened.ino !== stats.ino || opened.dev !== stats.dev) {
    closeSync(fd);
    throw new IdxFormatError(path, 'changed while it was being opened; not read');
  }
  return { fd, target, size: opened.size };
}

/** ", a link to X" for a link whose target is missing, else "". */
function danglingTarget(path: string): string {
  try {
    return lstatSync(path).isSymbolicLink() ? `: a link to a missing file` : '';
  } catch {
    return '';
  }
}

/** Reads up to `length` bytes from the start of `fd` (fewer at the end of the file). */
function readAt(fd: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  let filled = 0;
  while (filled < length) {
    const n = readSync(fd, buffer, filled, length - filled, filled);
    if (n === 0) break;
    filled += n;
  }
  return buffer.subarray(0, filled);
}

/**
 * The largest gzip file that can hold `fileLength` bytes: deflate's worst case (stored blocks) adds a few
 * bytes per 16 KiB, and the gzip header may carry a name and a comment. Anything larger is not the file
 * its header describes, and is refused before it is read.
 */
export function maxGzipSize(fileLength: number): number {
  return fileLength + Math.ceil(fileLength / 1024) + 64 * 1024;
}

/** The header of a gzipped IDX file, inflated from its first bytes only (with the output bounded). */
function gzippedHeader(fd: number, path: string, dims: number): IdxHeader {
  let head: Buffer;
  try {
    // A gzip stream cut short inflates as far as it goes when flushed instead of finished.
    head = gunzipSync(readAt(fd, GZIP_HEAD_BYTES), {
      finishFlush: zlibConstants.Z_SYNC_FLUSH,
      maxOutputLength: GZIP_HEAD_INFLATE_LIMIT,
    });
  } catch (error) {
    throw new IdxFormatError(path, `cannot be decompressed (${errorMessage(error)})`);
  }
  return parseIdxHeader(head.subarray(0, idxHeaderLength(dims)), path, dims);
}

/** Opens `name` (or `name.gz`) in `folder` and checks it; the caller closes `fd`. */
function openIdxFile(folder: string, name: string, dims: number): { file: IdxFileInfo; fd: number } {
  const { path, gzipped } = locate(folder, name);
  const { fd, target, size } = openRegularFile(path);
  try {
    const header = gzipped ? gzippedHeader(fd, path, dims) : parseIdxHeader(readAt(fd, idxHeaderLength(dims)), path, dims);
    if (!gzipped) checkIdxLength(header, size, path);
    else if (size > maxGzipSize(header.fileLength)) {
      throw new IdxFormatError(
        path,
        `has ${size} bytes, more than any gzip of the ${header.fileLength} bytes its header declares (${header.shape.join('×')})`,
      );
    }
    return { file: { ...header, path, target, gzipped, size }, fd };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/** Opens and checks `name` (or `name.gz`) in `folder`, passes it to `use`, and closes it. */
function withIdxFile<T>(folder: string, name: string, dims: number, use: (file: IdxFileInfo, fd: number) => T): T {
  const { file, fd } = openIdxFile(folder, name, dims);
  try {
    return use(file, fd);
  } finally {
    closeSync(fd);
  }
}

/** Checks `name` (or `name.gz`) in `folder` and returns its header, reading no more than the header. */
export function inspectIdxFile(folder: string, name: string, dims: number): IdxFileInfo {
  return withIdxFile(folder, name, dims, (file) => file);
}

/** Reads `name` (or `name.gz`) in `folder` whole: never more bytes than its header declares. */
export function readIdxFile(folder: string, name: string, dims: number): IdxArray & { readonly path: string } {
  return withIdxFile(folder, name, dims, (file, fd) => {
    if (!file.gzipped) return { ...parseIdx(readAt(fd, file.fileLength), file.path, dims), path: file.path };
    let bytes: Buffer;
    try {
      // Inflating stops as soon as the output passes what the header declares (a gzip bomb ends there).
      bytes = gunzipSync(readAt(fd, file.size), { maxOutputLength: file.fileLength });
    } catch (error) {
      if (errorCode(error) === 'ERR_BUFFER_TOO_LARGE') {
        throw new IdxFormatError(
          file.path,
          `decompresses to more than the ${file.fileLength} bytes its header declares (${file.shape.join('×')})`,
        );
      }
      throw new IdxFormatError(file.path, `cannot be decompressed (${errorMessage(error)})`);
    }
    return { ...parseIdx(bytes, file.path, dims), path: file.path };
  });
}

/**
 * The first `bytes` bytes of `name` (or of `name.gz`, inflated only that far), after the same checks as
 * `readIdxFile`; `bytes` is at most the file's declared length.
 */
export async function readIdxPrefix(folder: string, name: string, dims: number, bytes: number): Promise<Uint8Array> {
  const { file, fd } = openIdxFile(folder, name, dims);
  const wanted = Math.min(bytes, file.fileLength);
  let prefix: Buffer;
  if (file.gzipped) prefix = await inflatePrefix(fd, file.path, wanted);
  else {
    try {
      prefix = readAt(fd, wanted);
    } finally {
      closeSync(fd);
    }
  }
  // A plain file can shrink after its size was checked; a gzipped one can end early.
  if (prefix.length < wanted)
    throw new IdxFormatError(file.path, `ends after ${prefix.length} bytes, before the ${wanted} its header promises`);
  return prefix;
}

/** Inflates the gzip stream of `fd` (and closes it) up to `wanted` bytes: fewer if it ends first. */
async function inflatePrefix(fd: number, path: string, wanted: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  const source = createReadStream('', { fd, autoClose: true });
  try {
    for await (const chunk of source.pipe(createGunzip()) as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= wanted) break; // leaving the loop closes the streams
    }
  } catch (error) {
    throw new IdxFormatError(path, `cannot be read (${errorMessage(error)})`);
  } finally {
    source.destroy();
  }
  return Buffer.concat(chunks, length).subarray(0, wanted);
}
