import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, Node, OwnRedis } from './helpers/cluster.js';
import { emit, next } from './helpers/server.js';

// Two Parley processes on one PostgreSQL and one Redis: runs in the PostgreSQL project only.
const enabled = process.env.PARLEY_TEST_DB === 'postgres' && !!process.env.TEST_DATABASE_URL;
const offer = 'v=0\r\ns=offer\r\n';
const answer = 'v=0\r\ns=answer\r\n';
const candidate = { candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host', sdpMid: '0', sdpMLineIndex: 0 };

describe.skipIf(!enabled)('calls across two nodes', () => {
  let redis: OwnRedis;
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let nodes: Node[];
  const sockets: Socket[] = [];

  beforeAll(async () => {
    redis = await OwnRedis.start();
    db = await freshDatabase(process.env.TEST_DATABASE_URL!);
    const env = {
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      EMITTER_POLL_MS: '500',
      RATE_LIMIT_REGISTER_PER_IP: '100000/1h',
      SHUTDOWN_GRACE_MS: '5000',
      CALL_RING_TIMEOUT_SECONDS: '3',
    };
    const first = await Node.start(env);
    nodes = [first, await Node.start(env)];
  }, 120_000);

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await Promise.all((nodes ?? []).map((n) => n.stop()));
    await redis?.down();
    await db?.drop();
  });

  const on = async (node: Node, token: string) => {
    const s = await node.socket(token);
    sockets.push(s);
    return s;
  };

  async function pair(names: [string, string]) {
    const caller = await nodes[0]!.register(names[0]);
    const callee = await nodes[1]!.register(names[1]);
    const chat = (await nodes[0]!.api('POST', '/conversations', { token: caller.token, body: { userId: callee.id } })).body.conversation.id;
    return { caller, callee, chat: chat as string };
  }

  it('rings the callee on the other node, carries the answer and ICE both ways, and the hangup', async () => {
    const { caller, callee } = await pair(['Caller on One', 'Callee on Two']);
    const callerSock = await on(nodes[0]!, caller.token);
    const [there, here] = [await on(nodes[1]!, callee.token), await on(nodes[0]!, callee.token)];
    const rings = [next(there, 'call:incoming'), next(here, 'call:incoming')];
    const { call } = await emit(callerSock, 'call:invite', { userId: callee.id, sdp: offer });
    for (const ring of await Promise.all(rings)) expect(ring).toMatchObject({ call: { id: call.id }, sdp: offer });

    const answered = next(callerSock, 'call:answered');
    const elsewhere = next(here, 'call:ended');
    expect(await emit(there, 'call:answer', { callId: call.id, sdp: answer })).toMatchObject({ ok: true });
    expect(await answered).toMatchObject({ sdp: answer });
    expect(await elsewhere).toMatchObject({ reason: 'answered_elsewhere' });

    const atCallee = next(there, 'call:ice');
    expect(await emit(callerSock, 'call:ice', { callId: call.id, candidate })).toEqual({ ok: true });
    expect(await atCallee).toEqual({ callId: call.id, candidate });
    const atCaller = next(callerSock, 'call:ice');
    expect(await emit(there, 'call:ice', { callId: call.id, candidate })).toEqual({ ok: true });
    expect(await atCaller).toEqual({ callId: call.id, candidate });

    const ended = next(callerSock, 'call:ended');
    await emit(there, 'call:hangup', { callId: call.id });
    expect(await ended).toMatchObject({ reason: 'hangup' });
  });

  it('a ring whose caller node dies ends as missed on the other node, with the missed-call message', async () => {
    const { caller, callee, chat } = await pair(['Caller Crashing', 'Callee Waiting']);
    const callerSock = await on(nodes[0]!, caller.token);
    const calleeSock = await on(nodes[1]!, callee.token);
    const ring = next(calleeSock, 'call:incoming');
    const { call } = await emit(callerSock, 'call:invite', { userId: callee.id, sdp: offer });
    await ring;
    const ended = next(calleeSock, 'call:ended', () => true, 15_000);
    await nodes[0]!.crash();
    expect(await ended).toMatchObject({ call: { id: call.id }, reason: 'missed' });
    const history = await nodes[1]!.api('GET', `/conversations/${chat}/messages`, { token: callee.token });
    expect(history.body.messages).toMatchObject([{ type: 'system', system: { action: 'call_missed', actorId: caller.id } }]);
  });
});
