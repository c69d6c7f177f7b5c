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
