/** Talks to a benchmark worker (Descent's or numpy's): one JSON task per line in, one result per line out. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface, type Interface } from 'node:readline';
import type { BenchTask } from './tasks';

export class BenchWorker {
  private readonly lines: AsyncIterableIterator<string>;
  private readonly reader: Interface;

  private constructor(
    private readonly child: ChildProcess,
    readonly label: string,
  ) {
    this.reader = createInterface({ input: child.stdout! });
    this.lines = this.reader[Symbol.asyncIterator]();
  }

  /** Starts `command args…` and waits for its `{"ready": true}` line. */
  static async start(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<BenchWorker> {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'inherit'], env });
    const worker = new BenchWorker(child, label);
    await worker.next();
    return worker;
  }

  /** Runs one task; resolves to the seconds it measured. */
  async run(task: BenchTask): Promise<number> {
    this.child.stdin!.write(`${JSON.stringify(task)}\n`);
    const reply = await this.next();
    if (typeof reply.seconds !== 'number') throw new Error(`${this.label}: ${reply.error ?? 'no result'}`);
    return reply.seconds;
  }

  close(): void {
    this.child.stdin!.end();
    this.reader.close();
  }

  private async next(): Promise<{ seconds?: number; error?: string; ready?: boolean }> {
    const { value, done } = await this.lines.next();
    if (done) throw new Error(`${this.label}: the worker exited`);
    return JSON.parse(value);
  }
}
