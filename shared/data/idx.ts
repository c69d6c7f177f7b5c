/**
 * Reader for the IDX format of LeCun's MNIST files (and Fashion-MNIST, KMNIST, EMNIST):
 * a 4-byte magic number (0, 0, element type, number of dimensions), one big-endian uint32 per
 * dimension, then the elements. Only unsigned bytes are accepted: every image dataset in this
 * format uses them, and it lets the data stay a view on the file's bytes, with no copy.
 */

/** An IDX array of unsigned bytes: its shape and its elements (a view on the input). */
export interface IdxArray {
  readonly shape: number[];
  readonly data: Uint8Array;
}

const ELEMENT_TYPES: Record<number, string> = {
  0x08: 'unsigned byte',
  0x09: 'signed byte',
  0x0b: 'int16',
  0x0c: 'int32',
  0x0d: 'float32',
  0x0e: 'float64',
};

/** A file that is not a well-formed IDX file of the expected kind. */
export class IdxFormatError extends Error {
  constructor(
    readonly source: string,
    reason: string,
  ) {
    super(`${source}: ${reason}`);
    this.name = 'IdxFormatError';
  }
}

/** The largest IDX file Descent reads (2 GiB − 1): Node reads no larger file into one buffer. */
export const MAX_IDX_FILE_BYTES = 2 ** 31 - 1;

/** What an IDX header declares: the shape, and the exact length of the file it heads. */
export interface IdxHeader {
  readonly shape: number[];
  readonly headerLength: number;
  /** Header plus elements: the only length a file with this header may have. */
  readonly fileLength: number;
}

/** Bytes of the header of an IDX file with `dims` dimensions (magic number, one uint32 per dimension). */
export function idxHeaderLength(dims: number): number {
  return 4 + 4 * dims;
}

/**
 * Parses the header at the start of `bytes` (the rest of the file need not be there) as an IDX header of
 * unsigned bytes with `expectedDims` dimensions, so that a file's size can be checked against it before
 * the file is read. `source` names the file in error messages.
 */
export function parseIdxHeader(bytes: Uint8Array, source: string, expectedDims: number): IdxHeader {
  if (bytes.length < 4) throw new IdxFormatError(source, `too short for an IDX header (${bytes.length} bytes)`);
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    const magic = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join('');
    throw new IdxFormatError(source, `not an IDX file (magic number 0x${magic}, expected 0x0000 then type and dimensions)`);
  }
  const type = bytes[2];
  const dims = bytes[3];
  if (type !== 0x08) {
    const name = ELEMENT_TYPES[type] ?? `unknown type 0x${type.toString(16)}`;
    throw new IdxFormatError(source, `elements are ${name}; Descent reads unsigned-byte IDX files (type 0x08)`);
  }
  if (dims !== expectedDims) {
    throw new IdxFormatError(source, `has ${dims} dimensions, expected ${expectedDims}`);
  }
  const headerLength = idxHeaderLength(dims);
  if (bytes.length < headerLength) {
    throw new IdxFormatError(source, `truncated header: ${bytes.length} bytes, need ${headerLength} for ${dims} dimensions`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shape: number[] = [];
  let elements = 1;
  for (let d = 0; d < dims; d++) {
    const size = view.getUint32(4 + 4 * d, false);
    shape.push(size);
    elements *= size;
  }
  const fileLength = headerLength + elements;
  if (fileLength > MAX_IDX_FILE_BYTES) {
    throw new IdxFormatError(
      source,
      `the header declares ${shape.join('×')} = ${elements} bytes of data, more than the ${MAX_IDX_FILE_BYTES} bytes an IDX file may have here`,
    );
  }
  return { shape, headerLength, fileLength };
}

/** Throws, naming both sizes, unless `length` is the file length `header` declares. */
export function checkIdxLength(header: IdxHeader, length: number, source: string): void {
  if (length === header.fileLength) return;
  const what = length < header.fileLength ? 'truncated' : 'has trailing bytes';
  throw new IdxFormatError(
    source,
    `${what}: the header declares ${header.shape.join('×')} = ${header.fileLength - header.headerLength} bytes of data ` +
      `(file of ${header.fileLength} bytes), but the file has ${length} bytes`,
  );
}

/**
 * Parses `bytes` as an IDX array of unsigned bytes with `expectedDims` dimensions. `source` names the
 * file in error messages. The header is checked against the length before anything is allocated, so a
 * header claiming 10¹² images costs nothing.
 */
export function parseIdx(bytes: Uint8Array, source: string, expectedDims: number): IdxArray {
  const header = parseIdxHeader(bytes, source, expectedDims);
  checkIdxLength(header, bytes.length, source);
  return { shape: header.shape, data: bytes.subarray(header.headerLength) };
}
