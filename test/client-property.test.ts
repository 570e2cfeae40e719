import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { unwrap, type Message, type ParleyClient } from '@parley/client';
import { fileStorage } from '@parley/client/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Deliveries,
  expectDeliveredIsHistory,
  expectEachSentOnce,
  historyOf,
  newAccount,
  sdkClient,
  signInToken,
  until,
  type Account,
} from './helpers/sdk.js';
import { settle, TestServer } from './helpers/server.js';

/** The shortest access-token lifetime src/config.ts allows: the file outlives it, so tokens expire under the property. */
const TTL_SECONDS = 30;
/** Scenarios run until the world is older than one token lifetime, and at least this many. */
const MIN_RUNS = 5;
/** A failure prints its seed; FC_SEED=<seed> replays it (against a fresh world). */
const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);

/**
 * One app installation: a storage file that outlives the client running on it (an app restart
 * starts a new client on the same file), and what its clients delivered.
 */
class Install {
  client!: ParleyClient;
  /** Whether the app wants to be online (a restart keeps it). */
  online = true;
  readonly log: Deliveries;
  private readonly storageFile: string;

  constructor(
    readonly account: Account,
    readonly conversations: string[],
    dir: string,
    name: string,
  ) {
    this.storageFile = path.join(dir, `${name}.json`);
    this.log = new Deliveries(name);
  }

  async start(server: TestServer, signUp?: boolean): Promise<void> {
    const client = await sdkClient(server, this.account, { storage: fileStorage(this.storageFile), signUp });
    this.log.follow(client);
    this.client = client;
    if (this.online) client.connect();
  }

  send(conversationId: string, text: string): void {
    this.log.send(this.client, conversationId, text);
  }

  async restartApp(server: TestServer): Promise<void> {
    await this.client.close();
    await this.start(server);
  }
}

type Action =
  | { kind: 'send'; who: number; conversation: number; count: number }
  | { kind: 'disconnect'; who: number }
  | { kind: 'connect'; who: number }
  | { kind: 'restartApp'; who: number }
  | { kind: 'restartServer' }
  | { kind: 'wait'; ms: number };

