/**
 * A failure in the Inside view's worker thread reaches the serving thread as the page can word it: a coded error
 * (a test image past the end of MNIST's test set) is thrown again as the same kind with its code and params — it
 * arrived as an `unexpected` Error with the worker's English inside — and the bridge answers it with 400; an
 * uncoded error keeps its message.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledMnistFolder } from '../../electron/core/datasets';
import { runInsideJobOffThread } from '../../electron/core/inside-off-thread';
import { httpStatusOf } from '../../electron/server/http-status';
import { CodedError, InvalidRequestError } from '../../shared/errors';
import { failureOf } from '../../shared/failure';

/** What the job rejected with (the test fails if it resolved). */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('the job should have been refused'),
    (error: unknown) => error,
  );
}

describe("the Inside view's worker", () => {
  it('refuses test image 10000 of MNIST as inside.testImageOutOfRange with the index and the count (HTTP 400)', async () => {
    const error = await rejection(runInsideJobOffThread({ type: 'images', folder: bundledMnistFolder(), indices: [3, 10_000] }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(httpStatusOf(error)).toBe(400);
    expect(failureOf(error)).toEqual({
      code: 'inside.testImageOutOfRange',
      params: { index: 10_000, count: 10_000 },
      // The English the CLI and the logs show, unchanged.
      message: 'test image 10000 does not exist: the test set has images 0…9999',
    });
  }, 60_000);

  it('passes an uncoded failure on as an Error with its message', async () => {
    const missing = join(bundledMnistFolder(), 'no-such-dataset');
    const error = await rejection(runInsideJobOffThread({ type: 'images', folder: missing, indices: [0] }));
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(CodedError);
    expect(failureOf(error).code).toBe('unexpected');
    expect(error).toHaveProperty('message', expect.stringContaining('no-such-dataset'));
  }, 60_000);
});
