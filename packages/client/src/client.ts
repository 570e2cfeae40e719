import type { Conversation, Message, Poll, PrivacySettings, User } from '@parley/protocol';
import { Connection, request, type ClientSocket, type ConnectionStatus } from './connection.js';
import { ParleyError } from './errors.js';
import { postJson } from './http.js';
import { Listeners } from './listeners.js';
import { newClientMessageId, Outbox, type OutboxEntry, type SendInput } from './outbox.js';
import type { paths } from './openapi.js';
import { DeliveryReceipts } from './receipts.js';
import { createRestClient, unwrap, type RestClient } from './rest.js';
import { Session, type AuthResult } from './session.js';
import { memoryStorage } from './storage/memory.js';
import type { ClientStorage } from './storage/types.js';
import { Account } from './account.js';
import { Calls, type CallEvents } from './calls.js';
import { PushDevices } from './push.js';
import { Store, type ReadState } from './store.js';
import { EventStream, type StreamEvent } from './stream.js';
import { uploadMedia, type UploadOptions } from './upload.js';

export interface ParleyClientOptions {
  /** The server (`https://chat.example.com`), or several nodes: a lost node's client goes on to the next. */
  url: string | string[];
  /** Where the session, the stream cursor and the outbox persist. Memory (nothing survives) by default. */
  storage?: ClientStorage;
  /** Socket.IO transports. WebSocket only by default: no sticky sessions needed behind a load balancer. */
  transports?: ('websocket' | 'polling')[];
  /** How long an ack may take before the request counts as lost (and a send is retried). Default 10 s. */
  ackTimeoutMs?: number;
  /** Events per `sync:request` page (1..1000). Default 500. */
  syncPageSize?: number;
  /** The fetch used for REST (default: the global one). */
  fetch?: typeof fetch;
  /** Tell senders their messages reached this device (`message:delivered`, coalesced). Default true. */
  deliveryReceipts?: boolean;
}

export interface ClientStatus {
  connection: ConnectionStatus;
  /** Sends not acked yet (in the outbox). */
  pending: number;
}

export interface ClientEvents extends CallEvents {
  /** Every message once, per conversation in seq order, whether it came live or by sync (yours included). */
  message(message: Message): void;
  /** Every event of the stream once, in eventId order. */
  event(event: StreamEvent): void;
  status(status: ClientStatus): void;
  /** `typing`, `user:online`, `user:offline`: live only, never replayed. */
  ephemeral(type: 'typing' | 'user:online' | 'user:offline', payload: Record<string, unknown>): void;
  /** The stream cursor could not be used (too old, or the server's log was reset): reload what you show over REST. */
  reset(reason: ParleyError): void;
  /** A send was refused (validation, not a member, blocked…) and will not be retried. */
  sendFailed(send: { clientMessageId: string; conversationId: string }, reason: ParleyError): void;
  /** The server ended the session (revoked, or the refresh token refused): sign in again. */
  signedOut(reason: ParleyError): void;
}

/** The JSON body of a POST operation, from the OpenAPI document. */
type JsonBody<P extends keyof paths> = paths[P] extends { post: { requestBody?: { content: { 'application/json': infer B } } } }
  ? B
  : never;

/** What `conversations.updateSettings` may change (`PATCH /conversations/:id/settings`). */
export type ConversationSettingsPatch = NonNullable<
  paths['/conversations/{id}/settings']['patch']['requestBody']
>['content']['application/json'];

/** What a vote, a close and `getPoll` answer: the poll now and your own choice. */
export type PollResult = { poll: Poll; myVote: string[] };

/** What `send` returns at once: the pending send (its ids), which resolves with the stored message once acked. */
export type PendingSend = Promise<Message> & { clientMessageId: string; conversationId: string };

interface Bound {
  userId: string;
  stream: EventStream;
  outbox: Outbox;
}

/**
 * One signed-in user's connection to Parley. See packages/client/README.md for a tour and
 * docs/client.md for the guarantees.
 */
