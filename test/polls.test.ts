import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { history, pair } from './helpers/messages.js';
import { expectProblem } from './helpers/problems.js';
import { syncEvents, TestServer, type TestUser } from './helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await TestServer.start();
});
afterAll(() => server?.close());

const poll = { question: 'Lunch?', options: ['Pizza', 'Sushi', 'Salad'] };
const createPoll = (u: TestUser, chatId: string, extra: Record<string, unknown> = {}) =>
  server.api('POST', `/conversations/${chatId}/messages`, { token: u.token, body: { poll: { ...poll, ...extra } } });
const vote = (u: TestUser, id: string, optionIds: string[]) =>
  server.api('POST', `/messages/${id}/votes`, { token: u.token, body: { optionIds } });

describe('polls', () => {
  it('creates a poll message; bad input is refused with stable codes', async () => {
    const { a, chatId } = await pair(server, ['Poll A', 'Poll B']);
    const res = await createPoll(a, chatId);
    expect(res.status).toBe(201);
    expect(res.body.message).toMatchObject({ type: 'poll', text: 'Lunch?' });
    expect(res.body.message.poll).toMatchObject({
      question: 'Lunch?',
      multipleChoice: false,
      anonymous: false,
      closed: false,
      voterCount: 0,
    });
    expect(res.body.message.poll.options.map((o: any) => o.text)).toEqual(['Pizza', 'Sushi', 'Salad']);
    expectProblem(await createPoll(a, chatId, { options: ['only'] }), 400, 'validation.failed');
    expectProblem(await createPoll(a, chatId, { options: Array.from({ length: 13 }, (_, i) => `o${i}`) }), 400, 'validation.failed');
    expectProblem(
      await server.api('POST', `/conversations/${chatId}/messages`, { token: a.token, body: { poll, encrypted: true } }),
      400,
      'validation.failed',
    );
    expectProblem(await createPoll(a, chatId, { closesAt: '2000-01-01T00:00:00Z' }), 422, 'poll.closes_at_invalid');
  });

  it('votes, changes and retracts a vote; single choice takes one option; non-members are refused', async () => {
    const { a, b, chatId } = await pair(server, ['Vote A', 'Vote B']);
    const outsider = await server.register('Vote Outsider');
    const id = (await createPoll(a, chatId)).body.message.id;
    let res = await vote(b, id, ['1']);
    expect(res.status).toBe(200);
    expect(res.body.myVote).toEqual(['1']);
    expect(res.body.poll.options[0]).toMatchObject({ votes: 1, voterIds: [b.id] });
    res = await vote(b, id, ['2']);
    expect(res.body.poll.options.map((o: any) => o.votes)).toEqual([0, 1, 0]);
    expectProblem(await vote(b, id, ['1', '2']), 422, 'poll.single_choice');
    expectProblem(await vote(b, id, ['9']), 422, 'poll.option_invalid');
    expectProblem(await vote(outsider, id, ['1']), 404, 'message.not_found');
    res = await vote(b, id, []);
    expect(res.body.myVote).toEqual([]);
    expect(res.body.poll.voterCount).toBe(0);
    const shown = (await history(server, a, chatId)).find((m) => m.id === id);
    expect(shown.poll.voterCount).toBe(0);
  });

  it('anonymous polls never name voters, but the voter sees their own choice', async () => {
    const { a, b, chatId } = await pair(server, ['Anon A', 'Anon B']);
    const id = (await createPoll(a, chatId, { anonymous: true, multipleChoice: true })).body.message.id;
    const res = await vote(b, id, ['1', '3']);
    expect(res.body.myVote).toEqual(['1', '3']);
    expect(res.body.poll.options.map((o: any) => o.votes)).toEqual([1, 0, 1]);
    expect(JSON.stringify(res.body.poll)).not.toContain(b.id);
    const events = await syncEvents(server, a);
    const updates = events.filter((e) => e.type === 'poll:updated');
    expect(updates).toHaveLength(1);
    expect(JSON.stringify(updates)).not.toContain(b.id);
    const mine = await server.api('GET', `/messages/${id}/poll`, { token: b.token });
    expect(mine.body.myVote).toEqual(['1', '3']);
    const theirs = await server.api('GET', `/messages/${id}/poll`, { token: a.token });
    expect(theirs.body.myVote).toEqual([]);
  });

  it('closing: author or admin only; a closed poll (by hand or closesAt) refuses votes', async () => {
    const { a, b, chatId } = await pair(server, ['Close A', 'Close B']);
    const id = (await createPoll(a, chatId)).body.message.id;
    expectProblem(await server.api('POST', `/messages/${id}/poll/close`, { token: b.token }), 403, 'poll.close_forbidden');
    const closed = await server.api('POST', `/messages/${id}/poll/close`, { token: a.token });
    expect(closed.status).toBe(200);
    expect(closed.body.poll.closed).toBe(true);
    expectProblem(await vote(b, id, ['1']), 409, 'poll.closed');

    const soon = new Date(Date.now() + 1500).toISOString();
    const timed = (await createPoll(a, chatId, { closesAt: soon })).body.message.id;
    expect((await vote(b, timed, ['1'])).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1700));
    expectProblem(await vote(b, timed, ['2']), 409, 'poll.closed');
  });

  it('sync replays votes and closing; delete for everyone takes the poll away', async () => {
    const { a, b, chatId } = await pair(server, ['Sync A', 'Sync B']);
    const id = (await createPoll(a, chatId)).body.message.id;
    await vote(b, id, ['2']);
    await server.api('POST', `/messages/${id}/poll/close`, { token: a.token });
    const updates = (await syncEvents(server, a)).filter((e) => e.type === 'poll:updated');
    expect(updates.map((e) => e.payload.poll.closed)).toEqual([false, true]);
    expect(updates[0].payload.poll.options[1].voterIds).toEqual([b.id]);
    expect((await server.api('DELETE', `/messages/${id}?for=everyone`, { token: a.token })).status).toBe(200);
    const shown = (await history(server, b, chatId)).find((m) => m.id === id);
    expect(shown.poll).toBeUndefined();
    const replay = await syncEvents(server, b);
    expect(replay.filter((e) => e.type === 'poll:updated')).toHaveLength(0);
    expect(JSON.stringify(replay)).not.toContain('Pizza');
  });
});