const who = fc.nat({ max: 3 });
const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('send' as const),
      who,
      conversation: fc.nat({ max: 1 }),
      count: fc.integer({ min: 1, max: 3 }),
    }),
  },
  { weight: 2, arbitrary: who.map((w) => ({ kind: 'disconnect' as const, who: w })) },
  { weight: 2, arbitrary: who.map((w) => ({ kind: 'connect' as const, who: w })) },
  { weight: 2, arbitrary: who.map((w) => ({ kind: 'restartApp' as const, who: w })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restartServer' as const }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 400 }).map((ms) => ({ kind: 'wait' as const, ms })) },
);

describe('@parley/client under faults: every device ends with the server history, each message once, in order', () => {
  let server: TestServer;
  let dir: string;
  let installs: Install[];
  let users: Account[];
  /** Ed queued a message and closed the app at the start; he comes back after his access token has expired. */
  let ed: { account: Account; file: string; accessToken: string; chat: string; closedAt: number; queued: string };
  /** When the devices got their first tokens. */
  let bornAt: number;

  beforeAll(async () => {
    server = await TestServer.start({ ACCESS_TOKEN_TTL_SECONDS: String(TTL_SECONDS) }, { persistent: true });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-sdk-property-'));
    users = [newAccount('Ada Prop'), newAccount('Bo Prop'), newAccount('Cy Prop')];
    bornAt = Date.now();
    const [ada, bo, cy] = users as [Account, Account, Account];
    const first = new Install(ada, [], dir, 'ada');
    await first.start(server, true);
    ed = await closeWithQueuedSend(server, dir, first.client.userId!);
    const b1 = new Install(bo, [], dir, 'bo-phone');
    const c1 = new Install(cy, [], dir, 'cy');
    await Promise.all([b1.start(server, true), c1.start(server, true)]);
    // Bo's second device signs in to the same account: both must see everything, their own sends too.
    const b2 = new Install(bo, [], dir, 'bo-laptop');
    await b2.start(server, false);
    const rest = first.client.rest;
    const group = unwrap(
      await rest.POST('/groups', { body: { name: 'Property group', memberIds: [b1.client.userId!, c1.client.userId!] } }),
    );
    const direct = unwrap(await rest.POST('/conversations', { body: { userId: b1.client.userId! } }));
    for (const i of [first, b1, b2]) i.conversations.push(group.group.id, direct.conversation.id);
    c1.conversations.push(group.group.id);
    installs = [first, b1, b2, c1];
  }, 60_000);

  afterAll(async () => {
    await Promise.all((installs ?? []).map((i) => i.client.close()));
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('random sends, disconnects, app restarts and server restarts lose nothing and duplicate nothing', async () => {
    let run = 0;
    // Past one token lifetime every reconnect, restart and sign-in of the scenarios needs a refresh first.
    const expired = () => Date.now() - bornAt > (TTL_SECONDS + 2) * 1000;
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 6, maxLength: 18 }), async (actions) => {
        if (run >= MIN_RUNS && expired()) return; // enough: the rest of numRuns pass at once
        run++;
        let serverRestarts = 0;
        for (const [step, a] of actions.entries()) {
          if (a.kind === 'restartServer' && serverRestarts++ > 0) continue; // one per run: each costs seconds
          await perform(a, `r${run}s${step}`);
        }
        await expectEveryViewIsTheServers();
      }),
      { numRuns: 100, seed, endOnFailure: true },
    );
    // Every device's token has expired by now: a server restart makes all of them refresh to reconnect.
    if (!expired()) await settle(bornAt + (TTL_SECONDS + 2) * 1000 - Date.now());
    await server.restart({ samePort: true });
    installs[0]!.send(installs[0]!.conversations[0]!, 'after every token expired');
    await expectEveryViewIsTheServers();
  }, 120_000);

  it('an app restarted after its access token expired refreshes, sends its queued message and a new one', async () => {
    const wait = ed.closedAt + (TTL_SECONDS + 1) * 1000 - Date.now();
    if (wait > 0) await settle(wait);
    // The token the closed app stored is dead now: the new client must refresh to get on.
    const stale = await server.api('GET', '/auth/me', { token: ed.accessToken });
    expect(stale.status).toBe(401);
    expect(stale.body.code).toBe('auth.token_expired');
    const client = await sdkClient(server, ed.account, { storage: fileStorage(ed.file) });
    try {
      expect(client.status.pending).toBe(1);
      client.connect();
      const fresh = await client.send(ed.chat, { text: 'back after expiry' });
      await until(() => client.status.pending === 0, 'the queued message to go out');
      const truth = await historyOf(server, await signInToken(server, ed.account), ed.chat);
      expect(truth.map((m) => m.text)).toEqual([ed.queued, 'back after expiry']);
      expect(truth[1]!.id).toBe(fresh.id);
      expect(unwrap(await client.rest.GET('/auth/me')).user.id).toBe(client.userId);
    } finally {
      await client.close();
    }
  });

  async function perform(a: Action, tag: string): Promise<void> {
    const install = 'who' in a ? installs[a.who]! : undefined;
    switch (a.kind) {
      case 'send':
        for (let k = 0; k < a.count; k++)
          install!.send(install!.conversations[a.conversation % install!.conversations.length]!, `${tag}-${k}`);
        return;
      case 'disconnect':
        install!.online = false;
        return install!.client.disconnect();
      case 'connect':
        install!.online = true;
        return install!.client.connect();
      case 'restartApp':
        return install!.restartApp(server);
      case 'restartServer':
        return server.restart({ samePort: true });
      case 'wait':
        await settle(a.ms);
    }
  }

  /** Brings everyone online, waits for every outbox to empty and every device to catch up, then compares with the server. */
  async function expectEveryViewIsTheServers(): Promise<void> {
    for (const i of installs) if (!i.online) await perform({ kind: 'connect', who: installs.indexOf(i) }, '');
    const idle = () => installs.every((i) => i.client.status.pending === 0 && i.client.status.connection === 'online');
    await until(idle, 'every outbox to empty', 45_000);
    const sent = installs.flatMap((i) => i.log.sent);
    await until(() => sent.every((s) => s.outcome), 'every send promise to settle');
    const truths = new Map<Account, Map<string, Message[]>>();
    for (const account of users) {
      const token = await signInToken(server, account);
      const conversations = installs.find((i) => i.account === account)!.conversations;
      truths.set(account, new Map(await Promise.all(conversations.map(async (c) => [c, await historyOf(server, token, c)] as const))));
    }
    // A device that never catches up fails below, with the difference.
    await until(() => installs.every((i) => i.log.caughtUp(truths.get(i.account)!)), 'every device to catch up').catch(() => {});
    for (const i of installs) expectDeliveredIsHistory(i.log, truths.get(i.account)!);
    expectEachSentOnce(
      sent,
      [...truths.values()].flatMap((t) => [...t.values()].flat()),
    );
  }
});

/** Ed signs up by REST, adopts that session in an app, queues a message offline and closes it. */
async function closeWithQueuedSend(server: TestServer, dir: string, peerId: string) {
  const account = newAccount('Ed Expired');
  const file = path.join(dir, 'ed.json');
  const registered = await server.api('POST', '/auth/register', { body: account });
  const client = await sdkClient(server, account, { storage: fileStorage(file) });
  await client.useSession(registered.body);
  const chat = unwrap(await client.rest.POST('/conversations', { body: { userId: peerId } })).conversation.id;
  const queued = 'queued before the token expired';
  client.send(chat, { text: queued }).catch(() => {});
  await until(() => client.status.pending === 1, 'the send to be queued');
  await client.close();
  return { account, file, accessToken: registered.body.accessToken as string, chat, closedAt: Date.now(), queued };
}
