import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.js';
import type { Db } from './db/connect.js';
import type { Horizon } from './events/horizon.js';
import type { Command } from './events/runCommand.js';
import type { AccessTokens } from './features/auth/accessToken.js';
import type { IdTokenVerifier } from './features/auth/idTokenVerifier.js';
import type { OtpSender } from './features/auth/otpSender.js';
import type { SessionUse } from './features/auth/sessionUse.js';
import type { Storage } from './features/media/storage.js';
import type { SendQueue } from './features/messages/sendQueue.js';
import type { RateLimiter } from './lib/rateLimit.js';

/** Who is connected anywhere (realtime/presence implements it, in memory or across nodes in Redis). */
export interface OnlineUsers {
  onlineAmong(userIds: readonly string[]): Promise<Set<string>>;
}

/** Session control over live connections (realtime implements it): a revoked session's sockets close on every node. */
export interface SessionSockets {
  disconnect(sessionId: string): void;
  /** Whether any of these sockets is connected, on any node (calls: is a device still in the call?). Unsure (Redis away): true. */
  anyConnected(socketIds: string[]): Promise<boolean>;
  /** Sockets connected: on every node when they share Redis ('cluster'), else on this one ('node'). */
  connected(): Promise<{ connected: number; scope: 'cluster' | 'node' }>;
}

/**
 * What the send path, the emitter and sync report for monitoring (src/metrics implements it, and
 * a no-op stands in when metrics are off). Every call is O(1): no label per user or conversation.
 */
export interface Metrics {
  /** A send answered ok (a retried clientMessageId too), `seconds` after it was received. */
  sendAcked(seconds: number): void;
  /** A send refused with this error code, `seconds` after it was received. */
  sendRefused(code: string, seconds: number): void;
  /** One group-commit transaction committed: how many sends it held and how long it took. */
  batchCommitted(size: number, seconds: number): void;
  /** Events emitted to sockets; `lagSeconds`: from their commit (or, read from the log, their creation) to the emit. */
  eventsEmitted(count: number, path: 'local' | 'poke' | 'log', lagSeconds: number | undefined): void;
  syncRequested(): void;
  /**
   * One push ended (src/features/push): `providerSeconds`, the push service's answer time; `lagSeconds`, from
   * the message's commit to that answer (sent only).
   */
  pushEnded(outcome: 'sent' | 'gone' | 'failed' | 'dropped' | 'retried', providerSeconds?: number, lagSeconds?: number): void;
}

/** The mail sender of the outbox (src/features/accounts/outbox.ts): mail is written with enqueueMail in a transaction. */
export interface MailQueue {
  /** Looks for due mail now: call after committing a transaction that wrote some. */
  wake(): void;
  /** Runs mail-writing work off the request (after its answer): a failure is logged; `stop` waits for it to end. */
  runDetached(work: () => Promise<void>): void;
  start(): void;
  stop(): Promise<void>;
}

/** The webhook workers (src/features/webhooks/runners.ts): they follow the `webhooks` table. */
export interface WebhookRunners {
  /** Reads the table again now: call after committing a change to it. */
  wake(): void;
  start(): void;
  stop(): Promise<void>;
}

/**
 * What commands, routes and socket handlers share: built once (src/boot/context.ts). Only
 * interfaces of what realtime provides, so features never import realtime.
 */
export interface AppContext {
  config: Config;
  /** For reads. Writes go through `run`. */
  db: Db;
  /** How far the event log is final (src/events/horizon.ts): readers of the log read up to it. */
  horizon: Horizon;
  /** Runs a command in one transaction; its events are emitted after the commit, never before. */
  run<T>(command: Command<T>): Promise<T>;
  /** Where sends queue to be committed together. */
  sends: SendQueue;
  sessions: SessionSockets;
  /** Sessions' lastUsedAt, written in the background. */
  sessionUse: SessionUse;
  presence: OnlineUsers;
  tokens: AccessTokens;
  /** Where media bytes live (a local directory by default). */
  storage: Storage;
  log: FastifyBaseLogger;
  limits: RateLimiter;
  /** null: phone sign-in is off (production without SMS_WEBHOOK_URL). */
  otpSender: OtpSender | null;
  /** The ID token issuers POST /auth/token accepts, by name (AUTH_ISSUERS; `google` is also POST /auth/google). */
  issuers: ReadonlyMap<string, IdTokenVerifier>;
  metrics: Metrics;
  mail: MailQueue;
  webhooks: WebhookRunners;
  /** PGlite's consistent snapshot for a backup while serving (src/features/backup); null on PostgreSQL (pg_dump). */
  databaseSnapshot: (() => Promise<Blob>) | null;
}
