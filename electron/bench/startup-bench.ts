/**
 * How long the short commands keep a user waiting (issue 15): `descent --help`, `descent runs` on a store of
 * 24 runs, and `descent serve` from Enter to its URL, each spawned as typed (`node bin/descent.js`: the
 * prebuilt bundle) in interleaved rounds, wall time from spawn to exit (to the URL for serve).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateStore } from './load-bench';

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'descent.js');
/** The store size the issue measured `descent runs` on. */
export const STARTUP_RUNS = 24;

export interface StartupSamples {
  readonly help: number[];
  readonly runs: number[];
  readonly serve: number[];
}

/** Seconds from spawning `descent <args>` in store `home` to its exit; throws if it fails. */
function timedCommand(home: string, args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, DESCENT_HOME: home },
    encoding: 'utf8',
    maxBuffer: 16 << 20,
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`descent ${args.join(' ')} exited with ${result.status}: ${result.stderr}`);
  return seconds;
}

/** Seconds from spawning `descent serve` (any free port) to the line with its URL; the server is then stopped. */
function timedServe(home: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], {
      env: { ...process.env, DESCENT_HOME: home },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let seconds: number | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (seconds === undefined && /Open http:\/\/\S+/.test(output)) {
        seconds = (performance.now() - started) / 1000;
        child.kill('SIGTERM');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      seconds === undefined ? reject(new Error(`descent serve ended (${code}) before its URL: ${output}`)) : resolve(seconds),
    );
  });
}

/** `repeats` interleaved rounds of the three commands on a generated store, removed afterwards. */
export async function measureStartup(repeats: number): Promise<StartupSamples> {
  const home = mkdtempSync(join(tmpdir(), 'descent-startup-bench-'));
  try {
    await generateStore(home, STARTUP_RUNS);
    // Once untimed: builds the bundle if a source is newer than it (a contributor's tree), as the first start would.
    timedCommand(home, ['--version']);
    const samples: StartupSamples = { help: [], runs: [], serve: [] };
    for (let r = 0; r < repeats; r++) {
      samples.help.push(timedCommand(home, ['--help']));
      samples.runs.push(timedCommand(home, ['runs']));
      samples.serve.push(await timedServe(home));
    }
    return samples;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
