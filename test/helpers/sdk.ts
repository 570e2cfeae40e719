import crypto from 'node:crypto';
import {
  createParleyClient,
  type ClientStorage,
  type Message,
  type ParleyClient,
  type ParleyClientOptions,
  type StreamEvent,
} from '@parley/client';
import { expect } from 'vitest';
import type { TestServer } from './server.js';

export interface Account {
  email: string;
  password: string;
  name: string;
}

export const newAccount = (name: string): Account => {
  const tag = crypto.randomBytes(5).toString('hex');
  return { email: `sdk-${tag}@example.test`, password: `pw-${tag}-long enough`, name };
};

/** What a client delivered through its public events, for the test to compare with the server. */
export interface Seen {
  messages: Message[];
  events: StreamEvent[];
}

export function watch(client: ParleyClient): Seen {
  const seen: Seen = { messages: [], events: [] };
  client.on('message', (m) => seen.messages.push(m));
  client.on('event', (e) => seen.events.push(e));
  return seen;
}

/** A client for the test server (signed up when `account` is new, else signed in), not yet connected. */
export async function sdkClient(
  server: TestServer | { url: string },
  account: Account,
  opts: { storage?: ClientStorage; signUp?: boolean; url?: string | string[]; options?: Partial<ParleyClientOptions> } = {},
): Promise<ParleyClient> {
  const client = createParleyClient({ url: opts.url ?? server.url, storage: opts.storage, ackTimeoutMs: 5_000, ...opts.options });
  if (opts.signUp === false) await client.signIn({ login: account.email, password: account.password });
  else if (opts.signUp) await client.register(account);
  else await client.ready;
  return client;
}