export class ParleyClient {
  readonly rest: RestClient;
  readonly store: Store;
  readonly conversations = {
    /** A page of your conversations (pinned first, then by activity); also put in the store. */
    list: async (query: { limit?: number; cursor?: string } = {}) => {
      const page = unwrap(await this.rest.GET('/conversations', { params: { query } }));
      this.store.putConversations(page.conversations);
      return page;
    },
    /** Changes your settings for a conversation (mute, what notifies you, archive, pin); also in the store. */
    updateSettings: async (conversationId: string, settings: ConversationSettingsPatch) => {
      const reply = unwrap(
        await this.rest.PATCH('/conversations/{id}/settings', { params: { path: { id: conversationId } }, body: settings }),
      );
      this.store.settingsChanged(conversationId, reply.settings);
      return reply.settings;
    },
  };
  /** Your privacy settings (`GET/PATCH /users/me/privacy`); also `store.privacy`, kept current by `privacy:updated` from your other devices. */
  readonly privacy = {
    get: async (): Promise<PrivacySettings> => {
      const { privacy } = unwrap(await this.rest.GET('/users/me/privacy', {}));
      this.store.privacyChanged(privacy);
      return privacy;
    },
    update: async (settings: Partial<PrivacySettings>): Promise<PrivacySettings> => {
      const { privacy } = unwrap(await this.rest.PATCH('/users/me/privacy', { body: settings }));
      this.store.privacyChanged(privacy);
      return privacy;
    },
  };
  /** Push devices of this session: Web Push from a service worker registration, or a native token. */
  readonly push: PushDevices;
  /** Email verification and passwords: request and follow mailed links, change the password. */
  readonly account: Account;
  /** Call signalling (invite, answer, ice, hangup) and TURN credentials; the app runs WebRTC, `on('call:…')` hears the other side. */
  readonly calls: Calls;
  readonly messages = {
    /** A page of a conversation's history, newest first unless `before` (a seq) asks for older; also put in the store. */
    list: async (conversationId: string, query: { before?: number; after?: number; limit?: number } = {}) => {
      const page = unwrap(await this.rest.GET('/conversations/{id}/messages', { params: { path: { id: conversationId }, query } }));
      this.store.putMessages(conversationId, page.messages, query.after === undefined ? page.hasMore : undefined);
      return page;
    },
    /**
     * A page of a message's thread (`GET /messages/:id/thread`): the root with its `thread` summary,
     * the replies (ascending seq; the latest page unless `before`/`after`), and your `lastReadSeq`
     * and `unreadCount` of it. The replies are put in the store (`store.thread`). Reply with
     * `send(conversationId, { text, threadRootId })`.
     */
    thread: async (rootId: string, query: { before?: number; after?: number; limit?: number } = {}) => {
      const page = unwrap(await this.rest.GET('/messages/{id}/thread', { params: { path: { id: rootId }, query } }));
      this.store.putThread(rootId, page.messages);
      return page;
    },
    /** Moves your read mark of a thread to the reply `upToSeq` (or its last reply): `{lastReadSeq, unreadCount}`. */
    readThread: async (rootId: string, upToSeq?: number) =>
      unwrap(
        await this.rest.POST('/messages/{id}/thread/read', {
          params: { path: { id: rootId } },
          body: upToSeq === undefined ? {} : { upToSeq },
        }),
      ),
    /** Pins a message for everyone in its conversation (who may: see `pinPermission`); members hear `message:pinned`. */
    pin: async (messageId: string) => {
      const { pin } = unwrap(await this.rest.POST('/messages/{id}/pin', { params: { path: { id: messageId } } }));
      this.store.apply(this.localEvent('message:pinned', { ...pin, conversationId: pin.message.conversationId, messageId }));
      return pin;
    },
    /** Unpins it; members hear `message:unpinned`. */
    unpin: async (messageId: string, conversationId: string) => {
      unwrap(await this.rest.DELETE('/messages/{id}/pin', { params: { path: { id: messageId } } }));
      this.store.apply(this.localEvent('message:unpinned', { conversationId, messageId, unpinnedBy: this.userId ?? '' }));
    },
    /** A conversation's pinned messages, the latest pinned first; also put in the store (`store.pins`). */
    pins: async (conversationId: string) => {
      const { pins } = unwrap(await this.rest.GET('/conversations/{id}/pins', { params: { path: { id: conversationId } } }));
      this.store.putPins(conversationId, pins);
      return pins;
    },
    /** Stars a message for you alone; your other devices hear `message:starred`. */
    star: async (messageId: string, conversationId: string) => {
      unwrap(await this.rest.POST('/messages/{id}/star', { params: { path: { id: messageId } } }));
      this.store.apply(this.localEvent('message:starred', { conversationId, messageId, starredAt: new Date().toISOString() }));
    },
    /** Takes your star back. */
    unstar: async (messageId: string, conversationId: string) => {
      unwrap(await this.rest.DELETE('/messages/{id}/star', { params: { path: { id: messageId } } }));
      this.store.apply(this.localEvent('message:unstarred', { conversationId, messageId }));
    },
    /** A page of your starred messages, the latest starred first; also put in the store (`store.isStarred`). */
    starred: async (query: { limit?: number; cursor?: string } = {}) => {
      const page = unwrap(await this.rest.GET('/users/me/starred', { params: { query } }));
      this.store.putStars(page.stars);
      return page;
    },
    /**
     * Forwards a message to up to 10 conversations: one result per target, the new message or that
     * target's error (`conversation.not_found`, `user.blocked`, `rate_limited`…); the messages arrive as `message:new`.
     */
    forward: async (messageId: string, conversationIds: string[]) => {
      const { results } = unwrap(
        await this.rest.POST('/messages/{id}/forward', { params: { path: { id: messageId } }, body: { conversationIds } }),
      );
      for (const r of results) if ('message' in r) this.store.apply(this.localEvent('message:new', { message: r.message }));
      return results;
    },
  };

