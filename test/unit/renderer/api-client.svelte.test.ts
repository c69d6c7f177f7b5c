/** The browser's API client over the bridge: a failed call shows the bridge's message, whatever its status. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectApi } from '../../../renderer/src/lib/api-client';

const id = '20261128-103400-3f9a1c';

/** Answers every call with `status` and `body` (a string as is, anything else as JSON). */
function bridgeAnswers(status: number, body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  vi.stubGlobal('fetch', async () => new Response(text, { status, headers: { 'Content-Type': 'application/json' } }));
}

afterEach(() => void vi.unstubAllGlobals());

describe('the bridge client', () => {
  it('rejects with the bridge’s own message for a bad request, an unknown run, a conflict and a backend failure', async () => {
    const api = connectApi();
    for (const [status, error] of [
      [400, 'layers: the input layer must have 784 units (pixels per image), got 100'],
      [404, `no run ${id} in /home/runs`],
      [409, `cannot pause run ${id}: it is not running`],
      [500, `/home/runs/${id}/run.json: is not valid JSON`],
      [503, 'the gradient check was cancelled (the backend is stopping)'],
    ] as const) {
      bridgeAnswers(status, { ok: false, error });
      await expect(api.getRun(id)).rejects.toThrow(error);
    }
  });

  it('names the status when the answer is not the bridge’s (a proxy’s error page)', async () => {
    bridgeAnswers(502, '<html>Bad Gateway</html>');
    await expect(connectApi().getRun(id)).rejects.toThrow(
      'getRun: the bridge answered something that is not an API response (502)',
    );
  });
});
