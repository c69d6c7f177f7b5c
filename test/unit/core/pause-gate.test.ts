/** The gate a training loop waits at while paused. */
import { describe, expect, it } from 'vitest';
import { PauseGate } from '../../../electron/core/pause-gate';

/** Whether `promise` has settled once the microtasks queued so far have run. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await Promise.resolve();
  await Promise.resolve();
  return done;
}

describe('PauseGate', () => {
  it('lets the loop through at once while open', async () => {
    const gate = new PauseGate();
    expect(gate.paused).toBe(false);
    expect(await settled(gate.wait())).toBe(true);
  });

  it('holds every waiter while paused and releases them all on resume', async () => {
    const gate = new PauseGate();
    gate.pause();
    expect(gate.paused).toBe(true);
    const waits = [gate.wait(), gate.wait()];
    expect(await settled(Promise.race(waits))).toBe(false);
    gate.resume();
    expect(gate.paused).toBe(false);
    expect(await settled(Promise.all(waits))).toBe(true);
  });

  it('releases a waiter when its signal aborts (a stop while paused), and does not wait on an aborted signal', async () => {
    const gate = new PauseGate();
    gate.pause();
    const stop = new AbortController();
    const waiting = gate.wait(stop.signal);
    expect(await settled(waiting)).toBe(false);
    stop.abort();
    expect(await settled(waiting)).toBe(true);
    expect(await settled(gate.wait(stop.signal))).toBe(true);
    expect(gate.paused).toBe(true);
  });
});
