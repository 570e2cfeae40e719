import crypto from 'node:crypto';
import { connect, type ChannelModel, type ConfirmChannel } from 'amqplib';
import type { Db } from '../db/connect.js';
import { ExportPosition, type ExportEvent } from './position.js';

interface Logger {
  info(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
}

export interface AmqpExporterOptions {
  url: string;
  exchange: string;
  log: Logger;
  /** Events per publish-and-confirm round. */
  batchSize?: number;
  /** How often the log is checked for new events when caught up. */
  pollMs?: number;
  /** How often a node that does not hold the lease tries to take it. */
  standbyMs?: number;
  /** How long the lease lasts unless renewed; a node that died is replaced after this. */
  leaseMs?: number;
  /** A batch not confirmed by then counts as failed (published again after reconnecting). */
  confirmTimeoutMs?: number;
  /** Longest wait between reconnection attempts. */
  maxBackoffMs?: number;
}

const renamed: Partial<Record<string, string>> = {
  'message:new': 'message.created',
  'invitation:new': 'invitation.created',
};

/** The routing key of an event type: message:new → message.created, group:member-joined → group.member_joined. */
export function routingKey(type: string): string {
  return renamed[type] ?? type.replace(/:/g, '.').replace(/-/g, '_');
}

/** The JSON body of an exported event. */
export function exportBody(e: ExportEvent) {
  return {
    eventId: e.id,
    type: e.type,
    conversationId: e.conversationId,
    userId: e.userId,
    payload: e.payload,
    createdAt: e.createdAt.toISOString(),
  };
}

/**
 * Publishes committed events to a RabbitMQ topic exchange, at least once and in id order
 * (so in order within each conversation). The events table is the outbox; `event_exports`
 * holds the position and a lease so one node at a time publishes. A batch is published on a
 * confirm channel and the position moves only once the broker confirmed all of it; if anything
 * fails, the batch is published again after reconnecting (with backoff). It never touches the
 * request path, and a broker that is down only delays the export.
 */
export class AmqpExporter {
  private readonly position: ExportPosition;
  private readonly batchSize: number;
  private readonly pollMs: number;
  private readonly standbyMs: number;
  private readonly leaseMs: number;
  private readonly confirmTimeoutMs: number;
  private readonly maxBackoffMs: number;
  private conn: ChannelModel | undefined;
  private channel: ConfirmChannel | undefined;
  /** Position while this node holds the lease, and when (monotonic ms) the lease was last renewed. */
  private held: { lastId: number; renewedAt: number } | undefined;
  private ensured = false;
  private stopped = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private failures = 0;

  constructor(
    db: Db,
    private readonly opts: AmqpExporterOptions,
  ) {
    this.batchSize = opts.batchSize ?? 500;
    this.pollMs = opts.pollMs ?? 200;
    this.standbyMs = opts.standbyMs ?? 1000;
    this.leaseMs = opts.leaseMs ?? 20_000;
    this.confirmTimeoutMs = opts.confirmTimeoutMs ?? Math.floor(this.leaseMs / 2);
    this.maxBackoffMs = opts.maxBackoffMs ?? 30_000;
    this.position = new ExportPosition(db, 'amqp', crypto.randomUUID(), this.leaseMs);
  }

  start(): void {
    this.loop ??= this.run();
  }

