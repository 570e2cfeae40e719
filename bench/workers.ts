import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { benchDir, nodeWithFdLimit } from './server.js';

/** The load-generator processes (bench/worker.ts), driven over IPC. */
export class WorkerPool {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();

  private constructor(private readonly children: ChildProcess[]) {
    for (const child of children) {
      child.on('message', (m: unknown) => {
        const r = m as { id?: number; ok?: boolean; result?: unknown; error?: string };
        if (typeof r.id !== 'number') return;
        const w = this.waiting.get(r.id);
        if (!w) return;
        this.waiting.delete(r.id);
        if (r.ok) w.resolve(r.result);
        else w.reject(new Error(`worker: ${r.error}`));
      });
      child.on('exit', (code, signal) => {
        if (code !== 0 && signal !== 'SIGTERM') {
          for (const w of this.waiting.values()) w.reject(new Error(`a load worker exited (${code ?? signal})`));
          this.waiting.clear();
        }
      });
    }
  }

  static async start(n: number): Promise<WorkerPool> {
    const children = await Promise.all(
      Array.from(
        { length: n },
        () =>
          new Promise<ChildProcess>((resolve, reject) => {
            const [cmd, argv] = nodeWithFdLimit(['--conditions=source', '--import', 'tsx', path.join(benchDir, 'worker.ts')]);
            const child = spawn(cmd, argv, { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
            child.once('message', () => resolve(child));
            child.once('exit', (code) => reject(new Error(`load worker exited at start (${code})`)));
          }),
      ),
    );
    return new WorkerPool(children);
  }

  get size(): number {
    return this.children.length;
  }

  pids(): number[] {
    return this.children.map((c) => c.pid!).filter(Boolean);
  }

  call<T = any>(worker: number, op: string, args: unknown): Promise<T> {
    const child = this.children[worker]!;
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      child.send({ id, op, args });
    });
  }

  /** Runs `op` on every worker, with the arguments `argsFor(i)` (skips workers given undefined). */
  async all<T = any>(op: string, argsFor: (i: number) => unknown): Promise<T[]> {
    const calls: Promise<T>[] = [];
    for (let i = 0; i < this.children.length; i++) {
      const args = argsFor(i);
      if (args !== undefined) calls.push(this.call<T>(i, op, args));
    }
    return Promise.all(calls);
  }

  async close(): Promise<void> {
    await Promise.all(
      this.children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null) return resolve();
            c.once('exit', () => resolve());
            c.kill('SIGTERM');
          }),
      ),
    );
  }
}

/** Splits `items` into `n` nearly equal consecutive slices. */
export function split<T>(items: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < n; i++) out.push(items.slice(Math.floor((i * items.length) / n), Math.floor(((i + 1) * items.length) / n)));
  return out;
}
