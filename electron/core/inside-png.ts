/**
 * A PNG picture given to `descent predict`, read as untrusted input: only a regular file (a link is followed
 * to one; a FIFO or device is refused from its type, before it is opened, and the open does not block), at
 * most MAX_PNG_BYTES read, and its size checked in the header before anything is inflated (a small PNG can
 * declare a huge picture). Decoded by pngjs into RGBA bytes, whatever the file's colour type and depth.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { PNG } from 'pngjs';
import { fileTypeOf } from './file-type';
import { formatBytes } from './store/store-file';
import { errorCode, errorMessage } from '../../shared/errors';
import type { RgbaImage } from '../../shared/inside/image-ink';

/** Far more than a drawing needs (a 2000×2000 photograph of one is a few megabytes). */
export const MAX_PNG_BYTES = 16 * 1024 * 1024;
/** Pictures up to 4096 pixels a side and 16 megapixels (64 MiB decoded). */
export const MAX_PNG_SIDE = 4096;
export const MAX_PNG_PIXELS = 16 * 1024 * 1024;

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A file that is not a PNG Descent reads; the message says why (never the file's content). */
export class PngInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PngInputError';
  }
}

/** The whole file at `path` if it is (or links to) a regular file of at most MAX_PNG_BYTES. */
function readBounded(path: string): Buffer {
  let size: number;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) throw new PngInputError(`is ${fileTypeOf(stats)}, not a PNG file`);
    size = stats.size;
  } catch (error) {
    if (error instanceof PngInputError) throw error;
    throw new PngInputError(
      errorCode(error) === 'ENOENT' ? 'no such file' : `cannot be read (${errorCode(error) ?? errorMessage(error)})`,
    );
  }
  if (size > MAX_PNG_BYTES)
    throw new PngInputError(`is ${formatBytes(size)}, more than the ${formatBytes(MAX_PNG_BYTES)} a PNG may have here`);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw new PngInputError(`cannot be read (${errorCode(error) ?? errorMessage(error)})`);
  }
  try {
    if (!fstatSync(fd).isFile()) throw new PngInputError('changed while it was being opened; not read');
    // One byte past the bound: a file that grew meanwhile is noticed, never read whole.
    const buffer = Buffer.alloc(Math.min(size, MAX_PNG_BYTES) + 1);
    let length = 0;
    while (length < buffer.length) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > MAX_PNG_BYTES) throw new PngInputError(`grew past ${formatBytes(MAX_PNG_BYTES)} while it was read`);
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/** Width and height from the header (IHDR, the first chunk), checked against the bounds before decoding. */
function checkHeader(bytes: Buffer): void {
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(SIGNATURE) || bytes.toString('latin1', 12, 16) !== 'IHDR')
    throw new PngInputError("is not a PNG file (it does not start with PNG's signature and header)");
  const [width, height] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
  if (width === 0 || height === 0) throw new PngInputError(`declares an empty picture (${width}×${height})`);
  if (width > MAX_PNG_SIDE || height > MAX_PNG_SIDE || width * height > MAX_PNG_PIXELS)
    throw new PngInputError(
      `is ${width}×${height} pixels, more than the ${MAX_PNG_SIDE} a side and ${MAX_PNG_PIXELS / (1024 * 1024)} megapixels a picture may have here`,
    );
}

/** The picture in the PNG file at `path`, as RGBA bytes. Throws PngInputError naming what is wrong. */
export function readPng(path: string): RgbaImage {
  const bytes = readBounded(path);
  checkHeader(bytes);
  try {
    const png = PNG.sync.read(bytes);
    return { width: png.width, height: png.height, data: png.data };
  } catch (error) {
    throw new PngInputError(`is not a readable PNG (${errorMessage(error)})`);
  }
}
