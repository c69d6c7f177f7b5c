/**
 * `descent sweep … --emit slurm`: a Slurm batch script whose job array trains a sweep plan, one run per task
 * (`descent run-plan PLAN --index $SLURM_ARRAY_TASK_ID --home STORE`), on a store folder every node sees.
 * What the user passes for the scheduler (partition, time limit, cpus, memory, tasks at once) goes into
 * `#SBATCH` lines, which sbatch reads without a shell: each value is checked against what Slurm accepts, so
 * that no value can end the line and add a command of its own.
 */
import { UsageError } from './train-flags';

/** The scheduler's settings a user may pass through (each absent: the cluster's default). */
export interface SlurmOptions {
  readonly partition?: string;
  /** Time limit of each task, in one of Slurm's forms ("30", "1:30:00", "2-12"). */
  readonly time?: string;
  readonly cpusPerTask?: number;
  /** Memory of each task ("4G", "500M"). */
  readonly mem?: string;
  /** Most tasks of the array running at once (`--array=0-N%LIMIT`). */
  readonly arrayLimit?: number;
}

/** The job: the plan's file and size, the store, and the command that runs `descent` on a node. */
export interface SlurmJob {
  readonly planPath: string;
  readonly runs: number;
  readonly home: string;
  readonly group: string;
  /** The program and arguments that start `descent` (e.g. node and bin/descent.js). */
  readonly descent: readonly string[];
  readonly options: SlurmOptions;
}

/** Slurm's time forms: minutes, minutes:seconds, hours:minutes:seconds, days-hours[:minutes[:seconds]]. */
const TIME = /^(\d+|\d+:\d{1,2}|\d+:\d{1,2}:\d{1,2}|\d+-\d+(:\d{1,2}){0,2})$/;
/** Partition names (a comma-separated list is allowed: the first free one is taken). */
const PARTITION = /^[A-Za-z0-9_.-]+(,[A-Za-z0-9_.-]+)*$/;
/** A size in megabytes, or with a unit K, M, G or T. */
const MEMORY = /^\d+[KMGT]?$/;

/** `--partition` as given, or UsageError naming the flag and the form. */
export function slurmPartition(text: string): string {
  if (!PARTITION.test(text))
    throw new UsageError(
      `--partition: must be a partition name (letters, digits, . _ -; several separated by commas), got ${JSON.stringify(text)}`,
    );
  return text;
}

/** `--time` as given, or UsageError naming the flag and Slurm's forms. */
export function slurmTime(text: string): string {
  if (!TIME.test(text))
    throw new UsageError(
      `--time: must be a Slurm time limit: minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS, got ${JSON.stringify(text)}`,
    );
  return text;
}

/** `--mem` as given, or UsageError naming the flag and the form. */
export function slurmMemory(text: string): string {
  if (!MEMORY.test(text))
    throw new UsageError(
      `--mem: must be a size in megabytes, or with a unit K, M, G or T (e.g. 4G), got ${JSON.stringify(text)}`,
    );
  return text;
}

/** A word the shell takes literally, whatever it holds. */
export function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A job name from the sweep's group: Slurm shows it in squeue; only plain characters, so it stays one word. */
function jobName(group: string): string {
  const plain = group
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  return `descent-${plain}`.slice(0, 64);
}

/** The batch script's text. */
export function slurmScript(job: SlurmJob): string {
  const { options } = job;
  const directives = [
    `--job-name=${jobName(job.group)}`,
    `--array=0-${job.runs - 1}${options.arrayLimit === undefined ? '' : `%${options.arrayLimit}`}`,
    '--ntasks=1',
    ...(options.partition === undefined ? [] : [`--partition=${slurmPartition(options.partition)}`]),
    ...(options.time === undefined ? [] : [`--time=${slurmTime(options.time)}`]),
    ...(options.cpusPerTask === undefined ? [] : [`--cpus-per-task=${options.cpusPerTask}`]),
    ...(options.mem === undefined ? [] : [`--mem=${slurmMemory(options.mem)}`]),
  ];
  return [
    '#!/bin/bash',
    // JSON quoting keeps the group on this comment line, whatever it holds.
    `# Descent sweep ${JSON.stringify(job.group)}: ${job.runs} runs as a Slurm job array, one run per task.`,
    '# Written by `descent sweep … --emit slurm`. Submit with: sbatch <this file>',
    `# Plan:  ${JSON.stringify(job.planPath)}`,
    `# Store: ${JSON.stringify(job.home)} (on a disk every node sees; watch it with DESCENT_HOME=<store> descent serve)`,
    ...directives.map((d) => `#SBATCH ${d}`),
    'set -euo pipefail',
    `descent=(${job.descent.map(shellQuote).join(' ')})`,
    `exec "\${descent[@]}" run-plan ${shellQuote(job.planPath)} --index "$SLURM_ARRAY_TASK_ID" --home ${shellQuote(job.home)}`,
    '',
  ].join('\n');
}
