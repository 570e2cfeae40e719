import { describe, expect, it } from 'vitest';
import { checkMentions, mentionsAdded, type MentionScope } from './mentions.js';

const a = '00000000-0000-4000-8000-00000000000a';
const b = '00000000-0000-4000-8000-00000000000b';
const c = '00000000-0000-4000-8000-00000000000c';
const scope = (over: Partial<MentionScope> = {}): MentionScope => ({
  conversationType: 'group',
  mentionAll: 'admins',
  senderRole: 'member',
  isMember: (id) => id !== c,
  ...over,
});

describe('checkMentions', () => {
  it('is empty when none are given, and keeps each member once', () => {
    expect(checkMentions(undefined, scope())).toEqual({ userIds: [], all: false });
    expect(checkMentions({ userIds: [a, b, a] }, scope())).toEqual({ userIds: [a, b], all: false });
  });

  it('refuses a non-member, and all in a direct chat, with message.mention_invalid', () => {
    expect(checkMentions({ userIds: [a, c] }, scope())).toMatchObject({ code: 'message.mention_invalid' });
    expect(checkMentions({ userIds: [], all: true }, scope({ conversationType: 'direct', senderRole: 'owner' }))).toMatchObject({
      code: 'message.mention_invalid',
    });
  });

  it("lets all through from owners and admins, from members only with mentionAll 'members'", () => {
    const all = { userIds: [], all: true };
    expect(checkMentions(all, scope())).toMatchObject({ code: 'message.mention_all_forbidden' });
    expect(checkMentions(all, scope({ senderRole: 'admin' }))).toEqual({ userIds: [], all: true });
    expect(checkMentions(all, scope({ senderRole: 'owner' }))).toEqual({ userIds: [], all: true });
    expect(checkMentions(all, scope({ mentionAll: 'members' }))).toEqual({ userIds: [], all: true });
  });
});

describe('mentionsAdded', () => {
  it('is who the new mentions name that the old did not', () => {
    expect(mentionsAdded({ userIds: [a], all: false }, { userIds: [a, b], all: true })).toEqual({ userIds: [b], all: true });
    expect(mentionsAdded({ userIds: [a, b], all: true }, { userIds: [b], all: true })).toEqual({ userIds: [], all: false });
  });
});
