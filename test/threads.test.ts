import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { history, pair, search, send } from './helpers/messages.js';
import { expectProblem } from './helpers/problems.js';
import { newAccount, sdkClient, until } from './helpers/sdk.js';
import { emit, next, syncEvents, TestServer, type TestUser } from './helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await TestServer.start();
});
afterAll(() => server?.close());

const thread = (u: TestUser, rootId: string, query = '') => server.api('GET', `/messages/${rootId}/thread${query}`, { token: u.token });
const readThread = (u: TestUser, rootId: string, body: Record<string, unknown> = {}) =>
  server.api('POST', `/messages/${rootId}/thread/read`, { token: u.token, body });
const reply = (u: TestUser, chatId: string, rootId: string, text: string) =>
  server.api('POST', `/conversations/${chatId}/messages`, { token: u.token, body: { text, threadRootId: rootId } });

describe('threads', () => {
  it('replies carry threadRootId, keep the seq gap-free and the root summary follows, live and by sync', async () => {
    const { a, b, chatId } = await pair(server, ['Tara Thread', 'Rex Replier']);
    const root = await send(server, a, chatId, 'where shall we eat?');
    expect(root).toMatchObject({ threadRootId: null, thread: null });
    const as = await server.socket(a.token);
    const updated = next(as, 'message:updated', (p) => p.message.id === root.id && p.message.thread?.replyCount === 2);

    const r1 = await reply(b, chatId, root.id, 'the noodle place');
    expect(r1.status).toBe(201);
    expect(r1.body.message).toMatchObject({ threadRootId: root.id, seq: root.seq + 1 });
    // Over the socket too, with the same checks.
    const ack = await emit(as, 'message:send', { conversationId: chatId, text: 'deal', threadRootId: root.id, clientMessageId: 'thr-1' });
    expect(ack.ok).toBe(true);
    expect(ack.message).toMatchObject({ threadRootId: root.id, seq: root.seq + 2 });
    const top = await send(server, a, chatId, 'back in the chat');
    expect(top.seq).toBe(root.seq + 3);

    const live = await updated;
    expect(live.message.thread).toEqual({
      replyCount: 2,
      lastReplyId: ack.message.id,
      lastReplyAt: ack.message.createdAt,
      participantIds: [b.id, a.id],
    });
    // The history is the whole log: the replies are in it, in seq order, the root with its summary.
    const seen = await history(server, b, chatId);
    expect(seen.map((m) => m.seq)).toEqual([root.seq, root.seq + 1, root.seq + 2, root.seq + 3]);
    expect(seen[0].thread.replyCount).toBe(2);

    // A reconnecting client replays the summary's changes as message:updated of the root.
    const events = await syncEvents(server, b);
    const summaries = events.filter((e) => e.type === 'message:updated' && e.payload.message.id === root.id);
    expect(summaries.map((e) => e.payload.message.thread.replyCount)).toEqual([1, 2]);
    const seqs = events.filter((e) => e.type === 'message:new').map((e) => e.payload.message.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));

    // Replies are searchable like any message.
    const found = await search(server, b, `q=noodle&conversationId=${chatId}`);
    expect(found.body.messages.map((m: any) => m.id)).toEqual([r1.body.message.id]);
    as.disconnect();
  });

  it('pages the replies like the history, latest first page, older with before', async () => {
    const { a, b, chatId } = await pair(server, ['Paula Pager', 'Pat Pages']);
    const root = await send(server, a, chatId, 'count with me');
    const ids: string[] = [];
    for (let i = 1; i <= 5; i++) ids.push((await reply(i % 2 ? b : a, chatId, root.id, `n${i}`)).body.message.id);
    await send(server, a, chatId, 'not in the thread');

    const first = await thread(a, root.id, '?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.root).toMatchObject({ id: root.id, thread: { replyCount: 5, lastReplyId: ids[4] } });
    expect(first.body.messages.map((m: any) => m.text)).toEqual(['n4', 'n5']);
    expect(first.body.hasMore).toBe(true);
    const second = await thread(a, root.id, `?limit=2&before=${first.body.nextCursor}`);
    expect(second.body.messages.map((m: any) => m.text)).toEqual(['n2', 'n3']);
    const third = await thread(a, root.id, `?limit=2&before=${second.body.nextCursor}`);
    expect(third.body).toMatchObject({ hasMore: false, nextCursor: null });
    expect(third.body.messages.map((m: any) => m.text)).toEqual(['n1']);
    const after = await thread(a, root.id, `?after=${third.body.messages[0].seq}&limit=10`);
    expect(after.body.messages.map((m: any) => m.text)).toEqual(['n2', 'n3', 'n4', 'n5']);
  });

  it('refuses a bad root: another conversation, a reply, missing, deleted; and a non-member or late joiner cannot read it', async () => {
    const { a, b, chatId } = await pair(server, ['Bella Bad', 'Ben Bad']);
    const other = await pair(server, ['Olga Other', 'Oscar Other']);
    const foreign = await send(server, other.a, other.chatId, 'elsewhere');
    const root = await send(server, a, chatId, 'root');
    const r1 = (await reply(b, chatId, root.id, 'first')).body.message;

    expectProblem(await reply(a, chatId, foreign.id, 'x'), 422, 'thread.root_invalid');
    expectProblem(await reply(a, chatId, r1.id, 'nested'), 422, 'thread.root_invalid');
    expectProblem(await reply(a, chatId, '0197c1e2-5b7a-7d3c-9f1e-2a4b6c8d0e1f', 'missing'), 422, 'thread.root_invalid');
    expectProblem(await thread(a, r1.id), 422, 'thread.root_invalid');
    // Refused sends wrote nothing: the seq stays gap-free.
    const next1 = await send(server, a, chatId, 'after the refusals');
    expect(next1.seq).toBe(r1.seq + 1);

    // A non-member: 404 as for any message they cannot see.
    expectProblem(await thread(other.a, root.id), 404, 'message.not_found');
    expectProblem(await readThread(other.a, root.id), 404, 'message.not_found');

    // The root deleted for everyone: replies refused with a stable code; its thread can still be read.
    expect((await server.api('DELETE', `/messages/${root.id}?for=everyone`, { token: a.token })).status).toBe(200);
    expectProblem(await reply(b, chatId, root.id, 'too late'), 409, 'thread.root_deleted');
    expect((await thread(b, root.id)).body.messages.map((m: any) => m.id)).toEqual([r1.id]);

    // A group whose history is 'joined': someone added later may not read or reply under an older root.
    const [owner, late] = await Promise.all([server.register('Gina Group'), server.register('Larry Late')]);
    const g = (await server.api('POST', '/groups', { token: owner.token, body: { name: 'Thread Club' } })).body.group.id;
    const old = await send(server, owner, g, 'before you came');
    await reply(owner, g, old.id, 'an old reply');
    expect((await server.api('POST', `/groups/${g}/members`, { token: owner.token, body: { userIds: [late.id] } })).status).toBe(200);
    expectProblem(await thread(late, old.id), 404, 'message.not_found');
    expectProblem(await reply(late, g, old.id, 'hi'), 422, 'thread.root_invalid');
  });

  it('a reply deleted for everyone leaves the summary, and members hear it', async () => {
    const { a, b, chatId } = await pair(server, ['Dora Delete', 'Dan Delete']);
    const root = await send(server, a, chatId, 'vote');
    const r1 = (await reply(b, chatId, root.id, 'yes')).body.message;
    const r2 = (await reply(a, chatId, root.id, 'no')).body.message;
    const bs = await server.socket(b.token);
    const updated = next(bs, 'message:updated', (p) => p.message.id === root.id && p.message.thread?.replyCount === 1);
    expect((await server.api('DELETE', `/messages/${r2.id}?for=everyone`, { token: a.token })).status).toBe(200);
    expect((await updated).message.thread).toMatchObject({ replyCount: 1, lastReplyId: r1.id, participantIds: [b.id] });
    bs.disconnect();
  });

  it('keeps a read mark per thread and counts the unread replies of others', async () => {
    const { a, b, chatId } = await pair(server, ['Rita Reader', 'Roy Reader']);
    const root = await send(server, a, chatId, 'news');
    const r1 = (await reply(b, chatId, root.id, 'one')).body.message;
    await reply(b, chatId, root.id, 'two');
    await reply(a, chatId, root.id, 'mine');
    expect((await thread(a, root.id)).body).toMatchObject({ lastReadSeq: 0, unreadCount: 2 });

    const as = await server.socket(a.token);
    const heard = next(as, 'thread:read', (p) => p.rootId === root.id);
    const marked = await readThread(a, root.id, { upToSeq: r1.seq });
    // a's other devices hear it (a user event, in a's stream only).
    expect(await heard).toMatchObject({ conversationId: chatId, rootId: root.id, lastReadSeq: r1.seq, eventId: expect.any(Number) });
    as.disconnect();
    expect((await syncEvents(server, b)).some((e) => e.type === 'thread:read')).toBe(false);
    expect(marked.status).toBe(200);
    expect(marked.body).toEqual({ lastReadSeq: r1.seq, unreadCount: 1 });
    // Never back; without upToSeq, to the last reply.
    expect((await readThread(a, root.id, { upToSeq: 0 })).body.lastReadSeq).toBe(r1.seq);
    expect((await readThread(a, root.id)).body.unreadCount).toBe(0);
    expect((await thread(b, root.id)).body).toMatchObject({ lastReadSeq: 0, unreadCount: 1 });
  });

  it('through the SDK: reply with threadRootId, the summary reaches the other store, thread() pages and readThread() marks', async () => {
    const ada = await sdkClient(server, newAccount('Ada Thread SDK'), { signUp: true });
    const bo = await sdkClient(server, newAccount('Bo Thread SDK'), { signUp: true });
    ada.connect();
    bo.connect();
    const opened = await ada.rest.POST('/conversations', { body: { userId: bo.userId! } });
    const chatId = opened.data!.conversation.id;
    await Promise.all([ada.conversations.list(), bo.conversations.list()]);
    const root = await ada.send(chatId, { text: 'thread me' });
    await Promise.all([ada.messages.list(chatId), bo.messages.list(chatId)]);

    const r1 = await bo.send(chatId, { text: 'in the thread', threadRootId: root.id });
    expect(r1.threadRootId).toBe(root.id);
    const rootIn = (c: typeof ada) => c.store.messages(chatId).messages.find((m) => m.id === root.id);
    await until(() => rootIn(ada)?.thread?.replyCount === 1, "the summary in ada's store");
    await until(() => ada.store.thread(chatId, root.id).length === 1, "the reply in ada's store.thread");

    const page = await ada.messages.thread(root.id);
    expect(page).toMatchObject({ root: { id: root.id, thread: { replyCount: 1 } }, unreadCount: 1, hasMore: false });
    expect(page.messages.map((m) => m.id)).toEqual([r1.id]);
    expect(await ada.messages.readThread(root.id)).toEqual({ lastReadSeq: r1.seq, unreadCount: 0 });
    await Promise.all([ada.close(), bo.close()]);
  });
});
