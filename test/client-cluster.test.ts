import crypto from 'node:crypto';
import fc from 'fast-check';
import { unwrap, type Message, type ParleyClient } from '@parley/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, Node } from './helpers/cluster.js';
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
import { settle } from './helpers/server.js';

// Three Parley processes on one PostgreSQL and one Redis: the PostgreSQL project only.
const enabled = process.env.PARLEY_TEST_DB === 'postgres' && !!process.env.TEST_DATABASE_URL && !!process.env.TEST_REDIS_URL;
const seed = Number(process.env.FC_SEED ?? Date.now() % 2 ** 31);

/** One user's device: an SDK client given every node (in its own order, so the users start on different nodes). */
interface Member {
  account: Account;
  client: ParleyClient;
  log: Deliveries;
  conversations: string[];
}

/** A burst of sends: who (by index), to which of their conversations, how many. */
const sends = fc.array(fc.record({ who: fc.nat({ max: 2 }), conversation: fc.nat({ max: 1 }), count: fc.integer({ min: 1, max: 4 }) }), {
  maxLength: 6,
});
/** `pause`: how long the first burst has before the kill, so some of it is still in flight. */
const scenario = fc.record({
  before: sends,
  pause: fc.integer({ min: 0, max: 60 }),
  victim: fc.nat({ max: 2 }),
  whileDown: sends,
  after: sends,
});

describe.skipIf(!enabled)('@parley/client on three nodes: a node killed with -9 and started again loses and repeats nothing', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let nodes: Node[];
  let members: Member[];

  beforeAll(async () => {
    db = await freshDatabase(process.env.TEST_DATABASE_URL!);
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: process.env.TEST_REDIS_URL!,
      REDIS_KEY_PREFIX: `parley-sdk-cluster:${crypto.randomBytes(6).toString('hex')}:`,
      EMITTER_POLL_MS: '200',
      RATE_LIMIT_REGISTER_PER_IP: '100000/1h',
      SHUTDOWN_GRACE_MS: '2000',
    };
    // The first node migrates; the others start on the migrated database together.
    const first = await Node.start(env);
    nodes = [first, ...(await Promise.all([Node.start(env), Node.start(env)]))];
    members = await Promise.all(['Ann Cluster', 'Ben Cluster', 'Cat Cluster'].map((name, k) => join(name, k)));
    const [ann, ben, cat] = members as [Member, Member, Member];
    const group = unwrap(
      await ann.client.rest.POST('/groups', { body: { name: 'Cluster group', memberIds: [ben.client.userId!, cat.client.userId!] } }),
    ).group.id;
    const direct = unwrap(await ann.client.rest.POST('/conversations', { body: { userId: ben.client.userId! } })).conversation.id;
    ann.conversations.push(group, direct);
    ben.conversations.push(group, direct);
    cat.conversations.push(group);
    for (const m of members) m.client.connect();
    await until(() => members.every((m) => m.client.status.connection === 'online'), 'everyone online');
  }, 120_000);

  afterAll(async () => {
    await Promise.all((members ?? []).map((m) => m.client.close()));
    await Promise.all((nodes ?? []).map((n) => n.stop()));
    await db?.drop();
  });

  /** A member whose client lists the nodes starting at the k-th. */
  async function join(name: string, k: number): Promise<Member> {
    const url = [0, 1, 2].map((i) => nodes[(k + i) % 3]!.url);
    const account = newAccount(name);
    const client = await sdkClient({ url: url[0]! }, account, { signUp: true, url });
    const log = new Deliveries(name);
    log.follow(client);
    return { account, client, log, conversations: [] };
  }

  it('sends before, during and after the crash all arrive once, in order, on every device', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async ({ before, pause, victim, whileDown, after }) => {
        run++;
        sendAll(before, `r${run}-before`);
        await settle(pause);
        await nodes[victim]!.crash();
        sendAll(whileDown, `r${run}-down`);
        // The victim's clients move on to the next node; what they had in flight is retried there.
        await until(() => members.every((m) => m.client.status.pending === 0), 'the survivors to take every send', 30_000);
        await nodes[victim]!.up();
        sendAll(after, `r${run}-after`);
        await expectEveryViewIsTheServers();
      }),
      { numRuns: 2, seed, endOnFailure: true },
    );
  }, 120_000);

  function sendAll(burst: { who: number; conversation: number; count: number }[], tag: string): void {
    for (const [step, s] of burst.entries()) {
      const m = members[s.who]!;
      for (let k = 0; k < s.count; k++)
        m.log.send(m.client, m.conversations[s.conversation % m.conversations.length]!, `${tag}-${step}-${k}`);
    }
  }

  async function expectEveryViewIsTheServers(): Promise<void> {
    const idle = () => members.every((m) => m.client.status.pending === 0 && m.client.status.connection === 'online');
    await until(idle, 'every outbox to empty', 30_000);
    const sent = members.flatMap((m) => m.log.sent);
    await until(() => sent.every((s) => s.outcome), 'every send promise to settle');
    const live = nodes.find((n) => !n.exited)!;
    const truths = new Map<Member, Map<string, Message[]>>();
    for (const m of members) {
      const token = await signInToken(live, m.account);
      truths.set(m, new Map(await Promise.all(m.conversations.map(async (c) => [c, await historyOf(live, token, c)] as const))));
    }
    // A device that never catches up fails below, with the difference.
    await until(() => members.every((m) => m.log.caughtUp(truths.get(m)!)), 'every device to catch up').catch(() => {});
    for (const m of members) expectDeliveredIsHistory(m.log, truths.get(m)!);
    expectEachSentOnce(
      sent,
      [...truths.values()].flatMap((t) => [...t.values()].flat()),
    );
    expect(sent.every((s) => s.outcome && 'message' in s.outcome)).toBe(true);
  }
});
