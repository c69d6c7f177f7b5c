/**
 * Trainers as Electron utility processes: the desktop app's `TrainerHost`, and the only file that
 * imports `utilityProcess`. Each run gets its own process with a unique `serviceName`, so that
 * `app.on('child-process-gone')` can say which run's trainer died and why (a crashed utility process
 * may report exit code 0, so the exit code alone cannot be trusted).
 */
import { app, utilityProcess } from 'electron';
import { deliver, type TrainerEvents, type TrainerHandle, type TrainerHost } from '../core/trainer-host';

/** How long to wait after `exit` for Electron's reason (`child-process-gone` may come second). */
const GONE_GRACE_MS = 100;

export class UtilityTrainerHost implements TrainerHost {
  /** Why each service's process went, by serviceName, as `child-process-gone` reports it. */
  private readonly goneReasons = new Map<string, string>();

  /** @param entry path of the built `utility-entry` trainer script */
  constructor(private readonly entry: string) {
    app.on('child-process-gone', (_event, details) => {
      if (details.type === 'Utility' && details.serviceName && details.reason !== 'clean-exit') {
        this.goneReasons.set(details.serviceName, details.reason);
      }
    });
  }

  spawn(runId: string, events: TrainerEvents): TrainerHandle {
    const serviceName = `descent-trainer-${runId}`;
    const child = utilityProcess.fork(this.entry, [], { serviceName, stdio: 'inherit' });
    child.on('message', (value) => deliver(events, value));
    child.on('exit', (code) => {
      setTimeout(() => {
        const reason = this.goneReasons.get(serviceName) ?? null;
        this.goneReasons.delete(serviceName);
        events.onExit({ code: reason ? null : code, signal: reason });
      }, GONE_GRACE_MS);
    });
    return {
      get pid() {
        return child.pid;
      },
      send: (message) => child.postMessage(message),
      kill: () => void child.kill(),
    };
  }
}
