/**
 * `descent show` and `export` on a history of 2 000 000 iterations (~53 MB of metrics) in a CLI whose heap
 * is capped at 96 MiB: the figures come from one streaming pass, and `show --json` and the exports are
 * written piece by piece, so none holds the history (read whole, its arrays alone would take ~48 MB, its
 * JSON ~90 MB and its CSV ~400 MB as one string).
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RunStore } from '../../electron/core/store/run-store';
import { makeRecord } from '../support/runs';
import { DESCENT_BIN, runDescent } from '../support/descent-cli';
import { ITERATIONS_PER_EPOCH, lossAt, writeLongHistory } from '../../electron/bench/long-history';

const HOME = mkdtempSync(join(tmpdir(), 'descent-long-'));
afterAll(() => rmSync(HOME, { recursive: true, force: true }));

const ITERATIONS = 2_000_000;
const store = new RunStore(HOME);
const record = makeRecord({ status: 'completed', iterationsDone: ITERATIONS });
store.create(record);
writeLongHistory(store.metricsPath(record.id), ITERATIONS);

// From the sources: bin/descent.js would otherwise rebuild its bundle in this capped process whenever a
// source is newer than it, and the cap is for the command's own work.
const descentCapped = (...args: string[]) => runDescent(HOME, args, ['--max-old-space-size=96'], { DESCENT_FROM_SOURCE: '1' });

describe('a long history on the command line, in bounded memory', () => {
  it('show prints the count, the last loss and every epoch', () => {
    const shown = descentCapped('show', record.id);
    expect(shown.code, shown.stderr.slice(-1000)).toBe(0);
    expect(shown.stdout).toContain(`losses     2000000 recorded, last ${lossAt(ITERATIONS - 1).toFixed(4)}`);
    const epochRows = shown.stdout.split('\n').filter((line) => /^\s*\d+\.\d\d\s+\d+\s+0\.9000\s+0\.8900\s*$/.test(line));
    expect(epochRows).toHaveLength(Math.floor(ITERATIONS / (ITERATIONS_PER_EPOCH * 10)));
  });

  it('export streams every value to CSV and JSON files', () => {
    const csvPath = join(HOME, 'long.csv');
    const csv = descentCapped('export', record.id, '--format', 'csv', '--out', csvPath);
    expect(csv.code, csv.stderr.slice(-1000)).toBe(0);
    // One row per iteration (every measurement falls on one), plus the header; read a chunk at a time.
    let newlines = 0;
    const fd = openSync(csvPath, 'r');
    const chunk = Buffer.alloc(1 << 20);
    for (let n; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0;)
      for (let i = 0; i < n; i++) if (chunk[i] === 0x0a) newlines++;
    closeSync(fd);
    expect(newlines).toBe(1 + ITERATIONS);
    const head = readFileSync(csvPath, { encoding: 'utf8', flag: 'r' }).slice(0, 4000).split('\n');
    const columns = head[0].split(',');
    const row = Object.fromEntries(head[2].split(',').map((cell, i) => [columns[i], cell]));
    expect(row).toMatchObject({ run: record.id, iteration: '1', loss: String(lossAt(1)) });

    const jsonPath = join(HOME, 'long.json');
    const json = descentCapped('export', record.id, '--format', 'json', '--out', jsonPath);
    expect(json.code, json.stderr.slice(-1000)).toBe(0);
    const [exported] = JSON.parse(readFileSync(jsonPath, 'utf8'));
    expect(exported.iterations).toHaveLength(ITERATIONS);
    expect(exported.losses[1_999_999]).toBe(lossAt(1_999_999));
    expect(exported.epochs).toHaveLength(Math.floor(ITERATIONS / (ITERATIONS_PER_EPOCH * 10)));
  });

  it('show --json streams every value', () => {
    const shown = descentCapped('show', record.id, '--json');
    expect(shown.code, shown.stderr.slice(-1000)).toBe(0);
    const { run, metrics } = JSON.parse(shown.stdout);
    expect(run.id).toBe(record.id);
    expect(metrics.iterations).toHaveLength(ITERATIONS);
    expect(metrics.iterations[1_234_567]).toBe(1_234_567);
    expect(metrics.losses[1_234_567]).toBe(lossAt(1_234_567));
    expect(metrics.seconds[ITERATIONS - 1]).toBeCloseTo(ITERATIONS / 50_000, 9);
    expect(metrics.warnings).toEqual([]);
  });

  it.each([
    ['show --json', ['show', record.id, '--json'], (out: { metrics: { losses: number[] } }) => out.metrics.losses],
    ['export --format json', ['export', record.id, '--format', 'json'], (out: Array<{ losses: number[] }>) => out[0].losses],
  ] as const)(
    '%s into a reader that waits before reading: the output waits for the pipe, not in memory',
    async (_, args, losses) => {
      // Node writes to a pipe asynchronously: a writer that ignores it queues the whole ~90 MB of JSON in its heap
      // while the reader is busy (CI's loaded machine: out of memory under the 96 MiB cap).
      const child = spawn(process.execPath, ['--max-old-space-size=96', DESCENT_BIN, ...args], {
        env: { ...process.env, DESCENT_HOME: HOME, DESCENT_FROM_SOURCE: '1' },
      });
      const closed = new Promise<number | null>((resolve) => child.once('close', resolve));
      const chunks: Buffer[] = [];
      let stderr = '';
      child.stderr.on('data', (data: Buffer) => void (stderr += String(data)));
      child.stdout.pause();
      await new Promise((resolve) => setTimeout(resolve, 10_000));
      child.stdout.on('data', (data: Buffer) => void chunks.push(data));
      child.stdout.resume();
      expect(await closed, stderr.slice(-1000)).toBe(0);
      const values = losses(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      expect(values).toHaveLength(ITERATIONS);
      expect(values[ITERATIONS - 1]).toBe(lossAt(ITERATIONS - 1));
    },
  );
});
