/**
 * Removes a desktop test's temporary folder once nothing writes into it any more. A quit app's Chromium is
 * gone when its main process has exited, but its helper processes (zygote, network service, crash handler)
 * may still flush the profile under the folder for a while on a loaded machine: rmdir then meets files
 * created after it listed the folder (ENOTEMPTY). So wait until no process names the folder on its command
 * line, stop those that outlive the wait (they are the test's own leftovers), then remove it with retries.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';

const WAIT_MS = 30_000;
const POLL_MS = 100;

/** Process ids whose command line mentions `folder` (Linux /proc; elsewhere none are found). */
export function processesUsing(folder: string): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const found: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(folder)) found.push(Number(entry));
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

export async function removeWorkFolder(folder: string): Promise<void> {
  for (const deadline = Date.now() + WAIT_MS; processesUsing(folder).length > 0 && Date.now() < deadline;)
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  for (const pid of processesUsing(folder)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // exited meanwhile
    }
  }
  rmSync(folder, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
}
