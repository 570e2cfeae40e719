import { describe, expect, it } from 'vitest';
import { AppError } from '../../lib/errors.js';
import { decideSends, type SendDecision } from './decideSends.js';
import { memberKey, repeatKey, type SendReads, type SenderMembership } from './lockAndReadForSends.js';
import type { MessageRow } from './present.js';
import type { SendMessageInput, SendRequest } from './sendQueue.js';

const alice = '00000000-0000-4000-8000-00000000000a';
const bob = '00000000-0000-4000-8000-00000000000b';
const chat = '00000000-0000-4000-8000-0000000000c1';
const other = '00000000-0000-4000-8000-0000000000c2';

const send = (input: Partial<SendMessageInput>, actorId = alice, origin?: string): SendRequest => ({
  actorId,
  input: { conversationId: chat, text: 'hi', ...input },
  origin,
});

const message = (over: Partial<MessageRow>): MessageRow => ({
  id: '00000000-0000-4000-8000-0000000000f1',
  conversationId: chat,
  seq: 5,
  senderId: bob,
  clientMessageId: null,
  type: 'text',
  text: 'earlier',
  replyToId: null,
  encrypted: false,
  system: null,
  mentionUserIds: [],
  mentionsAll: false,
  forwarded: false,
  threadRootId: null,
  editedAt: null,
  deletedAt: null,
  expiresAt: null,
  createdAt: new Date(0),
  ...over,
});

/** What the lock-and-read statement found: by default alice and bob are members of `chat`, no blocks. */
function reads(
  over: {
    members?: [string, string, Partial<SenderMembership>][];
    originals?: MessageRow[];
    replies?: MessageRow[];
    type?: 'direct' | 'group';
    mentionAll?: 'admins' | 'members';
    postPermission?: 'admins' | 'members';
    disappearAfterSeconds?: number | null;
  } = {},
): SendReads {
  const members = over.members ?? [
    [chat, alice, {}],
    [chat, bob, {}],
  ];
  return {
    conversations: new Map([
      [
        chat,
        {
          type: over.type ?? 'direct',
          lastSeq: 9,
          mentionAll: over.mentionAll ?? 'admins',
          postPermission: over.postPermission ?? 'members',
          disappearAfterSeconds: over.disappearAfterSeconds ?? null,
        },
      ],
    ]),
    members: new Map(
      members.map(([c, u, m]) => [memberKey(c, u), { blocked: false, floor: 0, role: 'member' as const, lastRead: 0, ...m }]),
    ),
    originals: new Map((over.originals ?? []).map((m) => [repeatKey(m.conversationId, m.senderId, m.clientMessageId!), m])),
    replies: new Map((over.replies ?? []).map((m) => [m.id, m])),
    mentionable: new Set(members.map(([c, u]) => memberKey(c, u))),
  };
}

const codeOf = (d: SendDecision) => (d.kind === 'refuse' ? d.error.code : d.kind);

