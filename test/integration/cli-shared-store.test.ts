/**
 * Two processes on one store, as a user has them: `descent train` in one terminal, and `descent annotate`
 * or `rm` in another. The run belongs to the training process; the annotation is kept, the removal refused.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { DESCENT_BIN, runDescent } from '../support/descent-cli';

const HOME = mkdtempSync(join(tmpdir(), 'descent-shared-'));
afterAll(() => rmSync(HOME, { recursive: true, force: true }));
const descent = (...args: string[]) => runDescent(HOME, args);

describe('a run trained by one CLI, changed from another', () => {
  it("annotate while it trains is kept through the trainer's later writes; rm is refused", async () => {
    const trainer = spawn(
      process.execPath,
      [DESCENT_BIN, 'train', '--json', '--iters', '1000000', '--train-size', '1000', '--seed', '5'],
      {
        env: { ...process.env, DESCENT_HOME: HOME },
      },
    );
    const exited = new Promise<number | null>((resolve) => trainer.on('exit', (code) => resolve(code)));
    let epochs = 0;
    let runId = '';
    const twoEpochs = new Promise<void>((resolve) => {
      createInterface({ input: trainer.stdout }).on('line', (text) => {
        const line = JSON.parse(text);
        runId ||= line.runId;
        if (line.type === 'epoch' && ++epochs === 2) resolve();
      });
    });
    await twoEpochs;
    const annotated = descent('annotate', runId, '--name', 'named from elsewhere', '--tags', 'kept');
    expect(annotated.code, annotated.stderr).toBe(0);
    expect(annotated.stdout).toBe(`${runId}: named from elsewhere [kept]\n`);
    expect(JSON.parse(descent('show', runId, '--json').stdout).run).toMatchObject({
      status: 'running',
      name: 'named from elsewhere',
      tags: ['kept'],
    });
    const removed = descent('rm', runId);
    expect(removed.code).toBe(2);
    expect(removed.stderr).toMatch(/is running: stop it first/);
    // More epochs: the trainer rewrites run.json several times after the edit.
    await new Promise<void>((resolve) => {
      createInterface({ input: trainer.stdout }).on(
        'line',
        (text) => JSON.parse(text).type === 'epoch' && ++epochs >= 6 && resolve(),
      );
    });
    trainer.kill('SIGINT');
    expect(await exited).toBe(0);
    const record = JSON.parse(readFileSync(join(HOME, 'runs', runId, 'run.json'), 'utf8'));
    expect(record).toMatchObject({ status: 'stopped', name: 'named from elsewhere', tags: ['kept'] });
    expect(readdirSync(join(HOME, 'runs', runId, 'edits'))).toEqual([]);
  });
});
