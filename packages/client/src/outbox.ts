import type { ClientPayload, Message } from '@parley/protocol';
import { request, type ClientSocket } from './connection.js';
import { isRetryable, ParleyError } from './errors.js';
import { Persisted } from './persisted.js';
import type { ClientStorage } from './storage/types.js';

/** What `client.send` takes: a `message:send` without the ids the SDK fills in. */
export type SendInput = Omit<ClientPayload<'message:send'>, 'conversationId' | 'clientMessageId'>;

export interface OutboxEntry {
  clientMessageId: string;
  conversationId: string;
  input: SendInput;
  queuedAt: string;
}

export interface OutboxOptions {
  storage: ClientStorage;
  key: string;
  ackTimeoutMs: number;
  /** The socket while online, else undefined (sending waits for the next connect). */
  socket(): ClientSocket | undefined;
  /** An entry was added or settled. */
  onChange(): void;
}

type Outcome = { message: Message } | { error: ParleyError };
const MAX_BACKOFF_MS = 10_000;

/**
 * Sends that have not been acked yet, persisted so they survive reconnects, node loss and app
 * restarts. Each is sent with its one clientMessageId until acked (the server never stores a
 * retry twice); a refusal settles it without a retry. One send per conversation is in flight
 * at a time, so a conversation's messages keep the order they were sent in.
 */
export class Outbox {
  private entries: OutboxEntry[] = [];
  private readonly waiters = new Map<string, { resolve(m: Message): void; reject(e: ParleyError): void }>();
  private readonly sending = new Set<string>();
  private readonly emptied: (() => void)[] = [];
  private readonly persisted: Persisted<OutboxEntry[]>;

  constructor(private readonly opts: OutboxOptions) {
    this.persisted = new Persisted(opts.storage, opts.key);
  }

  get pending(): readonly OutboxEntry[] {
    return this.entries;
  }

  async load(): Promise<void> {
    this.entries = (await this.persisted.load()) ?? [];
  }

  /** Queues a send (stored before this resolves) and returns the entry and the ack to come. */
  async add(conversationId: string, input: SendInput, clientMessageId: string): Promise<{ entry: OutboxEntry; acked: Promise<Message> }> {
    const entry: OutboxEntry = { clientMessageId, conversationId, input, queuedAt: new Date().toISOString() };
    const acked = new Promise<Message>((resolve, reject) => this.waiters.set(entry.clientMessageId, { resolve, reject }));
    // close() may reject it while the entry is still being stored, before the caller holds it: not an unhandled rejection.
    acked.catch(() => {});
    this.entries.push(entry);
    await this.persisted.save(this.entries);
    this.opts.onChange();
    this.flush();
    return { entry, acked };
  }

  /** Sends what waits, one conversation's sends in order (called on every connect and every add). */
  flush(): void {
    for (const conversationId of new Set(this.entries.map((e) => e.conversationId))) void this.drain(conversationId);
  }

  private async drain(conversationId: string): Promise<void> {
    if (this.sending.has(conversationId)) return;
    this.sending.add(conversationId);
    try {
      for (let failures = 0; ;) {
        const entry = this.entries.find((e) => e.conversationId === conversationId);
        const socket = this.opts.socket();
        if (!entry || !socket) return;
        const outcome = await this.attempt(socket, entry);
        if (outcome) {
          this.settle(entry, outcome);
          failures = 0;
        } else await sleep(Math.min(MAX_BACKOFF_MS, 500 * 2 ** failures++));
      }
    } finally {
      this.sending.delete(conversationId);
    }
  }

  /** The outcome, or undefined when it is worth trying again (unavailable, rate limited, no ack). */
  private async attempt(socket: ClientSocket, entry: OutboxEntry): Promise<Outcome | undefined> {
    const payload = { ...entry.input, conversationId: entry.conversationId, clientMessageId: entry.clientMessageId };
    try {
      return { message: (await request(socket, 'message:send', payload, this.opts.ackTimeoutMs)).message };
    } catch (err) {
      const error = err instanceof ParleyError ? err : new ParleyError({ code: 'internal', detail: String(err) });
      if (!isRetryable(error.code)) return { error };
      if (error.retryAfterSeconds) await sleep(error.retryAfterSeconds * 1000);
      return undefined;
    }
  }

  private settle(entry: OutboxEntry, outcome: Outcome): void {
    this.entries = this.entries.filter((e) => e !== entry);
    // Not awaited: the next send need not wait for the disk. Should the process die first, the
    // entry is sent again on the next start and the server answers with the stored message.
    void this.persisted.save(this.entries).catch(() => {});
    const waiter = this.waiters.get(entry.clientMessageId);
    this.waiters.delete(entry.clientMessageId);
    if ('message' in outcome) waiter?.resolve(outcome.message);
    else waiter?.reject(outcome.error);
    this.opts.onChange();
    if (this.entries.length === 0) for (const resolve of this.emptied.splice(0)) resolve();
  }

  /** Resolves once nothing waits to be sent (at once when the outbox is empty). */
  drained(): Promise<void> {
    return this.entries.length === 0 ? Promise.resolve() : new Promise((resolve) => this.emptied.push(resolve));
  }

  /** Resolves once the entries as they are now (and every write before) are stored. */
  saved(): Promise<void> {
    return this.persisted.save(this.entries);
  }

  /** Pending sends end with `client.closed` (they stay stored and go out when a client on this storage starts). */
  close(): void {
    for (const waiter of this.waiters.values()) waiter.reject(new ParleyError({ code: 'client.closed', detail: 'closed before the ack' }));
    this.waiters.clear();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A v4 UUID: crypto.randomUUID where there is one (browsers, Node), else from getRandomValues (React Native with a polyfill). */
export function newClientMessageId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string; getRandomValues?<T>(a: T): T } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  const bytes = c?.getRandomValues
    ? c.getRandomValues(new Uint8Array(16))
    : Uint8Array.from({ length: 16 }, () => Math.floor(Math.random() * 256));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
