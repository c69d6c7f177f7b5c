/**
 * A single-node Slurm cluster of a test's own, in a temporary folder: Debian's `slurm-wlm` and `munge`, no
 * cgroups (proctrack/linuxproc, task/none), a munge daemon on a socket of its own, slurmctld and slurmd in the
 * foreground on free ports, all started here and stopped by their pids. Nothing of the machine's own Slurm or
 * munge (if any) is used or touched: every command finds this cluster through SLURM_CONF.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** The daemons and commands the cluster needs. */
const PROGRAMS = ['munged', 'mungekey', 'slurmctld', 'slurmd', 'sbatch', 'sinfo'];

/** Why no cluster can be started here, or null if one can. */
export function slurmUnavailable(): string | null {
  const missing = PROGRAMS.filter((name) => spawnSync('sh', ['-c', `command -v ${name}`]).status !== 0);
  if (missing.length > 0)
    return `Slurm is not installed (missing ${missing.join(', ')}; apt-get install slurm-wlm munge, as .ci/run does)`;
  if (process.getuid?.() !== 0) return 'a Slurm node needs root here (slurmd starts each job as its user)';
  return null;
}

/** A TCP port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export interface SlurmCluster {
  /** The environment every Slurm command of the test runs with (SLURM_CONF). */
  readonly env: NodeJS.ProcessEnv;
  /** The one partition. */
  readonly partition: string;
  /** The daemons' logs, for a failing test's message. */
  logs(): string;
  /** Stops the daemons (by their pids) and waits until they have exited. */
  stop(): Promise<void>;
}

/** Starts `command` in the foreground, its output to `log`. */
function daemon(command: string, args: string[], log: string, env: NodeJS.ProcessEnv): ChildProcess {
  const fd = openSync(log, 'a');
  try {
    return spawn(command, args, { stdio: ['ignore', fd, fd], env });
  } finally {
    closeSync(fd);
  }
}

/** Sends SIGTERM, and SIGKILL after 10 s; resolves when the process has exited. */
function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Starts munge, slurmctld and slurmd with their files in `dir`; resolves once the node takes jobs. */
export async function startSlurmCluster(dir: string): Promise<SlurmCluster> {
  const munge = join(dir, 'munge');
  const logs = join(dir, 'logs');
  mkdirSync(join(dir, 'state'), { recursive: true });
  mkdirSync(join(dir, 'spool'), { recursive: true });
  mkdirSync(logs, { recursive: true });
  // munged checks that its key and socket folders are private to it, and clients need to reach the socket.
  mkdirSync(munge, { recursive: true });
  chmodSync(munge, 0o711);
  chmodSync(dir, 0o755);
  const key = join(munge, 'munge.key');
  const made = spawnSync('mungekey', ['--create', `--keyfile=${key}`], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`mungekey: ${made.stderr}`);
  chmodSync(key, 0o400);
  const socket = join(munge, 'munge.socket');
  const children: ChildProcess[] = [];
  const stop = async (): Promise<void> => {
    // slurmd first (its node stops taking jobs), then the controller, then the credential daemon they both use.
    for (const child of [...children].reverse()) await stopProcess(child);
  };
  const readLogs = (): string =>
    ['munged.log', 'slurmctld.log', 'slurmd.log', 'daemons.out']
      .map((name) => join(logs, name))
      .filter((path) => existsSync(path))
      .map((path) => `--- ${path}\n${readFileSync(path, 'utf8').slice(-4000)}`)
      .join('\n');
  try {
    children.push(
      daemon(
        'munged',
        [
          '--foreground',
          '--force', // as root, which munged only agrees to when told
          `--socket=${socket}`,
          `--key-file=${key}`,
          `--pid-file=${join(munge, 'munged.pid')}`,
          `--log-file=${join(logs, 'munged.log')}`,
          `--seed-file=${join(munge, 'munged.seed')}`,
        ],
        join(logs, 'daemons.out'),
        process.env,
      ),
    );
    await waitFor(() => existsSync(socket), 'munged to open its socket', children, readLogs);

    // The node as slurmd sees this machine (name, cpus, memory): a node configured otherwise is set to drain.
    const node = spawnSync('slurmd', ['-C'], { encoding: 'utf8' }).stdout.split('\n')[0];
    const host = /^NodeName=(\S+)/.exec(node)?.[1];
    if (host === undefined) throw new Error(`slurmd -C did not describe this node: ${node}`);
    const partition = 'descent';
    const conf = join(dir, 'slurm.conf');
    writeFileSync(
      conf,
      [
        'ClusterName=descenttest',
        // Addresses given, so that no name has to resolve (a fresh container's hostname may not).
        `SlurmctldHost=${host}(127.0.0.1)`,
        `SlurmctldPort=${await freePort()}`,
        `SlurmdPort=${await freePort()}`,
        'SlurmUser=root',
        'SlurmdUser=root',
        'AuthType=auth/munge',
        'CredType=cred/munge',
        `AuthInfo=socket=${socket}`,
        `StateSaveLocation=${join(dir, 'state')}`,
        `SlurmdSpoolDir=${join(dir, 'spool')}`,
        `SlurmctldPidFile=${join(dir, 'slurmctld.pid')}`,
        `SlurmdPidFile=${join(dir, 'slurmd.pid')}`,
        `SlurmctldLogFile=${join(logs, 'slurmctld.log')}`,
        `SlurmdLogFile=${join(logs, 'slurmd.log')}`,
        'ProctrackType=proctrack/linuxproc',
        'TaskPlugin=task/none',
        'SelectType=select/cons_tres',
        'SelectTypeParameters=CR_Core',
        'SchedulerType=sched/backfill',
        'JobAcctGatherType=jobacct_gather/none',
        'AccountingStorageType=accounting_storage/none',
        'JobCompType=jobcomp/none',
        'MpiDefault=none',
        'ReturnToService=2',
        `${node} NodeAddr=127.0.0.1 State=UNKNOWN`,
        `PartitionName=${partition} Nodes=${host} Default=YES MaxTime=INFINITE State=UP`,
        '',
      ].join('\n'),
    );
    const env = { ...process.env, SLURM_CONF: conf };
    children.push(daemon('slurmctld', ['-D', '-f', conf], join(logs, 'daemons.out'), env));
    children.push(daemon('slurmd', ['-D', '-f', conf], join(logs, 'daemons.out'), env));
    await waitFor(
      () => spawnSync('sinfo', ['-h', '-N', '-o', '%T'], { encoding: 'utf8', env }).stdout.trim() === 'idle',
      'the node to be idle',
      children,
      readLogs,
    );
    return { env, partition, logs: readLogs, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Polls `ready` until it holds (at most 60 s, for a loaded machine); throws with the daemons' logs if it does not,
 * or at once if one of `daemons` has exited.
 */
async function waitFor(ready: () => boolean, what: string, daemons: ChildProcess[], logs: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!ready()) {
    const ended = daemons.find((child) => child.exitCode !== null || child.signalCode !== null);
    if (ended) throw new Error(`${ended.spawnfile} exited (${ended.exitCode ?? ended.signalCode}) before ${what}\n${logs()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${logs()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
