import { unwrap, type ParleyClient } from '@parley/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAccount, sdkClient, until } from './helpers/sdk.js';
import { TestServer } from './helpers/server.js';

/** Polls through the SDK: send a poll, vote and close it, and the store showing live counts on the other side. */
let server: TestServer;
const open: ParleyClient[] = [];
beforeAll(async () => {
  server = await TestServer.start();
});
afterAll(async () => {
  await Promise.all(open.map((c) => c.close()));
  await server?.close();
});

const counts = (c: ParleyClient, chat: string, id: string) =>
  c.store
    .messages(chat)
    .messages.find((m) => m.id === id)
    ?.poll?.options.map((o) => o.votes);

describe('@parley/client: polls', () => {
  it("one sends a poll, the other votes with client.vote: the sender's store shows the count live; closePoll closes it", async () => {
    const a = await sdkClient(server, newAccount('Poll Sender'), { signUp: true });
    const b = await sdkClient(server, newAccount('Poll Voter'), { signUp: true });
    open.push(a, b);
    const chat = unwrap(await a.rest.POST('/conversations', { body: { userId: b.userId! } })).conversation.id;
    a.connect();
    b.connect();
    await Promise.all([a.messages.list(chat), b.messages.list(chat)]);

    const sent = await a.send(chat, { poll: { question: 'Lunch?', options: ['Pizza', 'Sushi'], anonymous: true } });
    expect(sent).toMatchObject({ type: 'poll', poll: { question: 'Lunch?', anonymous: true, multipleChoice: false } });
    await until(() => counts(b, chat, sent.id) !== undefined, 'the voter to see the poll');

    const [pizza, sushi] = sent.poll!.options;
    const result = await b.vote(sent.id, [sushi!.id]);
    expect(result.myVote).toEqual([sushi!.id]);
    // The voter's store shows it at once, with their own choice (an anonymous poll names no voters).
    expect(counts(b, chat, sent.id)).toEqual([0, 1]);
    expect(b.store.myVote(b.store.find(sent.id)!)).toEqual([sushi!.id]);
    await until(() => counts(a, chat, sent.id)?.[1] === 1, "the sender's store to show the vote");
    expect(a.store.myVote(a.store.find(sent.id)!)).toBeUndefined();
    expect((await a.getPoll(sent.id)).myVote).toEqual([]);
    expect(a.store.myVote(a.store.find(sent.id)!)).toEqual([]);

    await b.vote(sent.id, [pizza!.id]);
    await until(() => counts(a, chat, sent.id)?.join() === '1,0', 'the changed vote');

    const closed = await a.closePoll(sent.id);
    expect(closed.poll.closed).toBe(true);
    await until(() => b.store.find(sent.id)?.poll?.closed === true, 'the voter to see it closed');
    await expect(b.vote(sent.id, [sushi!.id])).rejects.toMatchObject({ code: 'poll.closed' });
  });
});
