/**
 * Calls made in the order they were queued, each as soon as it and everything before it can go: how a
 * training session keeps its reports in the run's order (progress up to update i, the measurement after it,
 * then later progress) while measurements are made in another thread and arrive later.
 */
export class InOrder {
  private readonly queue: { call: (() => void) | null }[] = [];

  /** Makes `call` now, or once everything queued before it has gone. */
  push(call: () => void): void {
    this.queue.push({ call });
    this.drain();
  }

  /** Keeps a place in the order: the call later given to the returned function goes when its turn comes. */
  reserve(): (call: () => void) => void {
    const slot: { call: (() => void) | null } = { call: null };
    this.queue.push(slot);
    return (call) => {
      slot.call = call;
      this.drain();
    };
  }

  private drain(): void {
    while (this.queue.length > 0 && this.queue[0].call) this.queue.shift()!.call!();
  }
}