  /** Lets the batch in flight finish, gives the lease up and disconnects. Call before the database closes. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    if (this.held) await this.position.release().catch(() => {});
    this.held = undefined;
    await this.disconnect();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        const busy = await this.step();
        if (this.failures > 0) this.opts.log.info({ exchange: this.opts.exchange }, 'event export resumed');
        this.failures = 0;
        if (!busy) await this.sleep(this.held ? this.pollMs : this.standbyMs);
      } catch (err) {
        if (this.stopped) break;
        this.failures++;
        const delay = Math.min(this.maxBackoffMs, 250 * 2 ** Math.min(this.failures, 10));
        this.opts.log.warn({ err, retryInMs: delay, failures: this.failures }, 'event export failed; retrying');
        await this.disconnect();
        // Another node that can reach the broker may take over meanwhile.
        if (this.held) await this.position.release().catch(() => {});
        this.held = undefined;
        await this.sleep(delay);
      }
    }
  }

  /** One round: publishes the next batch if this node holds the lease. True when there may be more to do now. */
  private async step(): Promise<boolean> {
    if (!this.ensured) {
      await this.position.ensure();
      this.ensured = true;
    }
    // Connected before taking the lease: a node that cannot reach the broker leaves it to the others.
    const channel = await this.connect();
    if (!this.held || performance.now() - this.held.renewedAt > this.leaseMs / 4) {
      const lastId = await this.position.acquire();
      this.held = lastId === null ? undefined : { lastId, renewedAt: performance.now() };
      if (!this.held) return false;
    }
    const from = this.held.lastId;
    const batch = await this.position.read(from, this.batchSize);
    if (batch.length === 0) return false;
    if (batch[0]!.id !== from + 1) {
      // Only pruning makes a gap: the export was stopped for longer than EVENT_RETENTION_DAYS.
      this.opts.log.error({ from: from + 1, to: batch[0]!.id - 1 }, 'events were pruned before they could be exported');
    }
    await this.publish(channel, batch);
    const to = batch.at(-1)!.id;
    if (await this.position.advance(from, to)) {
      this.held = { lastId: to, renewedAt: performance.now() };
    } else {
      this.opts.log.warn({ from, to }, 'event export lease lost; another node continues');
      this.held = undefined;
    }
    return batch.length === this.batchSize;
  }

  private async publish(channel: ConfirmChannel, batch: ExportEvent[]): Promise<void> {
    const confirms = batch.map(
      (e) =>
        new Promise<void>((resolve, reject) => {
          channel.publish(
            this.opts.exchange,
            routingKey(e.type),
            Buffer.from(JSON.stringify(exportBody(e))),
            {
              persistent: true,
              messageId: String(e.id),
              contentType: 'application/json',
              type: e.type,
              timestamp: Math.floor(e.createdAt.getTime() / 1000),
              appId: 'parley',
            },
            (err: unknown) => (err ? reject(err instanceof Error ? err : new Error('publish not confirmed', { cause: err })) : resolve()),
          );
        }),
    );
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`broker did not confirm ${batch.length} events in ${this.confirmTimeoutMs} ms`)),
        this.confirmTimeoutMs,
      );
    });
    try {
      await Promise.race([Promise.all(confirms), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async connect(): Promise<ConfirmChannel> {
    if (this.channel) return this.channel;
    await this.disconnect(); // a connection whose channel closed
    const conn = await connect(this.opts.url, { timeout: 10_000, clientProperties: { connection_name: 'parley event export' } });
    conn.on('error', (err: Error) => this.opts.log.warn({ err }, 'AMQP connection error'));
    conn.on('close', () => {
      if (this.conn !== conn) return;
      this.conn = undefined;
      this.channel = undefined;
    });
    try {
      const channel = await conn.createConfirmChannel();
      channel.on('error', (err: Error) => this.opts.log.warn({ err }, 'AMQP channel error'));
      channel.on('close', () => {
        if (this.channel === channel) this.channel = undefined;
      });
      await channel.assertExchange(this.opts.exchange, 'topic', { durable: true });
      this.conn = conn;
      this.channel = channel;
      this.opts.log.info({ exchange: this.opts.exchange }, 'event export connected to the broker');
      return channel;
    } catch (err) {
      await conn.close().catch(() => {});
      throw err;
    }
  }

  private async disconnect(): Promise<void> {
    const conn = this.conn;
    this.conn = undefined;
    this.channel = undefined;
    await conn?.close().catch(() => {});
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        resolve();
      }
      this.wake = done;
    });
  }
}