describe('decideSends', () => {
  it('writes a new message from a member, with its text, flags, origin and uploads to claim', () => {
    const [d] = decideSends([send({ text: 'hello', clientMessageId: 'k1', encrypted: true, mediaIds: ['m1'] }, alice, 'sock-1')], reads());
    expect(d).toEqual({
      kind: 'write',
      message: {
        conversationId: chat,
        senderId: alice,
        text: 'hello',
        replyTo: null,
        clientMessageId: 'k1',
        encrypted: true,
        mentions: { userIds: [], all: false },
        forwarded: false,
        threadRootId: null,
        origin: 'sock-1',
        disappearAfterSeconds: null,
      },
      mediaIds: ['m1'],
    });
  });

  it("carries the conversation's disappearing timer, read under the lock, to the message", () => {
    const [d] = decideSends([send({ text: 'soon gone' })], reads({ disappearAfterSeconds: 3600 }));
    expect(d).toMatchObject({ kind: 'write', message: { disappearAfterSeconds: 3600 } });
  });

  it('marks a forward as forwarded, its media to be claimed through the message forwarded', () => {
    const [d] = decideSends([send({ text: 'fwd', mediaIds: ['m1'], forwardOf: 'src-1' })], reads());
    expect(d).toMatchObject({ kind: 'write', message: { forwarded: true, text: 'fwd' }, mediaIds: ['m1'], forwardOf: 'src-1' });
  });

  it('writes a media-only message with null text and no uploads when none are named', () => {
    const [withMedia, textOnly] = decideSends([send({ text: undefined, mediaIds: ['m1', 'm2'] }), send({})], reads());
    expect(withMedia).toMatchObject({ kind: 'write', message: { text: null }, mediaIds: ['m1', 'm2'] });
    expect(textOnly).toMatchObject({ kind: 'write', mediaIds: [] });
  });

  it('answers a clientMessageId used before with the original message', () => {
    const original = message({ senderId: alice, clientMessageId: 'k1' });
    const [d] = decideSends([send({ clientMessageId: 'k1' })], reads({ originals: [original] }));
    expect(d).toEqual({ kind: 'repeat', original });
  });

  it('answers a clientMessageId used earlier in the same batch as that send, and keys repeats by conversation and sender', () => {
    const ds = decideSends(
      [send({ clientMessageId: 'k1' }), send({ clientMessageId: 'k1' }, bob), send({ clientMessageId: 'k1' })],
      reads(),
    );
    expect(ds.map((d) => d.kind)).toEqual(['write', 'write', 'repeat-in-batch']);
    expect(ds[2]).toEqual({ kind: 'repeat-in-batch', sameAs: 0 });
  });

  it('writes two sends without a clientMessageId twice', () => {
    expect(decideSends([send({}), send({})], reads()).map((d) => d.kind)).toEqual(['write', 'write']);
  });

  it('refuses a sender who is not a member, or a conversation that does not exist, with conversation.not_found', () => {
    const ds = decideSends(
      [send({}, bob), send({ conversationId: other })],
      reads({
        members: [
          [chat, alice, {}],
          [other, alice, {}],
        ],
      }),
    );
    expect(ds.map(codeOf)).toEqual(['conversation.not_found', 'conversation.not_found']);
    expect(ds[0]!.kind === 'refuse' && ds[0]!.error).toBeInstanceOf(AppError);
  });

  it('refuses a send across a block with user.blocked, but still answers a retry of a message sent before the block', () => {
    const original = message({ senderId: alice, clientMessageId: 'before' });
    const blocked = reads({ members: [[chat, alice, { blocked: true }]], originals: [original] });
    const ds = decideSends([send({ clientMessageId: 'after' }), send({ clientMessageId: 'before' })], blocked);
    expect(ds.map(codeOf)).toEqual(['user.blocked', 'repeat']);
  });

  it('answers a repeat in the batch of a refused send as that send (the writer copies its error)', () => {
    const ds = decideSends(
      [send({ clientMessageId: 'k' }), send({ clientMessageId: 'k' })],
      reads({ members: [[chat, alice, { blocked: true }]] }),
    );
    expect(ds).toMatchObject([{ kind: 'refuse' }, { kind: 'repeat-in-batch', sameAs: 0 }]);
  });

  it('replies to a message of the conversation with its snippet', () => {
    const target = message({ id: '00000000-0000-4000-8000-0000000000f2', seq: 3, text: 'the question' });
    const [d] = decideSends([send({ replyToId: target.id })], reads({ replies: [target] }));
    expect(d).toMatchObject({ kind: 'write', message: { replyTo: { id: target.id, seq: 3, senderId: bob, text: 'the question' } } });
  });

  it('shows no text in the snippet of a deleted message replied to', () => {
    const target = message({ deletedAt: new Date(1) });
    const [d] = decideSends([send({ replyToId: target.id })], reads({ replies: [target] }));
    expect(d).toMatchObject({ kind: 'write', message: { replyTo: { id: target.id, text: null } } });
  });

  it('refuses a reply to an unknown message, to another conversation’s, or to one from before the sender joined: reply_invalid', () => {
    const elsewhere = message({ id: '00000000-0000-4000-8000-0000000000f3', conversationId: other });
    const old = message({ id: '00000000-0000-4000-8000-0000000000f4', seq: 4 });
    const joinedAt4 = reads({ members: [[chat, alice, { floor: 4 }]], replies: [elsewhere, old] });
    const ds = decideSends(
      [send({ replyToId: '00000000-0000-4000-8000-0000000000ff' }), send({ replyToId: elsewhere.id }), send({ replyToId: old.id })],
      joinedAt4,
    );
    expect(ds.map(codeOf)).toEqual(['message.reply_invalid', 'message.reply_invalid', 'message.reply_invalid']);
  });

  it('decides each send alone: a refused one does not change the others', () => {
    const ds = decideSends(
      [send({}, bob), send({ replyToId: '00000000-0000-4000-8000-0000000000ff' }), send({ text: 'fine' })],
      reads({ members: [[chat, alice, {}]] }),
    );
    expect(ds.map(codeOf)).toEqual(['conversation.not_found', 'message.reply_invalid', 'write']);
  });

  it('writes the mentions of members (each once), and refuses a non-member with message.mention_invalid', () => {
    const ds = decideSends(
      [send({ mentions: { userIds: [bob, bob] } }), send({ mentions: { userIds: [bob, '00000000-0000-4000-8000-0000000000ee'] } })],
      reads(),
    );
    expect(ds[0]).toMatchObject({ kind: 'write', message: { mentions: { userIds: [bob], all: false } } });
    expect(codeOf(ds[1]!)).toBe('message.mention_invalid');
  });

  it('lets owners and admins mention everyone; members only where the group allows; never in a direct chat', () => {
    const all = send({ mentions: { userIds: [], all: true } });
    const group = (role: SenderMembership['role'], mentionAll: 'admins' | 'members' = 'admins') =>
      reads({ type: 'group', mentionAll, members: [[chat, alice, { role }]] });
    expect(codeOf(decideSends([all], group('owner'))[0]!)).toBe('write');
    expect(codeOf(decideSends([all], group('admin'))[0]!)).toBe('write');
    expect(codeOf(decideSends([all], group('member'))[0]!)).toBe('message.mention_all_forbidden');
    expect(decideSends([all], group('member', 'members'))[0]).toMatchObject({ message: { mentions: { userIds: [], all: true } } });
    expect(codeOf(decideSends([all], reads({ members: [[chat, alice, { role: 'owner' }]] }))[0]!)).toBe('message.mention_invalid');
  });

  it("refuses members' posts in a broadcast group (postPermission 'admins'), lets owners and admins post; a retry still repeats", () => {
    const group = (role: SenderMembership['role'], postPermission: 'admins' | 'members' = 'admins') =>
      reads({ type: 'group', postPermission, members: [[chat, alice, { role }]] });
    expect(codeOf(decideSends([send({})], group('member'))[0]!)).toBe('message.post_forbidden');
    expect(codeOf(decideSends([send({})], group('admin'))[0]!)).toBe('write');
    expect(codeOf(decideSends([send({})], group('owner'))[0]!)).toBe('write');
    expect(codeOf(decideSends([send({})], group('member', 'members'))[0]!)).toBe('write');
  });
});
