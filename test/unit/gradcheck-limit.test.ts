/** One gradient-check batch limit (shared/engine/gradcheck.ts) for the trainer protocol, the API and the CLI. */
import { describe, expect, it } from 'vitest';
import { GRADIENT_CHECK_MAX_BATCH } from '../../shared/engine/gradcheck';
import { hostMessageSchema } from '../../shared/protocol';
import { BOOK_DEFAULTS } from '../../shared/config';

describe("the gradient check's batch limit", () => {
  it('is 1 000 images', () => {
    expect(GRADIENT_CHECK_MAX_BATCH).toBe(1000);
  });

  it('the trainer protocol takes a check of that many images and refuses one more', () => {
    const message = (batch: number) => ({
      type: 'gradcheck',
      config: { ...BOOK_DEFAULTS, seed: 1 },
      batch,
      dataPath: '/data/mnist',
    });
    expect(hostMessageSchema.safeParse(message(GRADIENT_CHECK_MAX_BATCH)).success).toBe(true);
    expect(hostMessageSchema.safeParse(message(GRADIENT_CHECK_MAX_BATCH + 1)).success).toBe(false);
  });
});