  /** How many `poll:updated` events each poll message has had here (an answer older than one of them is not applied). */
  private readonly pollEvents = new Map<string, number>();

  /** Votes in a poll (`[]` takes your vote back); the store shows the counts at once, members hear `poll:updated`. */
  vote(messageId: string, optionIds: string[]): Promise<PollResult> {
    return this.pollRequest(messageId, () =>
      this.rest.POST('/messages/{id}/votes', { params: { path: { id: messageId } }, body: { optionIds } }),
    );
  }

  /** Closes a poll (its author or a group admin): no more votes. */
  closePoll(messageId: string): Promise<PollResult> {
    return this.pollRequest(messageId, () => this.rest.POST('/messages/{id}/poll/close', { params: { path: { id: messageId } } }));
  }

  /** A poll as it is now and your own vote (which even an anonymous poll tells you); also into the store. */
  getPoll(messageId: string): Promise<PollResult> {
    return this.pollRequest(messageId, () => this.rest.GET('/messages/{id}/poll', { params: { path: { id: messageId } } }));
  }

  /**
   * Over REST, so every socket of this user hears the `poll:updated` (the socket events skip the voting socket):
   * the answer goes into the store unless an update of that poll arrived meanwhile (it may be newer; the update
   * this request made follows it in the stream, so the store ends up current either way).
   */
  private async pollRequest(
    messageId: string,
    call: () => Promise<{ data?: PollResult; error?: unknown; response: Response }>,
  ): Promise<PollResult> {
    const before = this.pollEvents.get(messageId) ?? 0;
    const result = unwrap(await call());
    this.store.voteKnown(messageId, result.myVote);
    const message = this.store.find(messageId);
    if (message && (this.pollEvents.get(messageId) ?? 0) === before)
      this.store.apply(this.localEvent('poll:updated', { conversationId: message.conversationId, messageId, poll: result.poll }));
    return result;
  }

