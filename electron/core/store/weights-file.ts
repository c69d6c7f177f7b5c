/**
 * Final weights of a run: `weights.json` (format version, dtype, shapes, byte offsets, seed) beside
 * `weights.bin` (the values, little-endian, in the order W1, b1, W2, b2, …), so that any tool can
 * read them: numpy with `np.fromfile(…, dtype='<f4', count=…, offset=…)`.
 */
import { dirname } from 'node:path';
import { readStoreFile, replaceFile } from './store-file';
import type { MultiLayerNet } from '../../../shared/engine/network';
import { bytesPerElement, type FloatArray } from '../../../shared/engine/tensor';
import { parseWeightsHeader, WEIGHTS_SCHEMA_VERSION, type WeightsHeader } from '../../../shared/weights-header';

export { WEIGHTS_SCHEMA_VERSION, type WeightsHeader } from '../../../shared/weights-header';

/** Writes `<base>.bin` then `<base>.json` (the header last, so a header always describes a whole file). */
export function writeWeights(base: string, network: MultiLayerNet, seed: number): WeightsHeader {
  const { layers, activation, loss, dtype } = network.spec;
  const bytesPer = bytesPerElement(dtype);
  let offset = 0;
  const parameters = network.parameters().map((p) => {
    const entry = { name: p.name, rows: p.rows, cols: p.cols, byteOffset: offset, length: p.values.length };
    offset += p.values.length * bytesPer;
    return entry;
  });
  const bytes = Buffer.alloc(offset);
  network.parameters().forEach((p, i) => {
    const view = new DataView(bytes.buffer, bytes.byteOffset + parameters[i].byteOffset, p.values.length * bytesPer);
    for (let k = 0; k < p.values.length; k++) {
      if (bytesPer === 4) view.setFloat32(k * 4, p.values[k], true);
      else view.setFloat64(k * 8, p.values[k], true);
    }
  });
  replaceFile(`${base}.bin`, bytes, { fsync: true });
  const header: WeightsHeader = {
    schemaVersion: WEIGHTS_SCHEMA_VERSION,
    dtype,
    byteOrder: 'little-endian',
    layers: [...layers],
    activation,
    loss,
    seed,
    parameters,
  };
  replaceFile(`${base}.json`, `${JSON.stringify(header, null, 2)}\n`, { fsync: true });
  return header;
}

/** A weights header is a few kilobytes; anything past this is not one. */
const MAX_HEADER_BYTES = 1024 * 1024;

/**
 * Reads weights written by `writeWeights`: the header and one array per parameter. Both files are read as
 * store files (store-file.ts): regular files only (a link only to a file in the same folder), the header
 * at most 1 MiB, the values no longer than the header says they are.
 */
export function readWeights(base: string): { header: WeightsHeader; values: FloatArray[] } {
  const folder = dirname(base);
  const parsed = parseWeightsHeader(readStoreFile(`${base}.json`, folder, MAX_HEADER_BYTES).toString('utf8'));
  if (!parsed.ok) throw new Error(`${base}.json: ${parsed.error}`);
  const { header } = parsed;
  const bytesPer = bytesPerElement(header.dtype);
  const described = Math.max(0, ...header.parameters.map((p) => p.byteOffset + p.length * bytesPer));
  const bytes = readStoreFile(`${base}.bin`, folder, described);
  const values = header.parameters.map((p) => {
    if (p.byteOffset + p.length * bytesPer > bytes.length) throw new Error(`${base}.bin: too short for parameter ${p.name}`);
    const view = new DataView(bytes.buffer, bytes.byteOffset + p.byteOffset, p.length * bytesPer);
    const out = bytesPer === 4 ? new Float32Array(p.length) : new Float64Array(p.length);
    for (let k = 0; k < p.length; k++) out[k] = bytesPer === 4 ? view.getFloat32(k * 4, true) : view.getFloat64(k * 8, true);
    return out;
  });
  return { header, values };
}
