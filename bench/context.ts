import type { GroupsSection } from './scenarios/groups.js';
import type { Api } from './api.js';
import type { Sampler, WindowStats } from './proc.js';
import type { PushMatch } from './pushStats.js';
import type { ServerHandle } from './server.js';
import type { LatencySummary } from './stats.js';
import type { WorkerPool } from './workers.js';

export interface Options {
  quick: boolean;
  scenarios: Set<'pairs' | 'push' | 'groups' | 'fanout' | 'connections' | 'storm' | 'nodes'>;
  dbs: string[];
  pairs: number;
  windows: number[];
  /** Push scenario: direct pairs (half with the receiver offline) and the messages in flight per sender. */
  pushPairs: number;
  pushWindow: number;
  halfRate: boolean;
  /** The open-loop run's rate (messages/s) instead of half the best closed-loop one. */
  openRate?: number;
  /** Pairs: one more run at the best window with receivers sending delivered and read receipts. */
  receipts: boolean;
  /** Groups scenario: how many groups, and members in each. */
  groups: number;
  groupSize: number;
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
  /** The nodes scenario: this many Parley processes on one PostgreSQL database and Redis (1: skipped). */
  nodes: number;
  /** Redis for the nodes scenario (--redis, else $BENCH_REDIS_URL). */
  redisUrl?: string;
  out?: string;
}

/** What every scenario gets: options, load workers, the /proc sampler and the server under test. */
export interface Bench {
  opts: Options;
  pool: WorkerPool;
  sampler: Sampler;
  server: ServerHandle | undefined;
  /** Further nodes of a cluster run (the nodes scenario): their CPU and RSS count as the server's. */
  readonly otherNodes: ServerHandle[];
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
  /** CPU per message written (acked), in µs: the server's processes and PostgreSQL's. */
  cpuPerMessageUs?: { server: number; postgres: number };
}

/** CPU µs per acked message from a run's CPU shares (% of one core) and its acked rate. */
export const cpuPerMessage = (r: ResourceFigures, ackedPerSec: number): PairsFigures['cpuPerMessageUs'] =>
  ackedPerSec > 0 ? { server: (r.serverCpuPct * 1e4) / ackedPerSec, postgres: (r.postgresCpuPct * 1e4) / ackedPerSec } : undefined;

export interface PairsSection {
  runs: PairsFigures[];
  best?: PairsFigures;
  halfRate?: PairsFigures;
  /** The best window again with every receiver sending message:delivered and message:read (--receipts). */
  receipts?: PairsFigures;
  profile?: ProfileFigures;
}

/** A CPU profile of the server over one scenario's measured window (--profile). */
export interface ProfileFigures {
  path: string;
  top: ProfileEntry[];
  totalMs: number;
  idleMs: number;
  byPackage: { name: string; selfMs: number; selfPct: number }[];
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
  /** The server's CPU profile over the reconnects (--profile). */
  profile?: ProfileFigures;
}

/** PGlite's data folder after the pairs runs: bytes per 1,000 messages written. */
export interface StorageFigures {
  messages: number;
  databaseBytes: number;
  walBytes: number;
  databasePer1000: number;
  walPer1000: number;
}

/** The nodes scenario: the same pairs on one node, then spread over N nodes sharing PostgreSQL and Redis. */
export interface NodesSection {
  nodes: number;
  /** Every client on node 1 (the others running, idle). */
  one?: PairsFigures;
  /** Clients placed round-robin over the nodes, as a load balancer would: a pair's two sides on different nodes. */
  many?: PairsFigures;
  skipped?: string;
}

export interface DbRun {
  db: string;
  pairs?: PairsSection;
  groups?: GroupsSection;
  storage?: StorageFigures;
  push?: PushFigures;
  fanout?: FanoutSection;
  connections?: ConnectionsSection;
  storm?: StormSection;
  nodes?: NodesSection;
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

/** Every pairs-like run of a result, in the order the tables list them. */
export function allPairsFigures(r: Results): PairsFigures[] {
  return [
    ...(r.ceiling?.runs ?? []),
    ...(r.durableCeiling?.runs ?? []),
    ...r.runs.flatMap((x) => [
      ...(x.pairs?.runs ?? []),
      ...(x.pairs?.halfRate ? [x.pairs.halfRate] : []),
      ...(x.pairs?.receipts ? [x.pairs.receipts] : []),
      ...(x.groups?.run ? [x.groups.run] : []),
      ...(x.nodes?.one ? [x.nodes.one] : []),
      ...(x.nodes?.many ? [x.nodes.many] : []),
    ]),
  ];
}

export type { Api };
