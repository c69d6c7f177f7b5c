/**
 * The CLI as a person sees it on a terminal: `--version`, and the progress bar of `descent train` run
 * under a real pseudo-terminal (util-linux `script`), whose speed and time left must agree with the run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'descent.js');
const HOME = mkdtempSync(join(tmpdir(), 'descent-cli-terminal-'));
afterAll(() => rmSync(HOME, { recursive: true, force: true }));

describe('descent --version', () => {
  it('prints the version of package.json and exits 0', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const run = spawnSync(process.execPath, [BIN, flag], { encoding: 'utf8' });
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(`${version}\n`);
    }
  });
});

/** The summary's duration in seconds, in any of its units ("850 ms" on a fast machine, "12.3 s", "1 min 5 s" under load). */
function summarySeconds(text: string): number {
  const [, ms] = text.match(/^(\d+) ms$/) ?? [];
  if (ms !== undefined) return Number(ms) / 1000;
  const [, minutes, secs] = text.match(/^(?:(\d+) min )?([\d.]+) s$/) ?? [];
  if (secs === undefined) throw new Error(`not a duration: ${text}`);
  return Number(minutes ?? 0) * 60 + Number(secs);
}

/** Everything `args` writes to a pseudo-terminal (stdout and stderr both TTYs, as in a shell). */
function onTerminal(args: string[]): Promise<string> {
  // A wide terminal, so that no bar is cut at 80 columns; the echo keeps the session open until the
  // command's last output is read (`script` may stop reading when its child exits).
  const command = `stty cols 200; ${[process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' ')}; echo "exit $?"`;
  // stdin stays open: `script` ends the session at EOF on its input.
  const child = spawn('script', ['-qec', command, '/dev/null'], { env: { ...process.env, DESCENT_HOME: HOME } });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return new Promise((resolve) => child.on('exit', () => resolve(output)));
}

describe.skipIf(!existsSync('/usr/bin/script'))('the progress bar of descent train on a terminal', () => {
  const shown = onTerminal(['train', '--iters', '2000', '--train-size', '10000', '--seed', '1']);

  /** Every state of the bar that was drawn: iterations done, it/s, ETA text. */
  async function bars() {
    const text = await shown;
    return [...text.matchAll(/(\d+)\/2000 it \| (\S+) it\/s \| ETA ([^|]+?) \|/g)].map((m) => ({
      done: Number(m[1]),
      speed: m[2],
      eta: m[3],
    }));
  }

  it('ends on the same it/s as the summary line, which is shown (not lost when the bars stop)', async () => {
    expect(await shown).toMatch(/exit 0/);
    const summary = (await shown).match(/completed: 2000 iterations in .*? at (\d+) it\/s/);
    expect(summary).not.toBeNull();
    const last = (await bars()).pop()!;
    expect(last.done).toBe(2000);
    expect(last.speed).toBe(summary![1]);
  });

  it('shows no ETA until it has measured a speed, and the first one is not wild', async () => {
    const text = await shown;
    const total = summarySeconds(text.match(/completed: 2000 iterations in (\d+ ms|[\d.]+ s|\d+ min [\d.]+ s)/)![1]);
    const states = await bars();
    expect(states[0]).toMatchObject({ speed: '–', eta: '–' });
    const first = states.find((s) => s.eta !== '–')!;
    expect(first.speed).not.toBe('–');
    const [, minutes, secs] = first.eta.match(/^(?:(\d+) min )?(\d+) s$/) ?? [];
    const seconds = secs === undefined ? Infinity : Number(minutes ?? 0) * 60 + Number(secs);
    // The time left is of the order of the whole run (the old bar said "1h0m" for a 7 s run); slack for a
    // loaded machine, where the first iterations run slowest.
    expect(seconds).toBeLessThanOrEqual(5 * total + 2);
  });
});
