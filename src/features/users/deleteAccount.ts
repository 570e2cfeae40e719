import { verify } from '@node-rs/argon2';
import { and, asc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { rows, type Tx } from '../../db/connect.js';
import type { EventBatch } from '../../events/runCommand.js';
import {
  accountTokens,
  authIdentities,
  blocks,
  conversations,
  events as eventLog,
  hiddenMessages,
  invitations,
  mailOutbox,
  media,
  members,
  messages,
  oneTimePreKeys,
  otpCodes,
  pollVotes,
  pushDevices,
  reactions,
  sessions,
  stars,
  threadReads,
  tusUploads,
  userKeys,
  users,
} from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { audit } from '../admin/audit.js';
import { avatarKeyOf } from '../media/avatar.js';
import { leaveGroup, lockGroup } from '../groups/membership.js';
import { refund, spend } from '../limits/rateLimits.js';
import { wipeMessage } from '../messages/deleteMessage.js';
import { reactionsOf } from '../messages/present.js';
import { pollsOf } from '../polls/present.js';
import { withholdFromNonReaders } from '../messages/withhold.js';
import { toUser, type UserDto } from './present.js';

export const deleteAccountBody = z
  .object({
    password: z.string().max(128).optional().meta({ description: 'Required when the account has a password.' }),
  })
  .nullish();

/** How recent a sign-in must be for an account without a password to delete itself. */
export const FRESH_SIGN_IN_MS = 10 * 60_000;
export const DELETED_NAME = 'Deleted account';

/**
 * Deletes the actor's account (GDPR Art. 17). The caller proves it is them again: the password, or for an
 * account without one (phone / Google), a session signed in within the last 10 minutes; otherwise 403
 * `auth.reauth_required`. In one transaction: their messages become deleted-for-everyone tombstones, they
 * leave every group (ownership passes on), every session, device, key, identity, code, block, reaction,
 * hidden-message mark, upload and private event goes, and the users row stays as an anonymous tombstone
 * with the same id (so messages and direct chats still point at it) and its username freed. After the
 * commit their sockets close and their stored files are deleted.
 */
export async function deleteAccount(
  ctx: AppContext,
  actorId: string,
  sessionId: string,
  input: z.output<typeof deleteAccountBody>,
): Promise<void> {
  await confirmIdentity(ctx, actorId, sessionId, input?.password);

  const gone = await ctx.run(async (tx, events) => {
    const [locked] = await tx.select().from(users).where(eq(users.id, actorId)).for('update');
    if (!locked || locked.deletedAt) throw fail('auth.session_revoked');
    // The tombstone first, so what follows (the "left" system messages) names "Deleted account".
    const [tombstone] = await tx
      .update(users)
      .set({
        name: DELETED_NAME,
        initials: '?',
        avatarColor: '#9e9e9e',
        username: `deleted-${actorId}`,
        email: null,
        phoneNumber: null,
        phoneVerifiedAt: null,
        emailVerifiedAt: null,
        passwordHash: null,
        bio: null,
        avatarUrl: null,
        lastActive: null,
        deletedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(users.id, actorId))
      .returning();

    await scrubProfileFromEvents(tx, toUser(tombstone!, { online: false }));
    await renameInSystemMessages(tx, actorId, locked.name);

    // Their messages: deleted for everyone, through the same path as DELETE /messages/:id?for=everyone.
    const own = await tx
      .select()
      .from(messages)
      .where(and(eq(messages.senderId, actorId), isNull(messages.deletedAt), ne(messages.type, 'system')))
      .orderBy(asc(messages.id))
      .for('update');
    for (const message of own) await wipeMessage(tx, events, message);
    await withdrawReactions(tx, events, actorId);
    await withdrawVotes(tx, events, actorId);

    // Every group, left as a member leaves it (ownership passes on); direct chats stay.
    const groups = await tx
      .select({ id: members.conversationId })
      .from(members)
      .innerJoin(conversations, eq(conversations.id, members.conversationId))
      .where(and(eq(members.userId, actorId), eq(conversations.type, 'group')))
      .orderBy(asc(members.conversationId));
    for (const { id } of groups) {
      const { group } = await lockGroup(tx, id, actorId);
      await leaveGroup(tx, events, group, actorId);
    }

    await eraseOwnRows(tx, actorId, locked.phoneNumber, locked.email);
    const files = await tx
      .delete(media)
      .where(eq(media.ownerId, actorId))
      .returning({ key: media.storageKey, thumbnail: media.thumbnailKey });
    const uploads = await tx.delete(tusUploads).where(eq(tusUploads.ownerId, actorId)).returning({ parts: tusUploads.parts });
    // Refresh tokens go with their sessions (on delete cascade).
    const ended = await tx.delete(sessions).where(eq(sessions.userId, actorId)).returning({ id: sessions.id });
    const keys = [
      ...files.flatMap((f) => (f.thumbnail ? [f.key, f.thumbnail] : [f.key])),
      ...uploads.flatMap((u) => u.parts),
      ...(avatarKeyOf(locked.avatarUrl) ? [avatarKeyOf(locked.avatarUrl)!] : []),
    ];
    await audit(tx, { actorId, action: 'account.deleted', targetType: 'user', targetId: actorId, details: { sessions: ended.length } });
    return { sessionIds: ended.map((s) => s.id), keys };
  });

  for (const id of gone.sessionIds) ctx.sessions.disconnect(id);
  for (const key of gone.keys) {
    await ctx.storage.delete(key).catch((err: unknown) => ctx.log.warn({ err, key }, 'could not delete a deleted account’s file'));
  }
}

/**
 * System messages about them ("<name> joined", "X added <name>") name them: now "Deleted account", in
 * the messages and in the stored events that carry them (their own, and conversations' lastMessage copies).
 */
async function renameInSystemMessages(tx: Tx, actorId: string, name: string): Promise<void> {
  const aboutThem = sql`type = 'system' and (system->>'actorId' = ${actorId} or system->>'userId' = ${actorId})`;
  await tx.execute(sql`update messages set text = replace(text, ${name}, ${DELETED_NAME}) where ${aboutThem}`);
  await tx.execute(
    sql`update events e set payload = jsonb_set(e.payload, '{message,text}', to_jsonb(m.text))
        from messages m
        where e.message_id = m.id and m.type = 'system' and (m.system->>'actorId' = ${actorId} or m.system->>'userId' = ${actorId})
          and e.type in ('message:new', 'message:updated') and e.payload ? 'message'`,
  );
  // Found through events_last_message_idx.
  await tx.execute(
    sql`update events e set payload = jsonb_set(e.payload, '{conversation,lastMessage,text}', to_jsonb(m.text))
        from messages m
        where (e.payload #>> '{conversation,lastMessage,id}') = m.id::text
          and m.type = 'system' and (m.system->>'actorId' = ${actorId} or m.system->>'userId' = ${actorId})
          and e.type in ('conversation:created', 'conversation:updated')`,
  );
}

/**
 * Stored events embed profiles (a member joining, a conversation's members, an inviter…) and sync
 * replays them: every profile of this user in them becomes the tombstone's.
 */
async function scrubProfileFromEvents(tx: Tx, tombstone: UserDto): Promise<void> {
  const found = await rows<{ id: number; payload: unknown }>(
    tx,
    sql`select id, payload from events
        where payload::text like ${`%"${tombstone.id}"%`} and payload::text like '%"username"%'`,
  );
  const swap = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(swap);
    if (value === null || typeof value !== 'object') return value;
    const obj = value as Record<string, unknown>;
    if (obj.id === tombstone.id && 'username' in obj) return { ...tombstone, isOnline: false, lastActive: null };
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, swap(v)]));
  };
  for (const e of found) {
    await tx
      .update(eventLog)
      .set({ payload: swap(e.payload) })
      .where(eq(eventLog.id, Number(e.id)));
  }
}

