/** Running the `descent` command as a user does (a Node process on bin/descent.js) on a store of the test's. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const DESCENT_BIN = join(__dirname, '..', '..', 'bin', 'descent.js');

/**
 * The exit code and output of `descent …args` with DESCENT_HOME=`home` (`nodeArgs` go to Node, e.g. a heap
 * cap; `env` adds variables).
 */
export function runDescent(
  home: string,
  args: string[],
  nodeArgs: string[] = [],
  env: NodeJS.ProcessEnv = {},
): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [...nodeArgs, DESCENT_BIN, ...args], {
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, ...env, DESCENT_HOME: home },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The learning-rate sweep the export cases compare, made by `descent sweep` into `home`: one run per rate, each
 * `iterations` on the first 1 000 images with seed 3, in a group named `lrs`, two at a time.
 */
export function sweepLearningRates(home: string, rates: readonly string[], iterations: number): void {
  const sweep = runDescent(home, [
    'sweep',
    '--lr',
    rates.join(','),
    '--iters',
    String(iterations),
    '--train-size',
    '1000',
    '--seed',
    '3',
    '--parallel',
    '2',
    '--name',
    'lrs',
  ]);
  if (sweep.code !== 0) throw new Error(`descent sweep failed: ${sweep.stderr}`);
}
