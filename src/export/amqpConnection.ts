import { connect, type ChannelModel, type ConfirmChannel } from 'amqplib';

interface Logger {
  info(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
}

/** The exporter's connection to the broker: one confirm channel with the exchange declared, opened again after it closed. */
export class ConfirmConnection {
  private conn: ChannelModel | undefined;
  private channel: ConfirmChannel | undefined;

  constructor(
    private readonly url: string,
    private readonly exchange: string,
    private readonly log: Logger,
  ) {}

  /** The open channel, or a new connection's. */
  async confirmChannel(): Promise<ConfirmChannel> {
    if (this.channel) return this.channel;
    await this.close(); // a connection whose channel closed
    const conn = await connect(this.url, { timeout: 10_000, clientProperties: { connection_name: 'parley event export' } });
    conn.on('error', (err: Error) => this.log.warn({ err }, 'AMQP connection error'));
    conn.on('close', () => {
      if (this.conn !== conn) return;
      this.conn = undefined;
      this.channel = undefined;
    });
    try {
      const channel = await conn.createConfirmChannel();
      channel.on('error', (err: Error) => this.log.warn({ err }, 'AMQP channel error'));
      channel.on('close', () => {
        if (this.channel === channel) this.channel = undefined;
      });
      await channel.assertExchange(this.exchange, 'topic', { durable: true });
      this.conn = conn;
      this.channel = channel;
      this.log.info({ exchange: this.exchange }, 'event export connected to the broker');
      return channel;
    } catch (err) {
      await conn.close().catch(() => {});
      throw err;
    }
  }

  async close(): Promise<void> {
    const conn = this.conn;
    this.conn = undefined;
    this.channel = undefined;
    await conn?.close().catch(() => {});
  }
}
