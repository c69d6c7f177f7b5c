import { describe, expect, it } from 'vitest';
import { parseWeightsHeader } from '../../shared/weights-header';

const header = {
  schemaVersion: 1,
  dtype: 'float32',
  byteOrder: 'little-endian',
  layers: [784, 50, 10],
  activation: 'sigmoid',
  loss: 'cross_entropy',
  seed: 7,
  parameters: [
    { name: 'W1', rows: 784, cols: 50, byteOffset: 0, length: 39200 },
    { name: 'b1', rows: 1, cols: 50, byteOffset: 156800, length: 50 },
  ],
};
const text = (change: object) => JSON.stringify({ ...header, ...change });

describe('weights.json header', () => {
  it('a header as writeWeights writes it parses to itself', () => {
    expect(parseWeightsHeader(JSON.stringify(header))).toEqual({ ok: true, header });
  });

  it('another format version is refused by name, before any field is checked', () => {
    expect(parseWeightsHeader(text({ schemaVersion: 2, dtype: 'int8' }))).toEqual({
      ok: false,
      error: 'weights format version 2; this Descent reads 1',
    });
    expect(parseWeightsHeader('{}')).toEqual({ ok: false, error: 'weights format version undefined; this Descent reads 1' });
  });

  it('a field that does not fit is named: dtype, a parameter whose length is not rows × cols, a negative offset', () => {
    expect(parseWeightsHeader(text({ dtype: 'int8' }))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^does not match the weights format: dtype: /),
    });
    const bad = (p: object) => parseWeightsHeader(text({ parameters: [{ ...header.parameters[0], ...p }] }));
    expect(bad({ length: 39199 })).toEqual({
      ok: false,
      error: 'does not match the weights format: parameters.0.length: length must be rows × cols',
    });
    expect(bad({ byteOffset: -4 })).toMatchObject({ ok: false, error: expect.stringMatching(/parameters\.0\.byteOffset/) });
  });

  it('text that is not JSON says so', () => {
    expect(parseWeightsHeader('{"schemaVersion": 1,')).toEqual({ ok: false, error: 'is not valid JSON' });
  });
});
