/**
 * Preloaded into the benchmarked server process (`node --expose-gc --import tsx --import
 * ./bench/serverHook.ts src/main.ts`), so the harness needs no change to src/. It only
 * observes: over the IPC channel the harness can ask for a GC plus memory figures, and start
 * and stop a CPU profile (the same V8 sampling profiler as `node --cpu-prof`, limited to the
 * measured window instead of the whole life of the process). When the harness goes away, the
 * server is told to shut down as if it got SIGTERM.
 */
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';

type Request =
  | { id: number; type: 'memory'; gc?: boolean }
  | { id: number; type: 'profile:start'; intervalUs?: number }
  | { id: number; type: 'profile:stop'; path: string };

if (process.send) {
  let session: Session | undefined;
  const reply = (id: number, data: Record<string, unknown>) => process.send?.({ id, ...data });

  process.on('message', (raw: unknown) => {
    const req = raw as Request;
    void (async () => {
      try {
        if (req.type === 'memory') {
          const gc = (globalThis as { gc?: () => void }).gc;
          if (req.gc && gc) {
            gc();
            gc();
          }
          reply(req.id, { ok: true, memory: process.memoryUsage(), gcAvailable: Boolean(gc) });
        } else if (req.type === 'profile:start') {
          session = new Session();
          session.connect();
          await session.post('Profiler.enable');
          await session.post('Profiler.setSamplingInterval', { interval: req.intervalUs ?? 1000 });
          await session.post('Profiler.start');
          reply(req.id, { ok: true });
        } else if (req.type === 'profile:stop') {
          if (!session) throw new Error('no profile running');
          const { profile } = await session.post('Profiler.stop');
          session.disconnect();
          session = undefined;
          fs.writeFileSync(req.path, JSON.stringify(profile));
          reply(req.id, { ok: true, path: req.path });
        }
      } catch (err) {
        reply(req.id, { ok: false, error: String(err) });
      }
    })();
  });
  // The channel must not keep the server alive, and an orphaned server must not outlive the harness.
  process.channel?.unref();
  process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
