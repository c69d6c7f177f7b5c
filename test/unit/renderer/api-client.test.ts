/**
 * The browser's API client (renderer/src/lib/api-client.ts) against answers shaped as `descent serve`'s bridge
 * sends them (electron/server/bridge.ts): a method without a result answers `{"ok":true}`, without `value`.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectApi } from '../../../renderer/src/lib/api-client';

const RUN_ID = '20261128-103400-3f9a1c';

/** A page served by the bridge (no preload's `window.descent`) whose every call gets `body` back. */
function pageAnswering(body: unknown, status = 200) {
  vi.stubGlobal('window', {});
  const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status }));
  vi.stubGlobal('fetch', fetch);
  return { api: connectApi(), fetch };
}

describe('the browser bridge client', () => {
  afterEach(() => void vi.unstubAllGlobals());

  it.each(['pauseRun', 'resumeRun', 'stopRun', 'deleteRun'] as const)(
    '%s: the bridge\'s {"ok":true} for a method without a result is success, not an error',
    async (method) => {
      const { api, fetch } = pageAnswering({ ok: true });
      await expect(api[method](RUN_ID)).resolves.toBeUndefined();
      expect(fetch).toHaveBeenCalledWith(`api/${method}`, expect.objectContaining({ body: JSON.stringify({ args: [RUN_ID] }) }));
    },
  );

  it("passes on the bridge's error and refuses what is not an API response", async () => {
    await expect(pageAnswering({ ok: false, error: 'no run 20261128-103400-3f9a1c' }, 400).api.stopRun(RUN_ID)).rejects.toThrow(
      'no run 20261128-103400-3f9a1c',
    );
    await expect(pageAnswering({ value: 3 }).api.stopRun(RUN_ID)).rejects.toThrow(
      'stopRun: the bridge answered something that is not an API response (200)',
    );
    // A value where the method has none is not taken either (the method's own schema says void).
    await expect(pageAnswering({ ok: true, value: 3 }).api.stopRun(RUN_ID)).rejects.toThrow();
  });
});