  private readonly listeners = new Listeners<ClientEvents>();
  private readonly storage: ClientStorage;
  private readonly session: Session;
  private readonly connection: Connection;
  private readonly fetchFn: typeof fetch;
  private bound: Bound | undefined;
  private readonly receipts: DeliveryReceipts;
  /** Resolves once the stored session (if any) is restored: `userId`, `status` and `pending` are then known. */
  readonly ready: Promise<void>;
  private closed = false;

  constructor(private readonly opts: ParleyClientOptions) {
    const urls = (Array.isArray(opts.url) ? opts.url : [opts.url]).map((u) => u.replace(/\/+$/, ''));
    if (urls.length === 0) throw new ParleyError({ code: 'client.bad_options', detail: 'url is required' });
    this.storage = opts.storage ?? memoryStorage();
    this.fetchFn = opts.fetch ?? ((...args) => fetch(...args));
    this.session = new Session({
      storage: this.storage,
      post: (path, body) => postJson(this.fetchFn, this.connection.url, path, body),
      onEnded: (reason) => this.ended(reason),
    });
    this.connection = new Connection({
      urls,
      session: this.session,
      transports: opts.transports ?? ['websocket'],
      onConnect: (socket) => this.synced(socket),
      onEvent: (type, payload) => this.received(type, payload),
      onStatus: () => this.connectionChanged(),
      onRefused: (reason) => this.ended(reason),
    });
    this.store = new Store(() => this.bound?.userId);
    this.receipts = new DeliveryReceipts(
      () => this.bound?.userId,
      () => this.connection.online,
    );
    this.rest = createRestClient({ url: () => this.connection.url, auth: this.session, fetch: this.fetchFn });
    this.push = new PushDevices(this.rest);
    this.account = new Account(this.rest);
    this.calls = new Calls({
      socket: () => this.connection.online,
      ackTimeoutMs: opts.ackTimeoutMs ?? 10_000,
      emit: (name, ...args) => this.listeners.emit(name, ...args),
      turnCredentials: async () => unwrap(await this.rest.GET('/calls/turn-credentials')),
    });
    this.ready = this.restore();
  }

  /**
   * A change this client made itself, applied to the store at once (the store applies each kind
   * idempotently, so the stored event arriving after it changes nothing).
   */
  private localEvent<E extends StreamEvent['type']>(type: E, payload: Omit<Extract<StreamEvent, { type: E }>['payload'], 'eventId'>) {
    return { eventId: 0, type, payload: { ...payload, eventId: 0 } } as unknown as Extract<StreamEvent, { type: E }>;
  }

  /** The signed-in user's id (from the stored session), or undefined. */
  get userId(): string | undefined {
    return this.bound?.userId;
  }

  get status(): ClientStatus {
    return { connection: this.connection.status, pending: this.bound?.outbox.pending.length ?? 0 };
  }

  /** Sends not acked yet, oldest first (shown as pending messages; they survive restarts with a persistent storage). */
  get pending(): readonly OutboxEntry[] {
    return this.bound?.outbox.pending ?? [];
  }

  on<K extends keyof ClientEvents>(name: K, listener: ClientEvents[K]): () => void {
    return this.listeners.on(name, listener);
  }

  register(input: JsonBody<'/auth/register'>): Promise<User> {
    return this.signInWith('/auth/register', input);
  }

  signIn(input: JsonBody<'/auth/login'>): Promise<User> {
    return this.signInWith('/auth/login', input);
  }

  /** Signs in with a code sent by `POST /auth/request-otp` (`client.rest`). */
  signInWithOtp(input: JsonBody<'/auth/verify-otp'>): Promise<User> {
    return this.signInWith('/auth/verify-otp', input);
  }

  /** Signs in with a Google ID token (`GET /auth/methods` says whether the server takes them). */
  signInWithGoogle(input: JsonBody<'/auth/google'>): Promise<User> {
    return this.signInWith('/auth/google', input);
  }

  /** Adopts tokens obtained elsewhere (your backend, another sign-in method). */
  async useSession(tokens: { accessToken: string; refreshToken: string; expiresIn?: number }): Promise<void> {
    await this.ready;
    await this.bind((await this.session.adopt(tokens)).userId);
  }

