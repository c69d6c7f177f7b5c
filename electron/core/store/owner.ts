/**
 * Who trains a run. A run belongs to the process that trains it, wherever a request about it comes from;
 * other processes sharing the store must tell a live owner from a dead one. The pid alone cannot: pids
 * are reused (after a reboot pid 1 is always alive), so the owner also records the process's start time
 * and the boot's id where the system offers them (Linux's /proc), and a pid whose start time or boot
 * differs is a different process.
 */
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import type { RunRecord } from '../../../shared/run-record';

export type RunOwner = NonNullable<RunRecord['owner']>;

/** This boot's id (Linux), or undefined where the system has none. */
export function bootId(): string | undefined {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** This machine's id (systemd's /etc/machine-id, or D-Bus's copy), or undefined where there is none. */
export function machineId(): string | undefined {
  for (const path of ['/etc/machine-id', '/var/lib/dbus/machine-id']) {
    try {
      const id = readFileSync(path, 'utf8').trim();
      if (/^[0-9a-f]{32}$/.test(id)) return id;
    } catch {
      // not this one
    }
  }
  return undefined;
}

/**
 * When process `pid` started, in clock ticks after boot (field 22 of /proc/<pid>/stat), or undefined
 * where there is no /proc or no such process.
 */
export function processStartTime(pid: number): number | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may itself hold spaces and parentheses.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const startTime = Number(fields[22 - 3]);
  return Number.isSafeInteger(startTime) ? startTime : undefined;
}

/** The owner record of this process. */
export function currentOwner(): RunOwner {
  const startTime = processStartTime(process.pid);
  const boot = bootId();
  const machine = machineId();
  return {
    pid: process.pid,
    hostname: hostname(),
    ...(startTime === undefined ? {} : { startTime }),
    ...(boot === undefined ? {} : { bootId: boot }),
    ...(machine === undefined ? {} : { machineId: machine }),
  };
}

/** True if `owner` is this very process. */
export function isCurrentProcess(owner: RunOwner): boolean {
  return (
    owner.pid === process.pid &&
    owner.hostname === hostname() &&
    (owner.startTime === undefined || owner.startTime === processStartTime(process.pid))
  );
}

/**
 * True if the process that owns a run still runs. On another machine (another hostname, or another machine id
 * under the same hostname: many hosts share a store on a cluster) we cannot tell, so we assume so — a live run is
 * never marked interrupted from elsewhere; on this one, a different boot, a missing pid, or a pid that started at
 * another time means the owner is gone.
 */
export function ownerIsAlive(owner: RunOwner): boolean {
  if (owner.hostname !== hostname()) return true;
  const machine = machineId();
  if (owner.machineId !== undefined && machine !== undefined && owner.machineId !== machine) return true;
  const boot = bootId();
  if (owner.bootId !== undefined && boot !== undefined && owner.bootId !== boot) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (owner.startTime === undefined) return true;
  const startTime = processStartTime(owner.pid);
  return startTime === undefined || startTime === owner.startTime;
}

/** "pid 4242 on host-a": the owner as a person finds it. */
export function describeOwner(owner: RunOwner): string {
  return `pid ${owner.pid} on ${owner.hostname}`;
}
