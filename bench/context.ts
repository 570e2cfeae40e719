import type { Api } from './api.js';
import type { Sampler, WindowStats } from './proc.js';
import type { PushMatch } from './pushStats.js';
import type { ServerHandle } from './server.js';
import type { LatencySummary } from './stats.js';
import type { WorkerPool } from './workers.js';

export interface Options {
  quick: boolean;
  scenarios: Set<'pairs' | 'push' | 'fanout' | 'connections' | 'storm'>;
  dbs: string[];
  pairs: number;
  windows: number[];
  /** Push scenario: direct pairs (half with the receiver offline) and the messages in flight per sender. */
  pushPairs: number;
  pushWindow: number;
  halfRate: boolean;
  durationMs: number;
  warmupMs: number;
  fanoutMembers: number;
  fanoutMessages: number;
  /** Fan-out into a broadcast group (`postPermission: 'admins'`, up to BROADCAST_MAX_MEMBERS) rather than a group. */
  fanoutBroadcast: boolean;
  connections: number;
  connUsers: number;
  connSteps: number;
  stormClients: number;
  stormPartners: number;
  stormEvents: number;
  /** Reconnects spread uniformly over this many ms (0: all at once). */
  stormSpreadMs: number;
  syncLimit?: number;
  workers: number;
  registerParallel: number;
  localAddresses: string[];
  profile: boolean;
  docs: boolean;
  /** Before each measurement, wait up to this long for other processes to leave the cores alone. */
  quietWaitMs: number;
  /** Repeats of a pairs run that other processes disturbed. */
  retries: number;
  serverDir: string;
  serverEnv: Record<string, string>;
  out?: string;
}

/** What every scenario gets: options, load workers, the /proc sampler and the server under test. */
export interface Bench {
  opts: Options;
  pool: WorkerPool;
  sampler: Sampler;
  server: ServerHandle | undefined;
  log(line: string): void;
  /** Waits (bounded) for other processes on the machine to go quiet; logs when they do not. */
  quiet(what: string): Promise<void>;
}

/** Where the server spent its CPU and memory during a measured window. */
export interface ResourceFigures {
  serverCpuPct: number;
  serverRssMiB: number;
  loadgenCpuPct: number;
  postgresCpuPct: number;
  machinePct: number;
  /** Other processes on the machine during the window, % of one core (disturbance; ~0 is clean). */
  otherPct: number;
}

export const resources = (w: WindowStats): ResourceFigures => ({
  serverCpuPct: w.cpuPct.server,
  serverRssMiB: w.serverRssMiB.max,
  loadgenCpuPct: w.cpuPct.loadgen,
  postgresCpuPct: w.cpuPct.postgres,
  machinePct: w.machinePct,
  otherPct: w.otherPct,
});

export interface PairsFigures {
  target: string;
  mode: 'closed' | 'open';
  pairs: number;
  clients: number;
  window: number;
  offeredRate?: number;
  seconds: number;
  ackedPerSec: number;
  deliveredPerSec: number;
  /** Other events received per second (Parley: the `message:status` read receipts sends cause). */
  otherEventsPerSec?: number;
  latency: LatencySummary;
  ackLatency: LatencySummary;
  errors: number;
  errorCodes: Record<string, number>;
  skipped: number;
  unackedAtEnd: number;
  resources: ResourceFigures;
  timeline: number[];
  /** Runs it took (a run disturbed by other processes is repeated, see --retries). */
  attempts?: number;
  /** deliveredPerSec / the relay's at the same window (closed loop only). */
  ratioToCeiling?: number;
  /** deliveredPerSec / the durable relay's at the same window (PostgreSQL, closed loop only). */
  ratioToDurable?: number;
}

export interface PairsSection {
  runs: PairsFigures[];
  best?: PairsFigures;
  halfRate?: PairsFigures;
  profile?: {
    path: string;
    top: ProfileEntry[];
    totalMs: number;
    idleMs: number;
    byPackage: { name: string; selfMs: number; selfPct: number }[];
  };
}

