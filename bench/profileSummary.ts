/**
 * Top functions by self time in a V8 .cpuprofile (from `node --cpu-prof` or the harness's
 * --profile). Usage: node --import tsx bench/profileSummary.ts <file.cpuprofile> [top=15]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: CpuProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileLine {
  functionName: string;
  url: string;
  line: number;
  selfMs: number;
  selfPct: number;
}

/**
 * Self time per function (same name, file and line merged across call paths), largest first.
 * `(idle)` (the event loop waiting) is left out of the list and of the total it is a share of.
 */
export function summarizeProfile(
  file: string,
  top = 15,
): { totalMs: number; idleMs: number; top: ProfileLine[]; byPackage: { name: string; selfMs: number; selfPct: number }[] } {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  // timeDeltas[i] is the time since the previous sample; attribute it to sample i.
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + Math.max(0, profile.timeDeltas[i] ?? 0)));
  let total = 0;
  let idle = 0;
  const merged = new Map<string, ProfileLine>();
  for (const [id, us] of selfUs) {
    const f = byId.get(id)!.callFrame;
    const name = f.functionName || '(anonymous)';
    if (name === '(idle)') {
      idle += us;
      continue;
    }
    total += us;
    const key = `${name}|${f.url}|${f.lineNumber}`;
    const entry = merged.get(key) ?? { functionName: name, url: shortUrl(f.url), line: f.lineNumber + 1, selfMs: 0, selfPct: 0 };
    entry.selfMs += us / 1000;
    merged.set(key, entry);
  }
  const all = [...merged.values()].sort((a, b) => b.selfMs - a.selfMs);
  for (const l of all) l.selfPct = total ? (l.selfMs * 1000 * 100) / total : 0;
  const packages = new Map<string, number>();
  for (const l of all) packages.set(packageOf(l), (packages.get(packageOf(l)) ?? 0) + l.selfMs);
  const byPackage = [...packages.entries()]
    .map(([name, selfMs]) => ({ name, selfMs, selfPct: total ? (selfMs * 1000 * 100) / total : 0 }))
    .sort((a, b) => b.selfMs - a.selfMs);
  return { totalMs: total / 1000, idleMs: idle / 1000, top: all.slice(0, top), byPackage };
}

/** Where a function lives: an npm package, Parley's src/, Node's own code, or V8 (GC, native). */
function packageOf(l: ProfileLine): string {
  if (!l.url) return l.functionName.startsWith('(') ? l.functionName : 'native';
  if (l.url.startsWith('node:')) return 'node (built-in modules)';
  if (l.url.startsWith('wasm:')) return 'wasm (PGlite: PostgreSQL compiled to WebAssembly)';
  if (l.url.startsWith('src/')) return 'parley src/';
  const parts = l.url.split('/');
  return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
}

/** node_modules/<pkg>/… or src/… instead of a long file:// URL. */
function shortUrl(url: string): string {
  if (!url) return '';
  const p = url.replace(/^file:\/\//, '');
  const nm = p.lastIndexOf('node_modules/');
  if (nm >= 0) return p.slice(nm + 'node_modules/'.length);
  const src = p.lastIndexOf('/src/');
  if (src >= 0) return p.slice(src + 1);
  return p;
}

export function formatProfile(summary: ReturnType<typeof summarizeProfile>): string {
  const packages = summary.byPackage.slice(0, 12).map((p) => `${p.selfPct.toFixed(1).padStart(5)} %  ${p.name}`);
  const rows = summary.top.map(
    (l, i) =>
      `${String(i + 1).padStart(2)}. ${l.selfPct.toFixed(1).padStart(5)} %  ${l.selfMs.toFixed(0).padStart(7)} ms  ${l.functionName}  ${l.url}${l.url ? `:${l.line}` : ''}`,
  );
  return [
    `busy (not idle) samples: ${summary.totalMs.toFixed(0)} ms, idle: ${summary.idleMs.toFixed(0)} ms; % of busy time`,
    ...rows,
    '',
    'self time by package:',
    ...packages,
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node --import tsx bench/profileSummary.ts <file.cpuprofile> [top]');
    process.exit(2);
  }
  console.log(formatProfile(summarizeProfile(file, Number(process.argv[3] ?? 15))));
}
