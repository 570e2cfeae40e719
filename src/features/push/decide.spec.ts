import { describe, expect, it } from 'vitest';
import { noticesFor, type BatchFacts, type NewMessage, type Recipient } from './decide.js';
import { notifiable } from './notifiable.js';
import { BODY_MAX, pushPayload, topicOf, urgencyOf } from './payload.js';
import { jobsFor } from './jobs.js';

const now = new Date('2026-12-01T12:00:00Z');
const conv = '01a2325b-9789-7c66-9665-8adf21ee2cc0';
const group = '01a2325b-9789-7c66-9665-8adf21ee2cc1';

const member = (userId: string, over: Partial<Recipient> = {}): Recipient => ({
  userId,
  isMuted: false,
  notifications: 'all',
  mutedUntil: null,
  lastReadSeq: 0,
  joinedSeq: 0,
  previews: 'full',
  ...over,
});

let eventId = 100;
const message = (over: Partial<NewMessage> = {}): NewMessage => ({
  eventId: ++eventId,
  createdAt: now.getTime(),
  edit: false,
  conversationId: conv,
  messageId: `m${eventId}`,
  seq: eventId - 99,
  senderId: 'ann',
  type: 'text',
  text: 'hello',
  encrypted: false,
  deleted: false,
  hiddenFrom: [],
  mentions: { userIds: [], all: false },
  ...over,
});

function facts(members: Recipient[], over: Partial<BatchFacts> = {}, type: 'direct' | 'group' = 'direct'): BatchFacts {
  return {
    conversations: new Map([[conv, { type, name: type === 'group' ? 'Crew' : null, members: [member('ann'), ...members] }]]),
    senderNames: new Map([['ann', 'Ann']]),
    blocks: new Set(),
    now,
    ...over,
  };
}

const told = (batch: NewMessage[], f: BatchFacts) => noticesFor(batch, f).map((n) => n.userId);

describe('notifiable (the settings rule)', () => {
  const s = (over = {}) => ({ isMuted: false, notifications: 'all' as const, mutedUntil: null, ...over });
  it("'all' notifies, 'none' and any mute silence even a mention, 'mentions' needs one", () => {
    expect(notifiable(s(), false, now)).toBe(true);
    expect(notifiable(s({ notifications: 'none' }), true, now)).toBe(false);
    expect(notifiable(s({ isMuted: true }), true, now)).toBe(false);
    expect(notifiable(s({ mutedUntil: new Date(now.getTime() + 1000) }), true, now)).toBe(false);
    expect(notifiable(s({ mutedUntil: new Date(now.getTime() - 1000) }), false, now)).toBe(true);
    expect(notifiable(s({ notifications: 'mentions' }), false, now)).toBe(false);
    expect(notifiable(s({ notifications: 'mentions' }), true, now)).toBe(true);
  });
});

describe('noticesFor (who is told)', () => {
  it('tells the members other than the sender', () => {
    expect(told([message()], facts([member('bob'), member('cat')]))).toEqual(['bob', 'cat']);
  });

  it('not one who blocked the sender, who may not see it, who joined after it, or who read it already', () => {
    const m = message({ hiddenFrom: ['dan'] });
    const f = facts([member('bob'), member('cat', { joinedSeq: m.seq }), member('dan'), member('eve', { lastReadSeq: m.seq })], {
      blocks: new Set(['bob ann']),
    });
    expect(told([m], f)).toEqual([]);
    expect(told([m], facts([member('bob')], { blocks: new Set(['ann bob']) }))).toEqual(['bob']); // only the recipient's block counts
  });

  it('not for system messages or messages deleted before the worker got to them', () => {
    expect(told([message({ type: 'system' }), message({ deleted: true })], facts([member('bob')]))).toEqual([]);
  });

  it("'mentions' members hear mentions of them or of everyone", () => {
    const f = facts([member('bob', { notifications: 'mentions' }), member('cat', { notifications: 'mentions' })]);
    expect(told([message()], f)).toEqual([]);
    expect(told([message({ mentions: { userIds: ['bob'], all: false } })], f)).toEqual(['bob']);
    expect(told([message({ mentions: { userIds: [], all: true } })], f)).toEqual(['bob', 'cat']);
  });

  it('an edit that adds mentions tells only the newly mentioned, even if they read the message', () => {
    const f = facts([member('bob', { lastReadSeq: 50 }), member('cat')]);
    expect(told([message({ edit: true, mentions: { userIds: ['bob'], all: false } })], f)).toEqual(['bob']);
    expect(told([message({ edit: true, mentions: { userIds: [], all: false } })], f)).toEqual([]);
  });

  it('a burst in one conversation is one notice per member: the newest, still marked mentioned if any was', () => {
    const batch = [message({ mentions: { userIds: ['bob'], all: false } }), message(), message()];
    const notices = noticesFor(batch, facts([member('bob')]));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toBe(batch[2]);
    expect(notices[0]!.mentioned).toBe(true);
  });
});

