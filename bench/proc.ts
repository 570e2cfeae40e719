import fs from 'node:fs';
import { now } from './stats.js';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ; 100 on every Linux that matters). */
const CLK_TCK = 100;

/** utime + stime of a process in ticks, or undefined when it is gone. */
export function cpuTicks(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may contain spaces: count fields after the last ')'.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(rest[11]) + Number(rest[12]);
  } catch {
    return undefined;
  }
}

/** Resident set size in KiB (VmRSS), or undefined when the process is gone. */
export function rssKiB(pid: number): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /^VmRSS:\s+(\d+) kB/m.exec(status);
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Busy and total ticks of the whole machine (all cores), from the first line of /proc/stat. */
function machineTicks(): { busy: number; total: number } {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!;
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const total = v.reduce((s, x) => s + x, 0);
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  return { busy: total - idle, total };
}

/**
 * PostgreSQL's processes that work for us: the postmaster, its background processes (WAL
 * writer, checkpointer, …) and the client backends of `database`; not other clients' backends.
 */
function postgresPids(database: string | undefined): number[] {
  const pids: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (fs.readFileSync(`/proc/${name}/comm`, 'utf8').trim() !== 'postgres') continue;
      const cmd = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      // A client backend: "postgres: 15/main: <user> <database> <host>(<port>) <state>".
      const backend = /^postgres: [^:]+: \S+ (\S+) [^ ]*\(\d+\)/.exec(cmd);
      if (backend && backend[1] !== database) continue;
      pids.push(Number(name));
    } catch {
      // gone
    }
  }
  return pids;
}

export interface Sample {
  t: number;
  /** Cumulative CPU ticks per group since the sampler started. */
  ticks: Record<Group, number>;
  /** Cumulative ticks of all other processes on the machine (other users of the cores). */
  otherTicks: number;
  machineBusy: number;
  machineTotal: number;
  serverRssKiB: number;
}

export type Group = 'server' | 'loadgen' | 'postgres';

export interface WindowStats {
  seconds: number;
  /** CPU use in % of one core (200 % = both cores of this machine). */
  cpuPct: Record<Group, number>;
  /** Whole machine, % of all cores. */
  machinePct: number;
  /** Everything else running on the machine meanwhile, % of one core: should be near 0. */
  otherPct: number;
  serverRssMiB: { max: number; last: number };
}

/**
 * Samples the server's CPU and RSS (and the load generator's and PostgreSQL's CPU) every
 * 250 ms from /proc, so a scenario can ask for the figures of any time window afterwards.
 */
export class Sampler {
  readonly samples: Sample[] = [];
  private timer: NodeJS.Timeout | undefined;
  private lastTicks = new Map<number, number>();
  private totals: Record<Group, number> = { server: 0, loadgen: 0, postgres: 0 };
  private pgPids: number[] = [];
  private pgScan = 0;
  private otherTotal = 0;
  private lastMachine: { busy: number; total: number } | undefined;
  private lastOurs = 0;
  /** The PostgreSQL database of the server under test, so other clients' backends are not counted. */
  database: string | undefined;

  constructor(
    private readonly pids: { server: () => number[]; loadgen: () => number[] },
    private readonly intervalMs = 250,
  ) {}

  start(): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private add(group: Group, pid: number): void {
    const ticks = cpuTicks(pid);
    if (ticks === undefined) return;
    const key = group === 'server' ? -pid : pid; // a pid is in one group; keep server's apart anyway
    const before = this.lastTicks.get(key);
    this.lastTicks.set(key, ticks);
    // A process seen for the first time counts from now on (its earlier CPU is not this window's).
    if (before !== undefined && ticks >= before) this.totals[group] += ticks - before;
  }