/** The password (as sign-in checks it), or for an account without one a sign-in within FRESH_SIGN_IN_MS. */
async function confirmIdentity(ctx: AppContext, actorId: string, sessionId: string, password: string | undefined): Promise<void> {
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actorId));
  if (!user || user.deletedAt) throw fail('auth.session_revoked');
  if (user.passwordHash) {
    // Like sign-in: every wrong password counts against the account's login-failure budget.
    await spend(ctx, 'login-failures', user.id);
    const ok = password !== undefined && (await verify(user.passwordHash, password).catch(() => false));
    if (!ok) throw fail('auth.reauth_required', 'send your current password to delete the account');
    await refund(ctx, 'login-failures', user.id);
  } else {
    const [session] = await ctx.db.select({ createdAt: sessions.createdAt }).from(sessions).where(eq(sessions.id, sessionId));
    if (!session || Date.now() - session.createdAt.getTime() > FRESH_SIGN_IN_MS) {
      throw fail('auth.reauth_required', 'sign in again (within the last 10 minutes) to delete the account');
    }
  }
}

/** What belongs to them alone, apart from media and sessions (whose deletion returns what to clean up after the commit). */
async function eraseOwnRows(tx: Tx, actorId: string, phoneNumber: string | null, email: string | null): Promise<void> {
  // Mailed links and the mails themselves (sent or waiting) carry the address.
  await tx.delete(accountTokens).where(eq(accountTokens.userId, actorId));
  if (email) await tx.delete(mailOutbox).where(eq(mailOutbox.to, email));
  if (phoneNumber) await tx.delete(otpCodes).where(eq(otpCodes.phoneNumber, phoneNumber));
  await tx.delete(reactions).where(eq(reactions.userId, actorId));
  await tx.delete(hiddenMessages).where(eq(hiddenMessages.userId, actorId));
  await tx.delete(stars).where(eq(stars.userId, actorId));
  await tx.delete(threadReads).where(eq(threadReads.userId, actorId));
  await tx.delete(blocks).where(or(eq(blocks.blockerId, actorId), eq(blocks.blockedId, actorId)));
  await tx.delete(invitations).where(or(eq(invitations.inviteeId, actorId), eq(invitations.inviterId, actorId)));
  await tx.delete(userKeys).where(eq(userKeys.userId, actorId));
  await tx.delete(oneTimePreKeys).where(eq(oneTimePreKeys.userId, actorId));
  await tx.delete(authIdentities).where(eq(authIdentities.userId, actorId));
  await tx.delete(pushDevices).where(eq(pushDevices.userId, actorId));
  // Events for them alone (their profile, settings…): nobody else syncs them.
  await tx.delete(eventLog).where(eq(eventLog.userId, actorId));
}