/** The push scenario: pairs load where half the receivers are offline with a Web Push device. */
export interface PushFigures {
  target: string;
  pairs: number;
  offlinePairs: number;
  window: number;
  seconds: number;
  /** Messages sent to offline receivers in the measured window, per second. */
  sentToOfflinePerSec: number;
  match: PushMatch;
  /** Pushes the bench's push service refused (VAPID or decryption failed): 0 unless something is wrong. */
  rejected: number;
  /** The same run's pairs figures: delivered and latency are the online pairs', acked counts every sender. */
  online: PairsFigures;
  resources: ResourceFigures;
  attempts?: number;
}

export interface ProfileEntry {
  functionName: string;
  url: string;
  line: number;
  selfMs: number;
  selfPct: number;
}

export interface FanoutSection {
  skipped?: string;
  members?: number;
  messages?: number;
  /** The group was a broadcast group (--fanout-broadcast). */
  broadcast?: boolean;
  /** Per message: ms from send until the last member had it. */
  lastMemberMs?: number[];
  lastMember?: LatencySummary;
  firstMemberMs?: number[];
  missing?: number;
  /** Quantiles (0, 0.02 … 1) of the receipt latencies of each message, for the chart. */
  cdf?: number[][];
  ackMs?: number[];
  resources?: ResourceFigures;
}

export interface ConnectionsSection {
  requested: number;
  target: number;
  limitNote?: string;
  users: number;
  socketsPerUser: number;
  connected: number;
  failed: number;
  errors: Record<string, number>;
  connectsPerSec: number;
  connectLatency: LatencySummary;
  points: { connected: number; rssKiB: number; rssBeforeGcKiB: number; heapUsedKiB: number; externalKiB: number }[];
  bytesPerConnSlope: number;
  bytesPerConnTotal: number;
  heapBytesPerConn: number;
  /** Connection attempts dropped because an accept queue was full (machine-wide counter). */
  listenOverflows: number;
  resources?: ResourceFigures;
}

export interface StormSection {
  clients: number;
  partners: number;
  eventsPerClient: number;
  spreadMs: number;
  setupSendMs: number;
  setupMessagesPerSec: number;
  allInSyncMs: number;
  inSync: LatencySummary;
  connected: LatencySummary;
  failed: number;
  wrong: number;
  connectErrors: number;
  errors: Record<string, number>;
  pages: number;
  /** [ms since the storm started, clients in sync] every 100 ms, for the chart. */
  curve: [number, number][];
  /** The same for clients connected (handshake done, before their sync). */
  connectedCurve: [number, number][];
  /** Connection attempts dropped because an accept queue was full (machine-wide counter). */
  listenOverflows: number;
  resources: ResourceFigures;
}

export interface DbRun {
  db: string;
  pairs?: PairsSection;
  push?: PushFigures;
  fanout?: FanoutSection;
  connections?: ConnectionsSection;
  storm?: StormSection;
  setup: { users: number; registerPerSec: number };
  serverLogLines: number;
  serverLogTail: string[];
  /** Scenarios that failed, with their error. */
  failures?: { scenario: string; error: string }[];
}

export interface TargetRow {
  name: string;
  target: string;
  measured: string;
  ratio?: string;
  ok: boolean | null;
  db: string;
}

export interface Results {
  startedAt: string;
  finishedAt: string;
  command: string;
  machine: Record<string, string | number>;
  serverCommit: string;
  options: Omit<Options, 'scenarios'> & { scenarios: string[] };
  ceiling?: PairsSection;
  /** The durable relay (bench/relay.ts with DURABLE_URL): the relay storing every message in PostgreSQL before its ack. */
  durableCeiling?: PairsSection;
  runs: DbRun[];
  targets: TargetRow[];
  /** Set when the run stopped early. */
  failure?: string;
}

export type { Api };
