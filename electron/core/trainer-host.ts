/**
 * Starting trainer processes. One interface, two implementations: Electron's utilityProcess
 * (electron/main/utility-trainer-host.ts) and Node's child_process.fork (below), used by the CLI and
 * the tests. Both validate every message from the trainer before passing it on.
 */
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseMessage, trainerMessageSchema, type HostMessage, type TrainerMessage } from '../../shared/protocol';
import { typescriptExecArgv } from './typescript-loader';

/** How a trainer process ended. */
export interface TrainerExit {
  readonly code: number | null;
  /** The signal that killed it, or a reason the platform gave (e.g. Electron's `child-process-gone`). */
  readonly signal: string | null;
}

/** What the host hears from one trainer. */
export interface TrainerEvents {
  onMessage(message: TrainerMessage): void;
  /** A message that failed validation: reported, not acted on. */
  onMalformed(error: string): void;
  onExit(exit: TrainerExit): void;
}

/** One running trainer process. */
export interface TrainerHandle {
  readonly pid: number | undefined;
  send(message: HostMessage): void;
  /** Ends the process at once (after a cooperative stop timed out, or on shutdown). */
  kill(): void;
}

/** Starts trainer processes. */
export interface TrainerHost {
  spawn(runId: string, events: TrainerEvents): TrainerHandle;
}

/** Passes a raw message from a trainer on to `events`, validated. */
export function deliver(events: TrainerEvents, value: unknown): void {
  const parsed = parseMessage(trainerMessageSchema, value);
  if (parsed.ok) events.onMessage(parsed.message);
  else events.onMalformed(parsed.error);
}

/**
 * The trainer's entry: the prebuilt `node-trainer.js` beside this module's bundle (the CLI's, out/cli/,
 * scripts/cli-bundle.js), which starts without compiling anything; else the TypeScript source (tests and
 * `DESCENT_FROM_SOURCE=1` run sources), compiled by tsx in the child.
 */
function nodeTrainerEntry(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const built = join(here, 'node-trainer.js');
  return existsSync(built) ? built : join(here, '..', 'trainer', 'node-entry.ts');
}

/** Trainers as Node child processes (`child_process.fork`), one per run. */
export class NodeTrainerHost implements TrainerHost {
  constructor(private readonly entry: string = nodeTrainerEntry()) {}

  spawn(_runId: string, events: TrainerEvents): TrainerHandle {
    const execArgv = this.entry.endsWith('.ts') ? typescriptExecArgv() : [];
    const child = fork(this.entry, [], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.on('message', (value) => deliver(events, value));
    child.on('exit', (code, signal) => events.onExit({ code, signal }));
    child.on('error', (error) => events.onMalformed(`trainer process error: ${error.message}`));
    return {
      pid: child.pid,
      send: (message) => {
        if (child.connected) child.send(message);
      },
      kill: () => void child.kill('SIGKILL'),
    };
  }
}