/** Their reactions on other people's messages go; each message's members hear its new list, as when one is taken back. */
async function withdrawReactions(tx: Tx, events: EventBatch, actorId: string): Promise<void> {
  const removed = await tx.delete(reactions).where(eq(reactions.userId, actorId)).returning({ messageId: reactions.messageId });
  if (removed.length === 0) return;
  const ids = removed.map((r) => r.messageId);
  const touched = await tx
    .select({ id: messages.id, conversationId: messages.conversationId, seq: messages.seq })
    .from(messages)
    .where(inArray(messages.id, ids))
    .orderBy(asc(messages.id));
  const lists = await reactionsOf(tx, ids);
  for (const message of touched) {
    const { id: messageId, conversationId } = message;
    events.add({
      type: 'reaction:updated',
      conversationId,
      messageId,
      payload: { conversationId, messageId, reactions: lists.get(messageId) ?? [] },
    });
    await withholdFromNonReaders(tx, events, message);
  }
}

/** Their votes in polls go; each poll's members hear its new counts, as when a vote is taken back. */
async function withdrawVotes(tx: Tx, events: EventBatch, actorId: string): Promise<void> {
  const removed = await tx.delete(pollVotes).where(eq(pollVotes.userId, actorId)).returning({ messageId: pollVotes.messageId });
  if (removed.length === 0) return;
  const ids = removed.map((r) => r.messageId);
  const touched = await tx
    .select({ id: messages.id, conversationId: messages.conversationId, seq: messages.seq })
    .from(messages)
    .where(inArray(messages.id, ids))
    .orderBy(asc(messages.id));
  const shown = await pollsOf(tx, ids);
  for (const message of touched) {
    const poll = shown.get(message.id);
    if (!poll) continue;
    const { id: messageId, conversationId } = message;
    events.add({ type: 'poll:updated', conversationId, messageId, payload: { conversationId, messageId, poll } });
    await withholdFromNonReaders(tx, events, message);
  }
}
