/** The run configuration's loss timing: its default, its errors, and how runs stored before it read. */
import { describe, expect, it } from 'vitest';
import { BOOK_DEFAULTS, DEFAULT_LOSS_TIMING, parseRunConfig, storedRunConfigSchema } from '../../shared/config';
import { configFromFlags, UsageError } from '../../electron/cli/train-flags';
import { configFrom, fieldsFrom } from '../../renderer/src/lib/form';

const withoutTiming: Record<string, unknown> = { ...BOOK_DEFAULTS };
delete withoutTiming.lossTiming;

describe('lossTiming', () => {
  it("defaults to the book's after-update, in the defaults and for a configuration that leaves it out", () => {
    expect(DEFAULT_LOSS_TIMING).toBe('after-update');
    expect(BOOK_DEFAULTS.lossTiming).toBe('after-update');
    const parsed = parseRunConfig(withoutTiming);
    expect(parsed.ok && parsed.config.lossTiming).toBe('after-update');
  });

  it('an unknown timing is refused, naming the field and the values it accepts', () => {
    expect(parseRunConfig({ ...BOOK_DEFAULTS, lossTiming: 'during' })).toEqual({
      ok: false,
      issues: [
        {
          field: 'lossTiming',
          message: 'must be one of after-update, before-update, got "during"',
          input: 'during',
          code: 'invalid_value',
          allowed: ['after-update', 'before-update'],
        },
      ],
    });
  });

  it('a run stored before the field existed reads as before-update, which is what it recorded', () => {
    expect(storedRunConfigSchema.parse(withoutTiming).lossTiming).toBe('before-update');
    expect(storedRunConfigSchema.parse({ ...withoutTiming, lossTiming: 'after-update' }).lossTiming).toBe('after-update');
  });

  it('descent train --loss-timing sets it, and a bad value names the flag', () => {
    expect(configFromFlags({}).lossTiming).toBe('after-update');
    expect(configFromFlags({ lossTiming: 'before-update' }).lossTiming).toBe('before-update');
    expect(() => configFromFlags({ lossTiming: 'later' })).toThrow(UsageError);
    expect(() => configFromFlags({ lossTiming: 'later' })).toThrow(
      '--loss-timing: must be one of after-update, before-update, got "later"',
    );
  });

  it('the run form carries it both ways', () => {
    expect(fieldsFrom(BOOK_DEFAULTS).lossTiming).toBe('after-update');
    expect(configFrom({ ...fieldsFrom(), lossTiming: 'before-update' }).config?.lossTiming).toBe('before-update');
  });
});

describe('the memory a run would need', () => {
  const fields = (input: Record<string, unknown>) => {
    const parsed = parseRunConfig({ ...BOOK_DEFAULTS, ...input });
    return parsed.ok ? [] : parsed.issues.map((i) => `${i.field}: ${i.message}`);
  };

  it('is said when every size is in range but together they need more than 4 GiB', () => {
    // 784-16384-10 in float64 with batch 60 000: 8 × (2 × 13 025 290 + 60 000 × 33 562) bytes ≈ 15.2 GiB.
    expect(fields({ layers: [784, 16384, 10], batchSize: 60000, dtype: 'float64' })).toEqual([
      'layers: a 784-16384-10 network with batch 60000 in float64 needs about 15.2 GiB, more than the 4.0 GiB a run may use',
    ]);
  });

  it('is not said for a batch size or layer out of its own range: its own error names the field and range', () => {
    expect(fields({ batchSize: 1e99 })).toEqual(['batchSize: must be a whole number from 1 to 60000, got 1e+99']);
    expect(fields({ layers: [784, 1e12, 10] })).toEqual([
      expect.stringMatching(/^layers\.1: must be a whole number from 1 to 16384, got 1000000000000$/),
    ]);
  });
});
