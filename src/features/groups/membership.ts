import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { rows, uuidArray, type Tx } from '../../db/connect.js';
import { conversations, invitations, memberPeriods, members, type SystemInfo } from '../../db/schema.js';
import type { EventBatch } from '../../events/runCommand.js';
import { fail } from '../../lib/errors.js';
import { getConversation, type ConversationRow, type MemberRow } from '../conversations/queries.js';
import { appendMessages } from '../messages/appendMessage.js';
import { presentUsers, usersByIds } from '../users/queries.js';
import { memberCounts } from './summary.js';

export type Role = MemberRow['role'];
export const isAdmin = (role: Role | undefined) => role === 'owner' || role === 'admin';

/**
 * The group, locked, and the actor's membership. A private group you are not in does not
 * exist for you (404); a public one you may see, so member-only actions there are 403.
 */
export async function lockGroup(tx: Tx, groupId: string, actorId: string): Promise<{ group: ConversationRow; role: Role | undefined }> {
  const [group] = await tx
    .select()
    .from(conversations)
    .where(and(eq(conversations.id, groupId), eq(conversations.type, 'group')))
    .for('update');
  const [membership] = group
    ? await tx
        .select({ role: members.role })
        .from(members)
        .where(and(eq(members.conversationId, groupId), eq(members.userId, actorId)))
    : [];
  if (!group || (!membership && group.visibility !== 'public')) throw fail('group.not_found');
  return { group, role: membership?.role };
}

export function requireMember(role: Role | undefined): Role {
  if (!role) throw fail('forbidden', 'only members can do that');
  return role;
}

export function requireAdmin(role: Role | undefined): void {
  if (!isAdmin(requireMember(role))) throw fail('group.not_admin', 'only the owner and admins can do that');
}

const systemText: Record<SystemInfo['action'], (actor: string, user: string, name?: string, info?: SystemInfo) => string> = {
  group_created: (actor, _u, name) => `${actor} created the group "${name}"`,
  member_added: (actor, user) => `${actor} added ${user}`,
  member_removed: (actor, user) => `${actor} removed ${user}`,
  member_joined: (actor) => `${actor} joined`,
  member_left: (actor) => `${actor} left`,
  group_renamed: (actor, _u, name) => `${actor} renamed the group to "${name}"`,
  retention_changed: (actor, _u, _n, info) =>
    info?.days == null
      ? `${actor} set messages to be kept as long as the server keeps them`
      : `${actor} set messages to be deleted after ${info.days} ${info.days === 1 ? 'day' : 'days'}`,
  message_pinned: (actor) => `${actor} pinned a message`,
  // Written by src/features/calls/endCall.ts in direct chats; here so every action has its text.
  call_missed: (actor) => `Missed call from ${actor}`,
  // Written by src/features/disappearing/setTimer.ts, in direct chats too.
  disappearing_changed: (actor, _u, _n, info) =>
    info?.seconds == null
      ? `${actor} turned off disappearing messages`
      : `${actor} set messages to disappear after ${duration(info.seconds)}`,
};