  /** Connects (and keeps reconnecting) once signed in: sync, then the outbox. */
  connect(): void {
    void this.ready.then(() => {
      if (!this.closed) this.connection.start();
    });
  }

  /** Resolves once every queued send has been acked or refused (at once when there are none). */
  async drained(): Promise<void> {
    await this.ready;
    await this.bound?.outbox.drained();
  }

  /** Goes offline (until the next `connect()`); sends made meanwhile wait in the outbox. */
  disconnect(): void {
    this.connection.stop();
  }

  /** Queues a message (persisted at once) and resolves with the stored message once the server acks it. */
  send(conversationId: string, input: SendInput): PendingSend {
    const clientMessageId = newClientMessageId();
    const acked = (async () => {
      await this.ready;
      if (!this.bound) throw new ParleyError({ code: 'auth.unauthorized', detail: 'sign in first' });
      return (await this.bound.outbox.add(conversationId, input, clientMessageId)).acked;
    })();
    // Handled here so an unawaited send cannot crash the process; a refusal is also told as `sendFailed`.
    acked.catch((err: unknown) => {
      if (err instanceof ParleyError && err.code !== 'client.closed')
        this.listeners.emit('sendFailed', { clientMessageId, conversationId }, err);
    });
    return Object.assign(acked, { clientMessageId, conversationId });
  }

  /** Tells the conversation you are (or stopped) typing; live only, nothing when offline. */
  setTyping(conversationId: string, isTyping: boolean): void {
    this.connection.online?.emit(isTyping ? 'typing:start' : 'typing:stop', { conversationId }, () => {});
  }

  /** Moves your read watermark (to the newest message without `upToSeq`): over the socket when online, else REST. */
  async markRead(conversationId: string, upToSeq?: number): Promise<ReadState> {
    const socket = this.connection.online;
    const body = upToSeq === undefined ? {} : { upToSeq };
    const state = socket
      ? await request(socket, 'message:read', { conversationId, ...body }, this.opts.ackTimeoutMs ?? 10_000)
      : unwrap(await this.rest.POST('/conversations/{id}/read', { params: { path: { id: conversationId } }, body }));
    this.store.readAcked(conversationId, state);
    return state;
  }

  /**
   * Turns disappearing messages on (`seconds`: 60..7776000) or off (`null`) for everyone in the
   * conversation (`PUT /conversations/:id/disappearing`; in a group, owners and admins only:
   * `group.not_admin`). Resolves with the conversation, also put in the store; messages sent from
   * then on carry `expiresAt`, and the store drops one when `message:deleted` says it expired.
   */
  async setDisappearingTimer(conversationId: string, seconds: number | null): Promise<Conversation> {
    const { conversation } = unwrap(
      await this.rest.PUT('/conversations/{id}/disappearing', { params: { path: { id: conversationId } }, body: { seconds } }),
    );
    this.store.putConversations([conversation]);
    return conversation;
  }

  /** Uploads a file (resumable, tus) and resolves with its Media; send it with `send(id, { mediaIds: [media.id] })`. */
  upload(data: Blob | Uint8Array, opts: UploadOptions = {}) {
    return uploadMedia({ url: this.connection.url, auth: this.session, fetch: this.fetchFn, data, ...opts });
  }

  /** Ends the session on the server and forgets it here (tokens, cursor and unsent messages of this user). */
  async signOut(): Promise<void> {
    await this.ready;
    const token = await this.session.accessToken().catch(() => undefined);
    this.connection.stop();
    if (token) await postJson(this.fetchFn, this.connection.url, '/auth/logout', {}, token).catch(() => {});
    const bound = this.bound;
    this.bound = undefined;
    bound?.outbox.close();
    await Promise.all([this.session.clear(), bound?.stream.forget(), bound && this.storage.delete(`outbox:${bound.userId}`)]);
  }

