import { describe, expect, it } from 'vitest';
import { checkIdxLength, MAX_IDX_FILE_BYTES, parseIdx, parseIdxHeader, IdxFormatError } from '../../shared/data/idx';

/** An IDX file of unsigned bytes with the given shape and data. */
function idx(shape: number[], data: number[], type = 0x08): Uint8Array {
  const header = new Uint8Array(4 + 4 * shape.length);
  header[2] = type;
  header[3] = shape.length;
  const view = new DataView(header.buffer);
  shape.forEach((size, d) => view.setUint32(4 + 4 * d, size, false));
  return new Uint8Array([...header, ...data]);
}

describe('IDX reader', () => {
  it('reads a valid 2×2×3 image file as a view on its data', () => {
    const data = [0, 1, 2, 3, 4, 5, 250, 251, 252, 253, 254, 255];
    const parsed = parseIdx(idx([2, 2, 3], data), 'images', 3);
    expect(parsed.shape).toEqual([2, 2, 3]);
    expect(Array.from(parsed.data)).toEqual(data);
  });

  it('reads a label file', () => {
    expect(Array.from(parseIdx(idx([4], [7, 2, 1, 0]), 'labels', 1).data)).toEqual([7, 2, 1, 0]);
  });

  it('reports a truncated file with the declared and the actual size', () => {
    const bytes = idx([2, 2, 3], [1, 2, 3, 4, 5]);
    expect(() => parseIdx(bytes, 'train-images', 3)).toThrow(
      'train-images: truncated: the header declares 2×2×3 = 12 bytes of data (file of 28 bytes), but the file has 21 bytes',
    );
  });

  it('reports trailing bytes', () => {
    expect(() => parseIdx(idx([2], [1, 2, 3]), 'labels', 1)).toThrow(/has trailing bytes/);
  });

  it('reports a wrong magic number (a gzip file given as IDX)', () => {
    const gzip = new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0]);
    expect(() => parseIdx(gzip, 'x.gz', 1)).toThrow(
      'x.gz: not an IDX file (magic number 0x1f8b0800, expected 0x0000 then type and dimensions)',
    );
  });

  it('reports element types other than unsigned byte by name', () => {
    expect(() => parseIdx(idx([1], [0, 0, 0, 0], 0x0d), 'f', 1)).toThrow(/elements are float32/);
    expect(() => parseIdx(idx([1], [0], 0x42), 'f', 1)).toThrow(/unknown type 0x42/);
  });

  it('reports the wrong number of dimensions', () => {
    expect(() => parseIdx(idx([3], [1, 2, 3]), 'labels-as-images', 3)).toThrow('labels-as-images: has 1 dimensions, expected 3');
  });

  it('refuses a header claiming 10¹² images without allocating', () => {
    const bytes = idx([1_000_000, 1_000_000, 1_000_000], []);
    expect(() => parseIdx(bytes, 'huge', 3)).toThrow(IdxFormatError);
  });

  it('reports files too short for a header', () => {
    expect(() => parseIdx(new Uint8Array([0, 0]), 'tiny', 1)).toThrow('tiny: too short for an IDX header (2 bytes)');
    expect(() => parseIdx(new Uint8Array([0, 0, 8, 3, 0, 0]), 'cut', 3)).toThrow(/truncated header: 6 bytes, need 16/);
  });

  it("reads a header alone, so that a file's size can be checked before it is read", () => {
    // MNIST's training images: 60000×28×28 after a 16-byte header.
    const header = parseIdxHeader(idx([60000, 28, 28], []), 'train-images', 3);
    expect(header).toEqual({ shape: [60000, 28, 28], headerLength: 16, fileLength: 16 + 60000 * 784 });
    expect(() => checkIdxLength(header, 47_040_016, 'train-images')).not.toThrow();
    expect(() => checkIdxLength(header, 1.5 * 2 ** 30, 'train-images')).toThrow(
      'train-images: has trailing bytes: the header declares 60000×28×28 = 47040000 bytes of data (file of 47040016 bytes), but the file has 1610612736 bytes',
    );
  });

  it('refuses a header declaring more than the largest file it reads (2 GiB − 1), by name', () => {
    expect(MAX_IDX_FILE_BYTES).toBe(2147483647);
    expect(parseIdxHeader(idx([MAX_IDX_FILE_BYTES - 8], []), 'labels', 1).fileLength).toBe(MAX_IDX_FILE_BYTES);
    expect(() => parseIdxHeader(idx([MAX_IDX_FILE_BYTES - 7], []), 'labels', 1)).toThrow(
      'labels: the header declares 2147483640 = 2147483640 bytes of data, more than the 2147483647 bytes an IDX file may have here',
    );
  });
});
