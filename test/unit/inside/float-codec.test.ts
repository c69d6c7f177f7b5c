/** Floats and bytes across the API as base64: RFC 4648's test vectors, and exact round trips. */
import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeFloats, encodeBytes, encodeFloats } from '../../../shared/inside/float-codec';

const text = (s: string) => new TextEncoder().encode(s);

describe('base64', () => {
  it('RFC 4648 §10: "" "f" "fo" "foo" "foob" "fooba" "foobar"', () => {
    expect(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map((s) => encodeBytes(text(s)))).toEqual([
      '',
      'Zg==',
      'Zm8=',
      'Zm9v',
      'Zm9vYg==',
      'Zm9vYmE=',
      'Zm9vYmFy',
    ]);
    expect(new TextDecoder().decode(decodeBytes('Zm9vYmE='))).toBe('fooba');
  });
  it("matches Node's Buffer on every byte value", () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(encodeBytes(all)).toBe(Buffer.from(all).toString('base64'));
    expect(decodeBytes(Buffer.from(all).toString('base64'))).toEqual(all);
  });
  it('refuses text that is not base64', () => {
    expect(() => decodeBytes('Zm9')).toThrow('multiple of 4');
    expect(() => decodeBytes('Zm!v')).toThrow('not base64: "!" at 2');
  });
});

describe('encodeFloats / decodeFloats', () => {
  it('1.0 in float32 is 00 00 80 3f little-endian: "AACAPw=="', () => {
    expect(encodeFloats([1], 'float32')).toBe('AACAPw==');
  });
  it('round-trips float32 and float64 values exactly (including -0, tiny and huge)', () => {
    const values = [0, -0, 1.5, -2.25, 1e-30, 3.4e38, Math.PI];
    expect(decodeFloats(encodeFloats(values, 'float64'), 'float64')).toEqual(Float64Array.from(values));
    expect(decodeFloats(encodeFloats(values, 'float32'), 'float32')).toEqual(Float32Array.from(values));
  });
});
