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
  0x08: 'unsigned byte', 0x09: 'signed byte', 0x0b: 'int16', 0x0c: 'int32', 0x0d: 'float32', 0x0e: 'float64',
};

/** A file that is not a well-formed IDX file of the expected kind. */
export class IdxFormatError extends Error {
  constructor(readonly source: string, reason: string) {
    super(`${source}: ${reason}`);
    this.name = 'IdxFormatError';
  }
}

/**
 * Parses `bytes` as an IDX array of unsigned bytes with `expectedDims` dimensions. `source` names the
 * file in error messages. The header is checked against the length before anything is allocated, so a
 * header claiming 10¹² images costs nothing.
 */
export function parseIdx(bytes: Uint8Array, source: string, expectedDims: number): IdxArray {
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
  const headerLength = 4 + 4 * dims;
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
  const expected = headerLength + elements;
  if (bytes.length !== expected) {
    const what = bytes.length < expected ? 'truncated' : 'has trailing bytes';
    throw new IdxFormatError(
      source,
      `${what}: the header declares ${shape.join('×')} = ${elements} bytes of data (file of ${expected} bytes), ` +
        `but the file has ${bytes.length} bytes`,
    );
  }
  return { shape, data: bytes.subarray(headerLength) };
}