/** Resolves when `check` holds (polled), or fails with `what` after `ms`. */
export async function until(check: () => boolean, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Anything that answers Parley's REST API: a TestServer or a cluster Node. */
export interface RestTarget {
  api(method: string, urlPath: string, opts?: { token?: string; body?: unknown }): Promise<{ status: number; body: any }>;
}

/** A fresh access token for `account` from the server's own sign-in, so the truth is read without the SDK. */
export async function signInToken(server: RestTarget, account: Account): Promise<string> {
  const r = await server.api('POST', '/auth/login', { body: { login: account.email, password: account.password } });
  if (r.status !== 200) throw new Error(`sign-in failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.accessToken as string;
}

/** The server's history of a conversation as this user sees it: every page, ascending by seq. */
export async function historyOf(server: RestTarget, token: string, conversationId: string): Promise<Message[]> {
  const all: Message[] = [];
  for (let before: string | null = null; ;) {
    const query: string = before ? `?limit=100&before=${before}` : '?limit=100';
    const r = await server.api('GET', `/conversations/${conversationId}/messages${query}`, { token });
    if (r.status !== 200) throw new Error(`history failed: ${r.status} ${JSON.stringify(r.body)}`);
    all.unshift(...(r.body.messages as Message[]));
    if (!r.body.hasMore) return all;
    before = r.body.nextCursor;
  }
}

/** What a chat screen shows of one message: enough to compare a client's view with the server's history. */
export interface ShownMessage {
  id: string;
  seq: number;
  text: string | null;
  deleted: boolean;
  edited: boolean;
  reactions: string[];
}

export const shown = (m: Message): ShownMessage => ({
  id: m.id,
  seq: m.seq,
  text: m.text,
  deleted: m.deletedAt !== null,
  edited: m.editedAt !== null,
  reactions: (m.reactions ?? []).map((r) => `${r.userId}:${r.emoji}`).sort(),
});

/**
 * The messages of one conversation rebuilt from a client's stream events alone (`on('event')`),
 * the way an app's screen would be: what it shows after them, ascending by seq.
 */
export function viewOf(events: readonly StreamEvent[], conversationId: string): ShownMessage[] {
  const view = new Map<string, ShownMessage>();
  const tombstone = (id: string) => {
    const m = view.get(id);
    if (m) view.set(id, { ...m, text: null, deleted: true, reactions: [] });
  };
  for (const e of events) {
    if (e.type === 'message:new' && e.payload.message.conversationId === conversationId)
      view.set(e.payload.message.id, shown(e.payload.message));
    // A change to a message this user deleted for themselves (on another device) stays hidden.
    if (e.type === 'message:updated' && view.has(e.payload.message.id)) view.set(e.payload.message.id, shown(e.payload.message));
    if (e.type === 'message:deleted' && e.payload.for === 'self') view.delete(e.payload.messageId);
    else if (e.type === 'message:deleted') tombstone(e.payload.messageId);
    const reacted = e.type === 'reaction:updated' ? view.get(e.payload.messageId) : undefined;
    if (e.type === 'reaction:updated' && reacted) reacted.reactions = e.payload.reactions.map((r) => `${r.userId}:${r.emoji}`).sort();
  }
  return [...view.values()].sort((a, b) => a.seq - b.seq);
}

/** Strictly increasing: every event once, in order. */
export const increasing = (ids: readonly number[]): boolean => ids.every((id, i) => i === 0 || id > ids[i - 1]!);

/** One send through the SDK: what was asked, by which client instance of its device, and how its promise ended. */
export interface SentMessage {
  text: string;
  conversationId: string;
  clientMessageId: string;
  instance: number;
  outcome?: { message: Message } | { error: { code?: string } };
}

/** What one device delivered through its public events, over every client started on it in turn (app restarts), and what it sent. */
export class Deliveries {
  /** on('message'), per conversation, across the device's clients. */
  readonly messages = new Map<string, Message[]>();
  /** on('event') eventIds, one list per client instance. */
  readonly eventIds: number[][] = [];
  readonly sent: SentMessage[] = [];

  constructor(readonly name: string) {}

  /** How many clients have run on this device (the current one's number). */
  get instance(): number {
    return this.eventIds.length;
  }

  /** Records what `client`, the device's next client, delivers: call before `connect()`. */
  follow(client: ParleyClient): void {
    const ids: number[] = [];
    this.eventIds.push(ids);
    client.on('event', (e) => ids.push(e.eventId));
    client.on('message', (m) => this.messages.set(m.conversationId, [...(this.messages.get(m.conversationId) ?? []), m]));
  }

  /** Sends without waiting, as an app would: the outcome is recorded for the checks. */
  send(client: ParleyClient, conversationId: string, text: string): void {
    const pending = client.send(conversationId, { text });
    const sent: SentMessage = { text, conversationId, clientMessageId: pending.clientMessageId, instance: this.instance };
    this.sent.push(sent);
    pending.then(
      (message) => (sent.outcome = { message }),
      (error: { code?: string }) => (sent.outcome = { error }),
    );
  }

  /** Whether it delivered at least as many messages as the server holds, in every one of these conversations. */
  caughtUp(truth: ReadonlyMap<string, Message[]>): boolean {
    return [...truth].every(([c, messages]) => (this.messages.get(c)?.length ?? 0) >= messages.length);
  }
}

/** A device delivered the server's history of each conversation: nothing missing, nothing twice, in seq order; each client's events in order. */
export function expectDeliveredIsHistory(device: Deliveries, truth: ReadonlyMap<string, Message[]>): void {
  const brief = (m: Message) => ({ id: m.id, seq: m.seq, text: m.text });
  for (const [c, history] of truth) {
    expect(
      history.map((m) => m.seq),
      'the server: seq is gap-free',
    ).toEqual(history.map((_, k) => k + 1));
    expect((device.messages.get(c) ?? []).map(brief), `${device.name} in ${c}`).toEqual(history.map(brief));
  }
  for (const ids of device.eventIds) expect(increasing(ids), `${device.name}: eventIds strictly increasing per client`).toBe(true);
}

/**
 * Every send is on the server exactly once, with its clientMessageId, and nothing else is (system
 * messages aside); its promise resolved with that message, or ended with `client.closed` (an app restart cut it off).
 */
export function expectEachSentOnce(sent: readonly SentMessage[], onServer: readonly Message[]): void {
  const stored = [...new Map(onServer.filter((m) => m.type !== 'system').map((m) => [m.id, m])).values()];
  const asked = new Set(sent.map((s) => s.text));
  expect(
    stored.filter((m) => !asked.has(m.text ?? '')),
    'nothing on the server that nobody sent',
  ).toEqual([]);
  for (const s of sent) {
    const copies = stored
      .filter((m) => m.text === s.text)
      .map((m) => ({ conversationId: m.conversationId, clientMessageId: m.clientMessageId, id: m.id }));
    expect(copies, `${s.text} (sent by client #${s.instance})`).toEqual([
      { conversationId: s.conversationId, clientMessageId: s.clientMessageId, id: expect.any(String) },
    ]);
    if (s.outcome && 'message' in s.outcome) expect(s.outcome.message.id).toBe(copies[0]!.id);
    else expect(s.outcome?.error.code, `${s.text}: only a closed client's sends may fail`).toBe('client.closed');
  }
  expect(stored.length).toBe(sent.length);
}