  sample(): Sample {
    const servers = this.pids.server();
    for (const pid of servers) this.add('server', pid);
    for (const pid of this.pids.loadgen()) this.add('loadgen', pid);
    // Backends come and go with the pool; rescan every 2 s.
    if (this.pgScan++ % 8 === 0) this.pgPids = postgresPids(this.database);
    for (const pid of this.pgPids) this.add('postgres', pid);
    const m = machineTicks();
    const ours = this.totals.server + this.totals.loadgen + this.totals.postgres;
    if (this.lastMachine) this.otherTotal += Math.max(0, m.busy - this.lastMachine.busy - (ours - this.lastOurs));
    this.lastMachine = m;
    this.lastOurs = ours;
    const s: Sample = {
      t: now(),
      ticks: { ...this.totals },
      otherTicks: this.otherTotal,
      machineBusy: m.busy,
      machineTotal: m.total,
      serverRssKiB: servers.reduce((sum, pid) => sum + (rssKiB(pid) ?? 0), 0),
    };
    this.samples.push(s);
    return s;
  }

  /** Figures between two moments (absolute ms, see `now`), from the nearest samples inside. */
  window(from: number, to: number): WindowStats {
    const inside = this.samples.filter((s) => s.t >= from && s.t <= to);
    const a = inside[0];
    const b = inside.at(-1);
    if (!a || !b || a === b) {
      return {
        seconds: 0,
        cpuPct: { server: NaN, loadgen: NaN, postgres: NaN },
        machinePct: NaN,
        otherPct: NaN,
        serverRssMiB: { max: NaN, last: NaN },
      };
    }
    const seconds = (b.t - a.t) / 1000;
    const pct = (g: Group) => ((b.ticks[g] - a.ticks[g]) / CLK_TCK / seconds) * 100;
    return {
      seconds,
      cpuPct: { server: pct('server'), loadgen: pct('loadgen'), postgres: pct('postgres') },
      machinePct: ((b.machineBusy - a.machineBusy) / Math.max(1, b.machineTotal - a.machineTotal)) * 100,
      otherPct: ((b.otherTicks - a.otherTicks) / CLK_TCK / seconds) * 100,
      serverRssMiB: { max: Math.max(...inside.map((s) => s.serverRssKiB)) / 1024, last: b.serverRssKiB / 1024 },
    };
  }

  /**
   * Waits (up to `maxMs`) until other processes use less than `pct` % of one core over 2 s, so a
   * measurement does not share the cores with someone else's work. Returns their last share.
   */
  async waitQuiet(maxMs: number, pct = 15): Promise<number> {
    const start = now();
    for (;;) {
      await new Promise((r) => setTimeout(r, 500));
      const t = now();
      const other = this.window(t - 2_000, t).otherPct;
      if (other < pct || t - start >= maxMs) return other;
    }
  }

  /** Waits until the server's CPU over the last `quietMs` is below `pct` % (or `maxMs` passed). */
  async settle(opts: { pct?: number; quietMs?: number; maxMs?: number } = {}): Promise<void> {
    const { pct = 5, quietMs = 750, maxMs = 10_000 } = opts;
    const start = now();
    for (;;) {
      await new Promise((r) => setTimeout(r, this.intervalMs));
      const t = now();
      if (t - start >= maxMs) return;
      if (t - start < quietMs) continue;
      const w = this.window(t - quietMs - this.intervalMs, t);
      if (w.seconds > 0 && w.cpuPct.server < pct) return;
    }
  }
}

/** The open-files limit of a process (soft, hard), from /proc/<pid>/limits. */
export function fileLimit(pid: number | 'self' = 'self'): { soft: number; hard: number } {
  const m = /^Max open files\s+(\d+|unlimited)\s+(\d+|unlimited)/m.exec(fs.readFileSync(`/proc/${pid}/limits`, 'utf8'));
  const n = (s: string | undefined) => (s === undefined || s === 'unlimited' ? Infinity : Number(s));
  return { soft: n(m?.[1]), hard: n(m?.[2]) };
}

/**
 * Machine-wide TCP counters from /proc/net/netstat: ListenOverflows (a connection dropped
 * because a listener's accept queue was full) and SyncookiesSent. Other processes count too.
 */
export function tcpCounters(): { listenOverflows: number; syncookiesSent: number } {
  const lines = fs
    .readFileSync('/proc/net/netstat', 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('TcpExt:'));
  const names = lines[0]?.split(/\s+/).slice(1) ?? [];
  const values = lines[1]?.split(/\s+/).slice(1).map(Number) ?? [];
  const get = (n: string) => values[names.indexOf(n)] ?? NaN;
  return { listenOverflows: get('ListenOverflows'), syncookiesSent: get('SyncookiesSent') };
}
