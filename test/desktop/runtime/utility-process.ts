/**
 * `utilityProcess.fork`: a real Node child process whose `process.parentPort` is Electron's (parent-port.ts,
 * loaded first), messages structured-cloned both ways, `exit` with the code, and the app's
 * `child-process-gone` when one dies abnormally. All go when the app exits, as Electron's do.
 */
import { fork, type ChildProcess, type IOType } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { constants } from 'node:os';
/// <reference types="electron" />
import { app, onShutdown, standInEnv } from './app';
import { electronEvent } from './lifecycle';

const PARENT_PORT = new URL('./parent-port.mjs', import.meta.url).href;
const children = new Set<ChildProcess>();

export class UtilityProcess
  extends EventEmitter
  implements Pick<Electron.UtilityProcess, 'postMessage' | 'kill' | 'pid' | 'stdout' | 'stderr'>
{
  private readonly child: ChildProcess;

  constructor(modulePath: string, args: string[], options: Electron.ForkOptions) {
    super();
    const asked = (
      typeof options.stdio === 'string' ? [options.stdio, options.stdio] : (options.stdio ?? ['inherit', 'inherit'])
    ) as IOType[];
    const [stdout, stderr] = asked.length === 3 ? asked.slice(1) : asked;
    const env: NodeJS.ProcessEnv = { ...(options.env ?? process.env) };
    if (standInEnv.resourcesPath) env.DESCENT_STAND_IN_RESOURCES_PATH = standInEnv.resourcesPath;
    this.child = fork(modulePath, args, {
      cwd: options.cwd,
      env,
      execArgv: ['--import', PARENT_PORT, ...(options.execArgv ?? [])],
      // Electron's utility process has no stdin; stdout and stderr as asked.
      stdio: ['ignore', stdout, stderr, 'ipc'],
      serialization: 'advanced',
    });
    children.add(this.child);
    const name = options.serviceName ?? 'Node Utility Process';
    this.child.on('spawn', () => this.emit('spawn'));
    this.child.on('message', (message) => this.emit('message', message));
    this.child.on('exit', (code, signal) => {
      children.delete(this.child);
      const exitCode = code ?? 128 + (signal ? constants.signals[signal] : 0);
      if (signal || code !== 0) {
        app.emit('child-process-gone', electronEvent({}), {
          type: 'Utility',
          reason: signal === 'SIGKILL' || signal === 'SIGTERM' ? 'killed' : 'crashed',
          exitCode,
          serviceName: name,
          name,
        });
      }
      this.emit('exit', exitCode);
    });
  }

  get pid(): number | undefined {
    return this.child.exitCode === null && this.child.signalCode === null ? this.child.pid : undefined;
  }

  get stdout(): NodeJS.ReadableStream | null {
    return this.child.stdout;
  }

  get stderr(): NodeJS.ReadableStream | null {
    return this.child.stderr;
  }

  postMessage(message: unknown): void {
    if (this.child.connected) this.child.send(message as object);
  }

  kill(): boolean {
    return this.child.kill('SIGTERM');
  }
}

export const utilityProcess = {
  fork: (modulePath: string, args: string[] = [], options: Electron.ForkOptions = {}): UtilityProcess =>
    new UtilityProcess(modulePath, args, options),
};

onShutdown(() => {
  for (const child of children) child.kill('SIGKILL');
});
