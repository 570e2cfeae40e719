import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * The pglite project's global setup: the web client's build (packages/web/dist), which every test
 * server serves at `/`, is made once before the run when it is missing or older than its sources
 * (a few seconds; nothing when it is current).
 */
export default function buildWebClient(): void {
  execFileSync(process.execPath, [path.resolve(import.meta.dirname, '../../scripts/build-web.mjs')], { stdio: 'inherit' });
}
