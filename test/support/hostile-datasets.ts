/**
 * Dataset folders an attacker (or an accident) could hand Descent, and a way to run dataset code on them
 * in a child process under a memory cap and a time limit, so that a regression cannot take down the
 * machine that runs the tests.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, openSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { typescriptExecArgv } from '../../electron/core/typescript-loader';
import type { DatasetOperationOutcome } from './dataset-probe-child';
import { idxBytes, writeToyDataset } from './idx-files';

/**
 * Data memory the child may allocate (KiB): enough for Node, far from what reading /dev/zero would take.
 * RLIMIT_DATA (`ulimit -d`) counts heap and buffers but not address space merely reserved, which
 * WebAssembly (tsx's lexer) reserves by the gigabyte: `ulimit -v` would stop Node from starting.
 */
const MEMORY_CAP_KIB = 2_000_000;
const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'dataset-probe-child.ts');

/**
 * Runs each `[operation, folder]` (operation: probe, load, prefix, probe-off-thread) in one child process
 * limited to ~2 GB of data memory and `timeoutMs`; returns what it printed for each. A child killed by
 * either limit throws.
 */
export function runDatasetOperationsCapped(cases: Array<[string, string]>, timeoutMs = 30_000): DatasetOperationOutcome[] {
  const child = spawnSync(
    'sh',
    ['-c', `ulimit -d ${MEMORY_CAP_KIB} && exec "$0" "$@"`, process.execPath, ...typescriptExecArgv(), CHILD, ...cases.flat()],
    { encoding: 'utf8', timeout: timeoutMs, killSignal: 'SIGKILL' },
  );
  if (child.status !== 0) {
    throw new Error(
      `the dataset operations did not finish (status ${child.status}, signal ${child.signal}): ${child.stderr.slice(-2000)}`,
    );
  }
  const outcomes = child.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as DatasetOperationOutcome);
  if (outcomes.length !== cases.length) throw new Error(`expected ${cases.length} outcomes, got: ${child.stdout}`);
  return outcomes;
}

/** A valid toy dataset in `folder` whose file `name` is then replaced by `replace(path)`. */
export function datasetWith(folder: string, name: string, replace: (path: string) => void, gzip = false): string {
  writeToyDataset(folder, { train: 20, test: 10, side: 4, classes: 3, gzip });
  const path = join(folder, gzip ? `${name}.gz` : name);
  rmSync(path);
  replace(path);
  return path;
}

/** A plain file of `bytes` bytes (sparse: it takes no disk space) that starts with `header`. */
export function writeSparseFile(path: string, header: Uint8Array, bytes: number): void {
  writeFileSync(path, header);
  const fd = openSync(path, 'r+');
  try {
    ftruncateSync(fd, bytes);
  } finally {
    closeSync(fd);
  }
}

/**
 * A gzip bomb with a valid IDX header: one gzip member holding the header of `shape`, followed by
 * `members` members of `memberMiB` MiB of zeros each (gunzip inflates concatenated members as one
 * stream): each 64 MiB member takes ~64 KB on disk.
 */
export function writeGzipBomb(path: string, shape: number[], members: number, memberMiB = 64): void {
  const zeros = gzipSync(Buffer.alloc(memberMiB * 1024 * 1024), { level: 9 });
  writeFileSync(path, Buffer.concat([gzipSync(idxBytes(shape, new Uint8Array(0))), ...Array<Buffer>(members).fill(zeros)]));
}

/** A symlink at `path` to `target`. */
export function linkTo(target: string): (path: string) => void {
  return (path) => symlinkSync(target, path);
}

/** A FIFO (named pipe) at `path`: opening it for reading blocks until a writer comes. */
export function makeFifo(path: string): void {
  const made = spawnSync('mkfifo', [path]);
  if (made.status !== 0) throw new Error(`mkfifo ${path} failed: ${made.stderr}`);
}
