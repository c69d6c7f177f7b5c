/** The CLI on the store: kill -9 and Ctrl-C mid-run, a learning-rate sweep, runs/show/export/rm/restore. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = join(__dirname, '..', '..', 'bin', 'descent.js');
const HOME = mkdtempSync(join(tmpdir(), 'descent-cli-store-'));
const env = { ...process.env, DESCENT_HOME: HOME };
afterAll(() => rmSync(HOME, { recursive: true, force: true }));

function descent(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000, env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const jsonLines = (text: string): Array<Record<string, any>> =>
  text
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

/** Starts a long `descent train --json` and resolves once `ready(line)` holds for a line of its output. */
async function startTraining(ready: (line: Record<string, any>) => boolean) {
  // Its own process group, as a shell gives a foreground job, so a test can signal the group as Ctrl-C does.
  const child = spawn(process.execPath, [BIN, 'train', '--json', '--iters', '1000000', '--train-size', '1000', '--seed', '9'], {
    env,
    detached: true,
  });
  const lines: Array<Record<string, any>> = [];
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve) => {
    createInterface({ input: child.stdout }).on('line', (text) => {
      const line = JSON.parse(text);
      lines.push(line);
      if (ready(line)) resolve();
    });
  });
  return { child, lines, exited };
}

/** Pids of trainer processes working for this test's DESCENT_HOME (the CLI's prebuilt trainer, or its source through tsx). */
function trainersOfThisHome(): number[] {
  const pids: number[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const environ = readFileSync(`/proc/${pid}/environ`, 'utf8');
      if (/node-trainer\.js|node-entry\.ts/.test(cmdline) && environ.split('\0').includes(`DESCENT_HOME=${HOME}`))
        pids.push(Number(pid));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

describe('the CLI starts prebuilt JavaScript (scripts/cli-bundle.js)', () => {
  it('its trainer process runs out/cli/node-trainer.js, with no TypeScript loader (tsx compiled it on every start before)', async () => {
    const { child, exited } = await startTraining((l) => l.type === 'progress');
    const trainers = trainersOfThisHome();
    const args = trainers.length === 1 ? readFileSync(`/proc/${trainers[0]}/cmdline`, 'utf8').split('\0') : [];
    process.kill(-child.pid!, 'SIGINT');
    expect(await exited).toBe(0);
    expect(trainers).toHaveLength(1);
    expect(args.some((arg) => arg.endsWith(join('out', 'cli', 'node-trainer.js')))).toBe(true);
    expect(args.join(' ')).not.toMatch(/tsx|--import|\.ts\b/);
  });
});

describe('a killed or interrupted CLI never loses a run', () => {
  it('kill -9 of the CLI mid-run: the next command finds the run interrupted with its history, and no trainer lingers', async () => {
    const { child, lines, exited } = await startTraining((l) => l.type === 'epoch' && l.iteration >= 30);
    const runId = lines[0].runId as string;
    expect(trainersOfThisHome()).toHaveLength(1);
    child.kill('SIGKILL');
    await exited;
    // The orphaned trainer notices its parent is gone and exits on its own.
    await expect.poll(() => trainersOfThisHome(), { timeout: 10_000 }).toEqual([]);
    const runs = jsonLines(descent('runs', '--json').stdout);
    const run = runs.find((r) => r.id === runId)!;
    expect(run.status).toBe('interrupted');
    expect(run.error).toMatch(/ended while the run was running/);
    const shown = JSON.parse(descent('show', runId, '--json').stdout);
    expect(shown.metrics.epochs.length).toBeGreaterThanOrEqual(4);
    expect(shown.metrics.losses.length).toBeGreaterThanOrEqual(30);
    expect(shown.metrics.iterations.slice(0, 3)).toEqual([0, 1, 2]);
  });

  it('Ctrl-C (SIGINT to the whole process group) stops the run cleanly: exit 0, status stopped, summary last', async () => {
    const { child, lines, exited } = await startTraining((l) => l.type === 'progress');
    process.kill(-child.pid!, 'SIGINT');
    expect(await exited).toBe(0);
    const summary = lines[lines.length - 1];
    expect(summary.type).toBe('summary');
    expect(summary.status).toBe('stopped');
    expect(summary.error).toBeUndefined();
    expect(summary.iterations).toBeGreaterThan(0);
    expect(summary.testAcc).toBeGreaterThan(0);
    expect(jsonLines(descent('runs', '--json').stdout).find((r) => r.id === summary.runId)!.status).toBe('stopped');
  });
});

describe('a diverging run', () => {
  it('stops at the first non-finite loss as diverged, keeps its finite history, exits 1, saves no weights', () => {
    // Six ReLU layers at lr 1000 in float32: activations overflow to Infinity within a few iterations.
    const run = descent(
      'train',
      '--layers',
      '784,256,256,256,256,256,256,10',
      '--activation',
      'relu',
      '--init',
      'he',
      '--lr',
      '1000',
      '--iters',
      '50',
      '--train-size',
      '1000',
      '--seed',
      '1',
      '--json',
    );
    expect(run.code).toBe(1);
    const lines = jsonLines(run.stdout);
    const summary = lines[lines.length - 1];
    expect(summary).toMatchObject({ status: 'diverged', trainAcc: null, testAcc: null });
    expect(summary.divergedAt).toBeGreaterThan(0);
    expect(summary.iterations).toBe(summary.divergedAt);
    const losses = lines.filter((l) => l.type === 'progress').flatMap((l) => l.losses);
    expect(losses).toHaveLength(summary.divergedAt);
    expect(losses.every(Number.isFinite)).toBe(true);
    const shown = JSON.parse(descent('show', summary.runId, '--json').stdout);
    expect(shown.run.status).toBe('diverged');
    expect(shown.metrics.losses).toEqual(losses);
    expect(readdirSync(join(HOME, 'runs', summary.runId))).not.toContain('weights.bin');
  });
});

describe('descent sweep', () => {
  const run = descent(
    'sweep',
    '--lr',
    '0.01,0.1,1',
    '--iters',
    '300',
    '--train-size',
    '5000',
    '--seed',
    '3',
    '--parallel',
    '2',
    '--json',
    '--name',
    'lr sweep',
  );
  const lines = run.code === 0 ? jsonLines(run.stdout) : [];
  const summaries = lines.filter((l) => l.type === 'summary');

  it('trains one run per value, in parallel, each line tagged with its run', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(summaries.map((s) => s.config.learningRate).sort((a, b) => a - b)).toEqual([0.01, 0.1, 1]);
    expect(summaries.every((s) => s.status === 'completed')).toBe(true);
    const ids = new Set(summaries.map((s) => s.runId));
    expect(lines.filter((l) => l.type !== 'summary').every((l) => ids.has(l.runId))).toBe(true);
  });

  it('orders as the book shows: the larger the learning rate (up to 1.0), the lower the loss', () => {
    const byLr = Object.fromEntries(summaries.map((s) => [s.config.learningRate, s]));
    expect(byLr[1].meanLossLast100).toBeLessThan(byLr[0.1].meanLossLast100);
    expect(byLr[0.1].meanLossLast100).toBeLessThan(byLr[0.01].meanLossLast100);
    expect(byLr[1].testAcc).toBeGreaterThan(byLr[0.01].testAcc);
  });

  it('a grid of two flags has every combination; --layers lists are separated by ;', () => {
    const grid = descent(
      'sweep',
      '--lr',
      '0.1,1',
      '--layers',
      '784,20,10;784,30,10',
      '--iters',
      '5',
      '--train-size',
      '500',
      '--json',
    );
    expect(grid.code).toBe(0);
    const combos = jsonLines(grid.stdout)
      .filter((l) => l.type === 'summary')
      .map((s) => `${s.config.learningRate} ${s.config.layers.join('-')}`);
    expect(combos.sort()).toEqual(['0.1 784-20-10', '0.1 784-30-10', '1 784-20-10', '1 784-30-10']);
  });

  it('a bad value anywhere in a list names the flag and starts nothing', () => {
    const before = jsonLines(descent('runs', '--json').stdout).length;
    const bad = descent('sweep', '--lr', '0.1,-1', '--iters', '5');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--lr: must be a number greater than 0 and at most 1000, got -1/);
    expect(jsonLines(descent('runs', '--json').stdout)).toHaveLength(before);
  });

  it('descent export writes one tidy CSV for several runs', () => {
    const ids = summaries.map((s) => s.runId);
    const csv = descent('export', ...ids, '--format', 'csv')
      .stdout.trim()
      .split('\n');
    // Tidy: the hyperparameters in columns of their own, the raw loss and its smoothing side by side.
    expect(csv[0]).toBe(
      'run,name,dataset,layers,activation,weight_init,loss_function,gradient,optimizer,learning_rate,batch_size,' +
        'iterations,train_size,dtype,loss_timing,seed,iteration,epoch,loss,loss_smoothed,smoothing,train_acc,test_acc',
    );
    // 300 iterations with a loss each, plus the final measurement after the last one, per run.
    expect(csv).toHaveLength(1 + 3 * 301);
    const header = csv[0].split(',');
    // Cells of a row, quoted names (with commas) kept whole.
    const cells = (line: string) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1]).slice(0, header.length);
    const at = (row: string[], column: string) => row[header.indexOf(column)];
    const first = csv.map(cells).find((row) => row[0] === ids[0] && at(row, 'iteration') === '50')!;
    expect(Number(at(first, 'epoch'))).toBe(1);
    expect(Number(at(first, 'train_acc'))).toBeGreaterThan(0);
    expect(Number(at(first, 'learning_rate'))).toBe(summaries[0].config.learningRate);
    expect(at(first, 'layers')).toBe(summaries[0].config.layers.join('-'));
    const json = JSON.parse(descent('export', ids[0], '--format', 'json').stdout);
    expect(json[0].losses).toHaveLength(300);
    expect(json[0].run.id).toBe(ids[0]);
  });

  it("train --from takes an earlier run's configuration, seed included, and applies the other flags", () => {
    const source = summaries.find((s) => s.config.learningRate === 0.1)!;
    const again = jsonLines(descent('train', '--from', source.runId, '--iters', '10', '--json').stdout).pop()!;
    expect(again.config).toEqual({ ...source.config, iterations: 10 });
    // Same seed and data: the first losses repeat exactly.
    const firstLoss = (runId: string) => JSON.parse(descent('show', runId, '--json').stdout).metrics.losses[0];
    expect(firstLoss(again.runId)).toBe(firstLoss(source.runId));
  });

  it('annotate renames, tags and notes a finished run; bad input is refused', () => {
    const id = summaries[1].runId;
    expect(descent('annotate', id, '--name', 'lr 0.1 (book)', '--tags', 'book, sweep', '--notes', 'as in figure 4-11').code).toBe(
      0,
    );
    const run = JSON.parse(descent('show', id, '--json').stdout).run;
    expect(run).toMatchObject({ name: 'lr 0.1 (book)', tags: ['book', 'sweep'], notes: 'as in figure 4-11' });
    expect(descent('annotate', id).stderr).toMatch(/give --name, --tags or --notes/);
    expect(descent('annotate', id, '--name', ' ').stderr).toMatch(/--name: must not be empty/);
  });

  it('rm moves a run to the trash, restore brings it back', () => {
    const id = summaries[0].runId;
    expect(descent('rm', id).code).toBe(0);
    expect(jsonLines(descent('runs', '--json').stdout).some((r) => r.id === id)).toBe(false);
    expect(descent('restore', id).code).toBe(0);
    expect(jsonLines(descent('runs', '--json').stdout).some((r) => r.id === id)).toBe(true);
    const unknown = descent('show', 'nope');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no run matches "nope"/);
  });
});
