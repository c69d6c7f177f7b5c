/** One set of limits for what a person writes about a run, shared by the API and the command line. */
import { describe, expect, it } from 'vitest';
import { annotationSchema, runMetadataSchema, sweepRequestSchema } from '../../shared/api';
import { fitRunName, RUN_TEXT_LIMITS, runNameSchema } from '../../shared/run-text';

describe('run text limits', () => {
  it("the API's schemas take names, tags and notes up to the shared limits and refuse one more", () => {
    const name = 'n'.repeat(RUN_TEXT_LIMITS.name);
    expect(runMetadataSchema.safeParse({ name }).success).toBe(true);
    expect(runMetadataSchema.safeParse({ name: `${name}n` }).success).toBe(false);
    expect(annotationSchema.safeParse({ notes: 'x'.repeat(RUN_TEXT_LIMITS.notes + 1) }).success).toBe(false);
    expect(annotationSchema.safeParse({ tags: ['t'.repeat(RUN_TEXT_LIMITS.tag + 1)] }).success).toBe(false);
    expect(
      annotationSchema.safeParse({ tags: Array.from({ length: RUN_TEXT_LIMITS.tags + 1 }, (_, i) => `t${i}`) }).success,
    ).toBe(false);
    expect(sweepRequestSchema.shape.name.safeParse(`${name}n`).success).toBe(false);
  });

  it('fitRunName cuts a composed name to the limit with an ellipsis, and leaves a short one alone', () => {
    expect(fitRunName('sweep: lr 0.1')).toBe('sweep: lr 0.1');
    const fitted = fitRunName(`${'g'.repeat(RUN_TEXT_LIMITS.name)}: lr 0.1`);
    expect(fitted).toHaveLength(RUN_TEXT_LIMITS.name);
    expect(fitted.endsWith('g…')).toBe(true);
    expect(runNameSchema.safeParse(fitted).success).toBe(true);
  });
});