describe('the payload', () => {
  it('direct: the sender is the title; group: the group, the body says who; encrypted: no body', () => {
    const m = message({ seq: 7 });
    const direct = facts([member('bob', { lastReadSeq: 4 })]);
    const [n] = noticesFor([m], direct);
    expect(pushPayload(n!, direct)).toEqual({
      type: 'message',
      conversationId: conv,
      messageId: m.messageId,
      seq: 7,
      eventId: m.eventId,
      senderId: 'ann',
      title: 'Ann',
      body: 'hello',
      unreadCount: 3,
    });
    expect(urgencyOf(n!, direct)).toBe('high');
    const g = facts([member('bob')], {}, 'group');
    const [gn] = noticesFor([m], g);
    expect(pushPayload(gn!, g)).toMatchObject({ title: 'Crew', body: 'Ann: hello' });
    expect(urgencyOf(gn!, g)).toBe('normal');
    const [en] = noticesFor([message({ encrypted: true })], g);
    expect(pushPayload(en!, g)).not.toHaveProperty('body');
  });

  it("previews: 'name' keeps the title and drops the text; 'none' shows neither who nor what", () => {
    const g = facts([member('bob', { previews: 'name' }), member('cat', { previews: 'none' })], {}, 'group');
    const [bob, cat] = noticesFor([message({ text: 'the secret' })], g);
    expect(pushPayload(bob!, g)).toMatchObject({ title: 'Crew' });
    expect(pushPayload(bob!, g)).not.toHaveProperty('body');
    expect(pushPayload(cat!, g)).toMatchObject({ title: 'New message' });
    expect(pushPayload(cat!, g)).not.toHaveProperty('body');
  });

  it('media get a word, long text is cut at a code point, the Topic is 32 base64url characters', () => {
    const f = facts([member('bob')]);
    const [img] = noticesFor([message({ type: 'image', text: null })], f);
    expect(pushPayload(img!, f).body).toBe('Photo');
    const [long] = noticesFor([message({ text: '😀'.repeat(500) })], f);
    const body = pushPayload(long!, f).body!;
    expect([...body]).toHaveLength(BODY_MAX);
    expect(body.endsWith('…')).toBe(true);
    expect(topicOf(group)).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(topicOf(conv)).not.toBe(topicOf(group));
  });
});

describe('jobsFor', () => {
  it('one job per device, oldest event first, skipping what a device was already sent', () => {
    const f = facts([member('bob')]);
    const m = message();
    const device = (id: string, lastEventId: number) => ({
      id,
      platform: 'webpush' as const,
      userId: 'bob',
      endpoint: 'https://x',
      p256dh: 'k',
      auth: 'a',
      lastEventId,
    });
    const jobs = jobsFor(noticesFor([m], f), [device('d1', 0), device('d2', m.eventId), device('d3', m.eventId - 1)], f);
    expect(jobs.map((j) => j.device.id)).toEqual(['d1', 'd3']);
    expect(jobs[0]).toMatchObject({ eventId: m.eventId, topic: topicOf(conv), urgency: 'high' });
  });
});
