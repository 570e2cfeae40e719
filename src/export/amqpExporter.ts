import type { ConfirmChannel } from 'amqplib';
import type { Db } from '../db/connect.js';
import type { BatchDone } from '../events/leasedConsumer.js';
import { leasedLogReader, type LeasedLogReader } from '../events/leasedReader.js';
import { ConfirmConnection } from './amqpConnection.js';
import type { Horizon } from '../events/horizon.js';
import { readExportEvents, type ExportEvent } from './readEvents.js';

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
 * (so in order within each conversation). The events table is the outbox; the leased reader
 * (src/events/leasedReader.ts, `event_exports` row `amqp`) gives one node at a time the batches
 * after its position. A batch is published on a confirm channel and the position moves only once
 * the broker confirmed all of it; if anything fails, the connection is dropped and the batch is
 * published again after reconnecting (with backoff). It never touches the request path, and a
 * broker that is down only delays the export.
 */
export class AmqpExporter {
  private readonly reader: LeasedLogReader;
  private readonly confirmTimeoutMs: number;
  private readonly broker: ConfirmConnection;

  constructor(
    private readonly db: Db,
    private readonly horizon: Horizon,
    private readonly opts: AmqpExporterOptions,
  ) {
    const leaseMs = opts.leaseMs ?? 20_000;
    this.confirmTimeoutMs = opts.confirmTimeoutMs ?? Math.floor(leaseMs / 2);
    this.broker = new ConfirmConnection(opts.url, opts.exchange, opts.log);
    this.reader = leasedLogReader(db, {
      name: 'amqp',
      label: 'event export',
      leaseMs,
      batchSize: opts.batchSize ?? 500,
      pollMs: opts.pollMs ?? 200,
      standbyMs: opts.standbyMs ?? 1000,
      maxBackoffMs: opts.maxBackoffMs ?? 30_000,
      log: opts.log,
      // Connected before taking the lease: a node that cannot reach the broker leaves it to the others.
      beforeRound: async () => void (await this.broker.confirmChannel()),
      handle: (from, limit) => this.publishAfter(from, limit),
      onFailure: () => this.broker.close(),
      onRecovered: () => opts.log.info({ exchange: opts.exchange }, 'event export resumed'),
    });
  }

  start(): void {
    this.reader.start();
  }

  /** Lets the batch in flight finish, gives the lease up and disconnects. Call before the database closes. */
  async stop(): Promise<void> {
    await this.reader.stop();
    await this.broker.close();
  }

  /** Publishes the events after `from` and waits for the broker's confirms. */
  private async publishAfter(from: number, limit: number): Promise<BatchDone> {
    const channel = await this.broker.confirmChannel();
    const { events: batch, prunedThrough } = await readExportEvents(this.db, from, limit, await this.horizon.advance());
    if (batch.length === 0) return { through: from, full: false };
    if (from < prunedThrough) {
      // The export was stopped for longer than EVENT_RETENTION_DAYS.
      this.opts.log.error({ from: from + 1, to: prunedThrough }, 'events were pruned before they could be exported');
    }
    await this.publish(channel, batch);
    return { through: batch.at(-1)!.id, full: batch.length === limit };
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
}
