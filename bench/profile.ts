import path from 'node:path';
import type { Bench, ProfileFigures } from './context.js';
import { summarizeProfile } from './profileSummary.js';
import { benchDir } from './server.js';

/** Runs `work` with the server's CPU profiler on (bench/results/<time>-<name>.cpuprofile) and summarizes it. */
export async function profileServer<T>(
  bench: Bench,
  name: string,
  work: () => Promise<T>,
): Promise<{ result: T; profile: ProfileFigures }> {
  const file = path.join(benchDir, 'results', `${new Date().toISOString().replace(/[:.]/g, '-')}-${name}.cpuprofile`);
  bench.log(`  profiling the server → ${path.relative(process.cwd(), file)}`);
  await bench.server!.hook('profile:start', { intervalUs: 1000 });
  try {
    const result = await work();
    await bench.server!.hook('profile:stop', { path: file });
    return { result, profile: { path: path.relative(process.cwd(), file), ...summarizeProfile(file, 15) } };
  } catch (err) {
    await bench.server!.hook('profile:stop', { path: file }).catch(() => undefined);
    throw err;
  }
}
