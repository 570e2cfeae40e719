// Builds the web client (packages/web → packages/web/dist) when its build is missing or older than
// its sources: `npm start`, `npm run dev` (their pre-scripts) and the browser tests' global setup run
// this, so a fresh clone's `npm ci && npm start` serves the app with no extra step. `--force` always builds.
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const web = path.join(root, 'packages/web');
const built = path.join(web, 'dist/index.html');

/** What the bundle is made of: the app, and the SDK and protocol it bundles from their TypeScript source. */
const sources = [
  path.join(web, 'index.html'),
  path.join(web, 'vite.config.ts'),
  path.join(web, 'package.json'),
  path.join(web, 'src'),
  path.join(web, 'public'),
  path.join(root, 'packages/client/src'),
  path.join(root, 'packages/protocol/src'),
];

function newestMtime(file) {
  if (!fs.existsSync(file)) return 0;
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(file).map((name) => newestMtime(path.join(file, name))));
}

/** Why a build is needed, or undefined when dist is newer than every source. */
export function staleReason() {
  if (!fs.existsSync(built)) return 'packages/web/dist is missing';
  const builtAt = fs.statSync(built).mtimeMs;
  const newer = sources.find((s) => newestMtime(s) > builtAt);
  return newer ? `${path.relative(root, newer)} changed since the last build` : undefined;
}

export async function buildWeb({ force = false } = {}) {
  const reason = force ? 'asked to' : staleReason();
  if (!reason) return false;
  let vite;
  try {
    vite = await import('vite');
  } catch {
    // A production install (npm ci --omit=dev) has no Vite: the API still starts; the image builds the client in its build stage.
    process.stderr.write(`web client not built (${reason}) and Vite is not installed: run \`npm run build\` in a full install\n`);
    return false;
  }
  process.stdout.write(`building the web client (${reason})…\n`);
  // Vite keeps a NODE_ENV it finds (vitest's global setup runs this with NODE_ENV=test): that bundles
  // React's development build, 70% larger and slower. The build is always the production one.
  process.env.NODE_ENV = 'production';
  await vite.build({ root: web, configFile: path.join(web, 'vite.config.ts'), logLevel: 'warn' });
  return true;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildWeb({ force: process.argv.includes('--force') });
}
