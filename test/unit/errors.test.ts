import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../shared/errors';

describe('errorMessage: one line for anything thrown', () => {
  it('an Error gives its message (its name if the message is empty)', () => {
    expect(errorMessage(new RangeError('batch must be at least 1'))).toBe('batch must be at least 1');
    expect(errorMessage(new TypeError(''))).toBe('TypeError');
  });

  it('a thrown string is the message itself', () => {
    expect(errorMessage('disk full')).toBe('disk full');
    expect(errorMessage('')).toBe('an empty error message');
  });

  it('undefined and null say what was thrown, not "undefined"', () => {
    expect(errorMessage(undefined)).toBe('an unknown error (undefined was thrown)');
    expect(errorMessage(null)).toBe('an unknown error (null was thrown)');
  });

  it('an Error that crossed a process boundary (a plain object) gives its message', () => {
    expect(errorMessage({ name: 'Error', message: 'trainer died' })).toBe('trainer died');
  });

  it('other values are shown as JSON, or as text when JSON cannot show them', () => {
    expect(errorMessage(42)).toBe('42');
    expect(errorMessage({ code: 'EPERM' })).toBe('{"code":"EPERM"}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(errorMessage(cyclic)).toBe('[object Object]');
    expect(errorMessage(10n)).toBe('10');
    expect(errorMessage(Object.create(null))).toBe('{}');
  });
});
