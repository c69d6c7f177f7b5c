/** The utility-process trainer host with Electron mocked: no Electron binary exists on these machines. */
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TrainerEvents, TrainerExit } from '../../../electron/core/trainer-host';

/** What `utilityProcess.fork` returns, reduced to what the host uses. */
class FakeUtilityProcess extends EventEmitter {
  pid = 4242;
  posted: unknown[] = [];
  killed = false;
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  kill(): boolean {
    this.killed = true;
    return true;
  }
}

// vi.mock factories run before this file's imports, so the fake app is built inside vi.hoisted.
const electron = await vi.hoisted(async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  return {
    app: new Emitter(),
    forks: [] as Array<{ entry: string; options: { serviceName: string } }>,
    children: [] as unknown[],
  };
});

vi.mock('electron', () => ({
  app: electron.app,
  utilityProcess: {
    fork: (entry: string, _args: string[], options: { serviceName: string }) => {
      electron.forks.push({ entry, options });
      const child = new FakeUtilityProcess();
      electron.children.push(child);
      return child;
    },
  },
}));

const { UtilityTrainerHost } = await import('../../../electron/main/utility-trainer-host');

function listen() {
  const messages: unknown[] = [];
  const malformed: string[] = [];
  const exits: TrainerExit[] = [];
  const events: TrainerEvents = {
    onMessage: (m) => void messages.push(m),
    onMalformed: (e) => void malformed.push(e),
    onExit: (e) => void exits.push(e),
  };
  return { events, messages, malformed, exits };
}

describe('UtilityTrainerHost', () => {
  beforeEach(() => {
    electron.forks.length = 0;
    electron.children.length = 0;
  });

  it('forks one utility process per run with a unique service name, and relays validated messages', () => {
    const host = new UtilityTrainerHost('/app/out/trainer.js');
    const a = listen();
    const handle = host.spawn('run-a', a.events);
    host.spawn('run-b', listen().events);
    expect(electron.forks.map((f) => [f.entry, f.options.serviceName])).toEqual([
      ['/app/out/trainer.js', 'descent-trainer-run-a'],
      ['/app/out/trainer.js', 'descent-trainer-run-b'],
    ]);
    const child = electron.children[0] as FakeUtilityProcess;
    child.emit('message', { type: 'progress', iterations: [0], losses: [2.3] });
    child.emit('message', { type: 'progress', iterations: [0], losses: [null] });
    expect(a.messages).toEqual([{ type: 'progress', iterations: [0], losses: [2.3] }]);
    expect(a.malformed[0]).toMatch(/^malformed message: losses/);
    handle.send({ type: 'pause' });
    expect(child.posted).toEqual([{ type: 'pause' }]);
    expect(handle.pid).toBe(4242);
    handle.kill();
    expect(child.killed).toBe(true);
  });

  it('a crash that reports exit code 0 is told apart by child-process-gone', async () => {
    const host = new UtilityTrainerHost('/t.js');
    const run = listen();
    host.spawn('crashy', run.events);
    electron.app.emit(
      'child-process-gone',
      {},
      { type: 'Utility', reason: 'crashed', exitCode: 0, serviceName: 'descent-trainer-crashy' },
    );
    (electron.children[0] as FakeUtilityProcess).emit('exit', 0);
    // The host waits a moment after 'exit' for Electron's 'child-process-gone' (which may come later).
    await vi.waitFor(() => expect(run.exits).toEqual([{ code: null, signal: 'crashed' }]));
  });

  it("a clean exit is reported with its code; other processes' reasons do not leak into it", async () => {
    const host = new UtilityTrainerHost('/t.js');
    const run = listen();
    host.spawn('fine', run.events);
    electron.app.emit('child-process-gone', {}, { type: 'GPU', reason: 'crashed', exitCode: 1 });
    electron.app.emit(
      'child-process-gone',
      {},
      { type: 'Utility', reason: 'oom', exitCode: 1, serviceName: 'descent-trainer-other' },
    );
    (electron.children[0] as FakeUtilityProcess).emit('exit', 0);
    await vi.waitFor(() => expect(run.exits).toEqual([{ code: 0, signal: null }]));
  });
});