  /** Disconnects and stores the cursor; unsent messages stay in storage for the next start. */
  async close(): Promise<void> {
    this.closed = true;
    await this.ready;
    this.connection.stop();
    this.receipts.stop();
    this.bound?.outbox.close();
    // Every write still in flight lands before this resolves: the next client on this storage must not be overwritten by it.
    await Promise.all([this.bound?.stream.saved(), this.bound?.outbox.saved(), this.session.idle()]);
  }

  private async restore(): Promise<void> {
    const saved = await this.session.restore();
    if (saved) await this.bind(saved.userId);
  }

  private async signInWith(path: string, body: unknown): Promise<User> {
    await this.ready;
    const result = (await postJson(this.fetchFn, this.connection.url, path, body)) as AuthResult;
    const saved = await this.session.adopt(result);
    await this.bind(saved.userId);
    return result.user;
  }

  /** The per-user parts: another account on the same storage keeps its own cursor and outbox. */
  private async bind(userId: string): Promise<void> {
    if (this.bound?.userId === userId) return;
    this.bound?.outbox.close();
    const stream = new EventStream({
      storage: this.storage,
      key: `cursor:${userId}`,
      pageSize: this.opts.syncPageSize ?? 500,
      ackTimeoutMs: this.opts.ackTimeoutMs ?? 10_000,
      onEvent: (e) => this.applied(e),
      onReset: (reason) => this.listeners.emit('reset', reason),
    });
    const outbox = new Outbox({
      storage: this.storage,
      key: `outbox:${userId}`,
      ackTimeoutMs: this.opts.ackTimeoutMs ?? 10_000,
      socket: () => this.connection.online,
      onChange: () => this.statusChanged(),
    });
    await Promise.all([stream.load(), outbox.load()]);
    this.bound = { userId, stream, outbox };
    this.connectionChanged();
  }

  private async synced(socket: ClientSocket): Promise<void> {
    await this.bound?.stream.sync(socket);
  }

  private received(type: string, payload: unknown): void {
    const p = payload as Record<string, unknown>;
    if (typeof p?.eventId === 'number') return this.bound?.stream.live({ eventId: p.eventId, type, payload } as StreamEvent);
    if (type === 'call:ice') return this.calls.relayed(p as Parameters<CallEvents['call:ice']>[0]);
    if (type === 'typing' || type === 'user:online' || type === 'user:offline') {
      this.store.applyEphemeral(type, p);
      this.listeners.emit('ephemeral', type, p);
    }
  }

  private applied(event: StreamEvent): void {
    if (event.type === 'poll:updated')
      this.pollEvents.set(event.payload.messageId, (this.pollEvents.get(event.payload.messageId) ?? 0) + 1);
    this.store.apply(event);
    this.listeners.emit('event', event);
    this.calls.applied(event);
    if (event.type !== 'message:new') return;
    if (this.opts.deliveryReceipts !== false) this.receipts.received(event.payload.message);
    this.listeners.emit('message', event.payload.message);
  }

  private connectionChanged(): void {
    if (this.connection.status === 'online') {
      this.bound?.outbox.flush();
      this.receipts.flush();
    } else this.bound?.stream.disconnected();
    this.statusChanged();
  }

  /**
   * Tells the listeners (the outbox changed, or the connection). Not a disconnect: a send queued during the last step
   * of a sync (storing the cursor) must not put the stream back into buffering, where no sync would ever drain it.
   */
  private statusChanged(): void {
    this.store.outboxChanged();
    this.listeners.emit('status', this.status);
  }

  private ended(reason: ParleyError): void {
    this.connection.stop();
    // A session the server refused is dead: the next start must not restore it (the outbox stays, for the next sign-in).
    void this.session.clear().catch(() => {});
    this.bound = undefined;
    this.listeners.emit('signedOut', reason);
  }
}

/** The SDK's entry point: `createParleyClient({ url, storage })`, then sign in, `connect()`, `send`, `on`. */
export function createParleyClient(opts: ParleyClientOptions): ParleyClient {
  return new ParleyClient(opts);
}
