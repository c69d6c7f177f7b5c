/** Trainer entry for a Node child process (`child_process.fork`): the CLI's and the tests' transport. */
import { serveTrainer } from './trainer';

if (!process.send) throw new Error('the trainer must be started with child_process.fork (it needs an IPC channel)');
const send = process.send.bind(process);
let pending = 0;
let exitCode: number | null = null;

/** Closes the channel once every message sent has been handed over, so the host sees `done` last. */
function exitWhenFlushed(): void {
  if (exitCode === null || pending > 0) return;
  process.exitCode = exitCode;
  process.disconnect?.();
}

// Ctrl-C in a terminal signals the whole process group: the host decides how its runs stop (cleanly,
// with a summary), so the trainer leaves SIGINT to it.
process.on('SIGINT', () => {});

// A host that dies (kill -9 of the CLI) closes the channel: an orphaned trainer has no one to report to.
process.on('disconnect', () => {
  if (exitCode === null) process.exit(2);
});

serveTrainer(
  {
    send: (message) => {
      pending++;
      send(message, undefined, undefined, () => {
        pending--;
        exitWhenFlushed();
      });
    },
    onMessage: (handler) => void process.on('message', handler),
  },
  (code) => {
    exitCode = code;
    exitWhenFlushed();
  },
);