/** A timer in the largest whole unit: "5 minutes", "1 day", "90 days". */
function duration(seconds: number): string {
  const units: [string, number][] = [
    ['day', 86_400],
    ['hour', 3600],
    ['minute', 60],
  ];
  const [unit, size] = units.find(([, s]) => seconds % s === 0) ?? ['second', 1];
  const n = seconds / size;
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** `system` messages recording membership or group changes, written like any message, all in one statement. */
export async function recordSystemMessages(tx: Tx, events: EventBatch, groupId: string, infos: SystemInfo[]): Promise<void> {
  if (infos.length === 0) return;
  const names = await usersByIds(
    tx,
    infos.flatMap((i) => [i.actorId, ...(i.userId ? [i.userId] : [])]),
  );
  const nameOf = (id?: string) => (id ? (names.get(id)?.name ?? 'someone') : '');
  await appendMessages(
    tx,
    events,
    infos.map((info) => ({
      conversationId: groupId,
      senderId: info.actorId,
      type: 'system' as const,
      text: systemText[info.action](nameOf(info.actorId), nameOf(info.userId), info.name, info),
      system: info,
    })),
  );
}

export const recordSystemMessage = (tx: Tx, events: EventBatch, groupId: string, info: SystemInfo): Promise<void> =>
  recordSystemMessages(tx, events, groupId, [info]);

/** Whoever joins or leaves a group has no pending invitation to it any more: an old one can never let them back in. */
async function closeInvitations(tx: Tx, groupId: string, userIds: string[]): Promise<void> {
  await tx
    .update(invitations)
    .set({ status: 'revoked', respondedAt: new Date() })
    .where(and(eq(invitations.conversationId, groupId), inArray(invitations.inviteeId, userIds), eq(invitations.status, 'pending')));
}

/**
 * Adds users (not yet members) to a group, in a fixed number of statements however many they
 * are: member rows (reading from the group's current last seq: what they can read of its
 * history starts there, and nothing before it counts as unread), their visibility periods
 * starting at their `group:member-joined` event, and a `conversation:created` for each.
 */
export async function addToGroup(
  ctx: AppContext,
  tx: Tx,
  events: EventBatch,
  group: ConversationRow,
  userIds: string[],
  role: Role = 'member',
): Promise<void> {
  if (userIds.length === 0) return;
  const count = (await memberCounts(tx, [group.id])).get(group.id) ?? 0;
  // Only admins post in a broadcast group: it may be far bigger (BROADCAST_MAX_MEMBERS).
  const cap = group.postPermission === 'admins' ? ctx.config.BROADCAST_MAX_MEMBERS : ctx.config.GROUP_MAX_MEMBERS;
  if (count + userIds.length > cap) throw fail('group.full', `this group has at most ${cap} members`);
  const [head] = await rows<{ joined_seq: number }>(
    tx,
    sql`insert into members (conversation_id, user_id, role, joined_seq, last_read_seq, last_delivered_seq)
        select c.id, u.id, ${role}, c.last_seq, c.last_seq, c.last_seq
        from conversations c cross join unnest(${uuidArray(userIds)}) as u(id)
        where c.id = ${group.id}
        returning joined_seq`,
  );
  const joinedSeq = Number(head!.joined_seq);
  await closeInvitations(tx, group.id, userIds);
  const found = await usersByIds(tx, userIds);
  // One payload for the whole room: no viewer-specific presence in it.
  const dtos = await presentUsers(
    ctx,
    userIds.map((id) => found.get(id)!),
    null,
  );
  for (const user of dtos) {
    events.add({ type: 'group:member-joined', conversationId: group.id, payload: { conversationId: group.id, user, role } });
  }
  const joined = (await events.flush()).filter((e) => e.type === 'group:member-joined');
  await tx
    .insert(memberPeriods)
    .values(
      joined.map((e) => ({ conversationId: group.id, userId: (e.payload.user as { id: string }).id, fromEvent: e.id, fromSeq: joinedSeq })),
    );
  // Everyone added here starts in the same state (role, watermarks, settings): one view serves them all. (Only a
  // rejoiner who deleted the newest message for themselves would see another lastMessage; their list over REST shows it.)
  const conversation = await getConversation(ctx, tx, group.id, userIds[0]!);
  for (const userId of userIds) {
    events.add({ type: 'conversation:created', conversationId: group.id, userId, payload: { conversation } });
  }
}

/**
 * Takes a member out: `group:member-left` is the last event of the group they can see (their
 * period ends there) and the emitter takes their sockets out of the room right after it.
 * An owner who leaves hands the group to the longest-standing admin, else member.
 */
export async function removeFromGroup(tx: Tx, events: EventBatch, group: ConversationRow, userId: string): Promise<void> {
  const [gone] = await tx
    .delete(members)
    .where(and(eq(members.conversationId, group.id), eq(members.userId, userId)))
    .returning({ role: members.role });
  if (!gone) return;
  await closeInvitations(tx, group.id, [userId]);
  events.add({ type: 'group:member-left', conversationId: group.id, payload: { conversationId: group.id, userId } });
  const [left] = (await events.flush()).slice(-1);
  await tx
    .update(memberPeriods)
    .set({ toEvent: left!.id })
    .where(and(eq(memberPeriods.conversationId, group.id), eq(memberPeriods.userId, userId), isNull(memberPeriods.toEvent)));
  if (gone.role !== 'owner') return;
  const [heir] = await tx
    .select({ userId: members.userId })
    .from(members)
    .where(eq(members.conversationId, group.id))
    .orderBy(sql`case ${members.role} when 'admin' then 0 else 1 end`, asc(members.joinedAt), asc(members.userId))
    .limit(1);
  if (heir) await setRole(tx, events, group.id, heir.userId, 'owner');
}

/** A member leaving on their own: the "left" system message, then `removeFromGroup` (ownership passes on). Also used by account deletion. */
export async function leaveGroup(tx: Tx, events: EventBatch, group: ConversationRow, userId: string): Promise<void> {
  await recordSystemMessage(tx, events, group.id, { action: 'member_left', actorId: userId });
  await removeFromGroup(tx, events, group, userId);
}

export async function setRole(tx: Tx, events: EventBatch, groupId: string, userId: string, role: Role): Promise<void> {
  await tx
    .update(members)
    .set({ role })
    .where(and(eq(members.conversationId, groupId), eq(members.userId, userId)));
  events.add({ type: 'group:member-updated', conversationId: groupId, payload: { conversationId: groupId, userId, role } });
}
