import { describe, expect, it } from 'vitest';
import { BOOK_DEFAULTS } from '../../shared/config';
import { hostMessageSchema, parseMessage, trainerMessageSchema, type TrainerMessage } from '../../shared/protocol';
import { serveTrainer, type TrainerPort } from '../../electron/trainer/trainer';
import { makeSummary } from '../support/runs';

const start = { type: 'start', runId: 'r1', config: { ...BOOK_DEFAULTS, seed: 1 }, dataPath: '/data' };

describe('host → trainer messages', () => {
  it('accepts the four commands', () => {
    for (const m of [start, { type: 'pause' }, { type: 'resume' }, { type: 'stop' }])
      expect(parseMessage(hostMessageSchema, m).ok).toBe(true);
  });

  const bad: Array<[string, unknown]> = [
    ['an unknown type', { type: 'explode' }],
    ['extra fields', { type: 'stop', now: true }],
    ['a config without a seed', { ...start, config: BOOK_DEFAULTS }],
    ['an invalid config', { ...start, config: { ...BOOK_DEFAULTS, seed: 1, learningRate: -1 } }],
    ['a missing data path', { type: 'start', runId: 'r1', config: { ...BOOK_DEFAULTS, seed: 1 } }],
    ['a huge run id', { ...start, runId: 'x'.repeat(10_000) }],
    ['not an object', 'stop'],
    ['null', null],
  ];
  for (const [what, message] of bad) {
    it(`rejects ${what}`, () => {
      const result = parseMessage(hostMessageSchema, message);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/^malformed message: /);
    });
  }
});

describe('trainer → host messages', () => {
  it('accepts progress, epoch, done and failed', () => {
    const ok: unknown[] = [
      { type: 'ready' },
      { type: 'progress', iterations: [0, 1], losses: [2.3, 2.2] },
      { type: 'epoch', iteration: 600, epoch: 1, trainAcc: 0.78, testAcc: 0.79 },
      { type: 'done', summary: makeSummary() },
      { type: 'done', summary: makeSummary({ status: 'diverged', divergedAt: 12, trainAcc: null, testAcc: null }) },
      { type: 'failed', message: 'out of memory' },
    ];
    for (const m of ok) expect(parseMessage(trainerMessageSchema, m)).toMatchObject({ ok: true });
  });

  it('rejects non-finite losses, mismatched batches, accuracies outside [0, 1], unknown statuses', () => {
    const bad: unknown[] = [
      { type: 'progress', iterations: [0], losses: [NaN] },
      { type: 'progress', iterations: [0, 1], losses: [1] },
      { type: 'progress', iterations: [-1], losses: [1] },
      { type: 'epoch', iteration: 0, epoch: 0, trainAcc: 1.5, testAcc: 0 },
      { type: 'done', summary: { ...makeSummary(), status: 'failed' } },
      // The whole summary is checked, as run.json stores it: a summary missing its timings is refused.
      { type: 'done', summary: { runId: 'r1', status: 'completed', iterations: 10, trainAcc: 0.9 } },
    ];
    for (const m of bad) expect(parseMessage(trainerMessageSchema, m).ok).toBe(false);
  });
});

describe('the trainer refuses bad host messages and keeps going', () => {
  function connect() {
    const sent: TrainerMessage[] = [];
    let handler: (value: unknown) => void = () => {};
    const port: TrainerPort = { send: (m) => void sent.push(m), onMessage: (h) => void (handler = h) };
    const exits: number[] = [];
    serveTrainer(port, (code) => void exits.push(code));
    return { sent, exits, deliver: (value: unknown) => handler(value) };
  }

  it('says ready, rejects a malformed message, exits 0 on stop before start', () => {
    const trainer = connect();
    expect(trainer.sent).toEqual([{ type: 'ready' }]);
    trainer.deliver({ type: 'start', runId: 'r1' });
    expect(trainer.sent[1].type).toBe('rejected');
    expect((trainer.sent[1] as { message: string }).message).toMatch(/malformed message: config/);
    trainer.deliver({ type: 'stop' });
    expect(trainer.exits).toEqual([0]);
  });

  it('says paused only once a run holds (none is training here), and acknowledges resume', () => {
    const trainer = connect();
    trainer.deliver({ type: 'pause' });
    expect(trainer.sent.slice(1)).toEqual([]);
    trainer.deliver({ type: 'resume' });
    expect(trainer.sent.slice(1)).toEqual([{ type: 'resumed' }]);
  });
});
