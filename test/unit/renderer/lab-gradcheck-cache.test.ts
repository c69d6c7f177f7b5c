/** The Lab's gradient check asks the backend once per (seed, images): visits and retyped values reuse it. */
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkbenchApi } from '../../../shared/api';
import { BOOK_DEFAULTS } from '../../../shared/config';
import type { GradientCheckReport } from '../../../shared/protocol';
import { bookGradientCheck, forgetGradientChecks } from '../../../renderer/src/lib/lab/gradcheck-cache';

/** A backend that records each request and answers (or refuses) when told. */
function recordingBackend() {
  const asked: Array<{ seed: number; images: number }> = [];
  const pending: Array<{ resolve: (r: GradientCheckReport) => void; reject: (e: Error) => void }> = [];
  const api: Pick<WorkbenchApi, 'gradientCheck'> = {
    gradientCheck: (config, images) => {
      asked.push({ seed: config.seed!, images });
      expect({ ...config, seed: undefined }).toEqual({ ...BOOK_DEFAULTS, seed: undefined });
      return new Promise((resolve, reject) => pending.push({ resolve, reject }));
    },
  };
  const report = (seed: number, batch: number): GradientCheckReport => ({
    batch,
    seed,
    parameters: [],
    numericalSeconds: 1,
    analyticSeconds: 0,
  });
  return { api, asked, pending, report };
}

describe('the Lab gradient check cache', () => {
  afterEach(() => forgetGradientChecks());

  it('asks once for the same seed and images, in flight or answered; other values ask again', async () => {
    const backend = recordingBackend();
    const first = bookGradientCheck(backend.api, 1, 3);
    const again = bookGradientCheck(backend.api, 1, 3); // the page opened a second time while the first check runs
    expect(backend.asked).toEqual([{ seed: 1, images: 3 }]);
    backend.pending[0].resolve(backend.report(1, 3));
    expect(await first).toEqual(backend.report(1, 3));
    expect(await again).toBe(await first);
    expect(await bookGradientCheck(backend.api, 1, 3)).toBe(await first);
    void bookGradientCheck(backend.api, 2, 3);
    void bookGradientCheck(backend.api, 1, 10);
    expect(backend.asked).toEqual([
      { seed: 1, images: 3 },
      { seed: 2, images: 3 },
      { seed: 1, images: 10 },
    ]);
  });

  it('asks again after a refusal (a busy or stopping backend), not reusing the failure', async () => {
    const backend = recordingBackend();
    const refused = bookGradientCheck(backend.api, 1, 3);
    backend.pending[0].reject(new Error('a gradient check is already running'));
    await expect(refused).rejects.toThrow('already running');
    const retried = bookGradientCheck(backend.api, 1, 3);
    expect(backend.asked).toHaveLength(2);
    backend.pending[1].resolve(backend.report(1, 3));
    expect((await retried).batch).toBe(3);
  });

  it('keeps at most 8 reports, forgetting the oldest', async () => {
    const backend = recordingBackend();
    for (let seed = 0; seed < 9; seed++) void bookGradientCheck(backend.api, seed, 3);
    void bookGradientCheck(backend.api, 8, 3); // kept
    void bookGradientCheck(backend.api, 0, 3); // forgotten: asked again
    expect(backend.asked.map((a) => a.seed)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 0]);
  });
});
