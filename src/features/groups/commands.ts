import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../../context.js';
import { rows, uuidArray, type Tx } from '../../db/connect.js';
import { conversations, members, type SystemInfo } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { getConversation, type ConversationDto } from '../conversations/queries.js';
import {
  addToGroup,
  lockGroup,
  type Role,
  recordSystemMessage,
  recordSystemMessages,
  leaveGroup,
  removeFromGroup,
  requireAdmin,
  requireMember,
  setRole,
} from './membership.js';
import type { createGroupBody, updateGroupBody } from './schemas.js';
import { assertMayAdd } from './addPermission.js';
import { memberCounts, toGroupSummary } from './summary.js';

async function memberRole(tx: Tx, groupId: string, userId: string): Promise<{ role: Role }> {
  const [target] = await tx
    .select({ role: members.role })
    .from(members)
    .where(and(eq(members.conversationId, groupId), eq(members.userId, userId)));
  if (!target) throw fail('user.not_found', 'that user is not a member');
  return target;
}

async function assertUsersExist(tx: Tx, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const [found] = await rows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from users where id = any(${uuidArray(ids)}) and deleted_at is null`,
  );
  if (Number(found!.n) !== new Set(ids).size) throw fail('user.not_found', 'some of those users do not exist');
}

/** As for invitations and direct chats: nobody is put into a group with someone on the other side of a block, either way. */
async function assertNoBlocks(tx: Tx, actorId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = await rows<{ one: number }>(
    tx,
    sql`select 1 as one from blocks
        where (blocker_id = ${actorId} and blocked_id = any(${uuidArray(ids)}))
           or (blocked_id = ${actorId} and blocker_id = any(${uuidArray(ids)}))
        limit 1`,
  );
  if (found.length > 0) throw fail('user.blocked', 'a block stands between you and one of these users');
}

/** A broadcast group opened to every member's posts must fit a group's cap (GROUP_MAX_MEMBERS). */
async function assertFitsGroupCap(ctx: AppContext, tx: Tx, groupId: string): Promise<void> {
  const count = (await memberCounts(tx, [groupId])).get(groupId) ?? 0;
  if (count > ctx.config.GROUP_MAX_MEMBERS) {
    throw fail('group.full', `a group where every member posts has at most ${ctx.config.GROUP_MAX_MEMBERS} members`);
  }
}

const added = (actorId: string, userIds: string[]): SystemInfo[] => userIds.map((userId) => ({ action: 'member_added', actorId, userId }));

/** The creator becomes the owner; the listed users join as members. */
export function createGroup(ctx: AppContext, actorId: string, input: z.output<typeof createGroupBody>): Promise<ConversationDto> {
  return ctx.run(async (tx, events) => {
    const memberIds = [...new Set(input.memberIds)].filter((id) => id !== actorId);
    await assertUsersExist(tx, memberIds);
    await assertNoBlocks(tx, actorId, memberIds);
    await assertMayAdd(tx, actorId, memberIds, 'memberIds');
    const [group] = await tx
      .insert(conversations)
      .values({
        id: newId(),
        type: 'group',
        name: input.name,
        icon: input.icon ?? null,
        iconBg: input.iconBg ?? null,
        about: input.about ?? null,
        visibility: input.visibility,
        historyVisibility: input.historyVisibility,
        mentionAll: input.mentionAll,
        pinPermission: input.pinPermission,
        postPermission: input.postPermission,
        createdBy: actorId,
      })
      .returning();
    await addToGroup(ctx, tx, events, group!, [actorId], 'owner');
    await addToGroup(ctx, tx, events, group!, memberIds);
    await recordSystemMessages(tx, events, group!.id, [
      { action: 'group_created', actorId, name: input.name },
      ...added(actorId, memberIds),
    ]);
    return getConversation(ctx, tx, group!.id, actorId);
  });
}

/**
 * Admins change name, icon, description, visibility, who may mention everyone or how long messages
 * are kept; a rename and a retention change are recorded in the conversation.
 */
export function updateGroup(
  ctx: AppContext,
  actorId: string,
  groupId: string,
  input: z.output<typeof updateGroupBody>,
): Promise<ConversationDto> {
  return ctx.run(async (tx, events) => {
    const { group, role } = await lockGroup(tx, groupId, actorId);
    requireAdmin(role);
    if (input.postPermission === 'members' && group.postPermission === 'admins') await assertFitsGroupCap(ctx, tx, groupId);
    const [updated] = await tx.update(conversations).set(input).where(eq(conversations.id, groupId)).returning();
    if (input.name !== undefined && input.name !== group.name) {
      await recordSystemMessage(tx, events, groupId, { action: 'group_renamed', actorId, name: input.name });
    }
    if (input.messageRetentionDays !== undefined && input.messageRetentionDays !== group.messageRetentionDays) {
      await recordSystemMessage(tx, events, groupId, { action: 'retention_changed', actorId, days: input.messageRetentionDays });
    }
    const count = (await memberCounts(tx, [groupId])).get(groupId) ?? 0;
    events.add({ type: 'conversation:updated', conversationId: groupId, payload: { conversation: toGroupSummary(updated!, count) } });
    return getConversation(ctx, tx, groupId, actorId);
  });
}

export function addMembers(ctx: AppContext, actorId: string, groupId: string, userIds: string[]): Promise<void> {
  return ctx.run(async (tx, events) => {
    const { group, role } = await lockGroup(tx, groupId, actorId);
    requireAdmin(role);
    const wanted = [...new Set(userIds)];
    await assertUsersExist(tx, wanted);
    const existing = new Set(
      (
        await tx
          .select({ userId: members.userId })
          .from(members)
          .where(and(eq(members.conversationId, groupId), inArray(members.userId, wanted)))
      ).map((m) => m.userId),
    );
    const fresh = wanted.filter((id) => !existing.has(id));
    await assertNoBlocks(tx, actorId, fresh);
    await assertMayAdd(tx, actorId, fresh, 'userIds');
    await addToGroup(ctx, tx, events, group, fresh);
    await recordSystemMessages(tx, events, groupId, added(actorId, fresh));
  });
}

/**
 * Anyone may remove themselves (leave). The owner cannot be removed by others; admins may
 * remove members, and only the owner may remove an admin.
 */
export function removeMember(ctx: AppContext, actorId: string, groupId: string, userId: string): Promise<void> {
  return ctx.run(async (tx, events) => {
    const { group, role } = await lockGroup(tx, groupId, actorId);
    requireMember(role);
    if (userId === actorId) return leaveGroup(tx, events, group, actorId);
    requireAdmin(role);
    const target = await memberRole(tx, groupId, userId);
    if (target.role === 'owner') throw fail('group.owner_protected', 'the owner cannot be removed');
    if (target.role === 'admin' && role !== 'owner') throw fail('group.not_admin', 'only the owner can remove an admin');
    await recordSystemMessage(tx, events, groupId, { action: 'member_removed', actorId, userId });
    await removeFromGroup(tx, events, group, userId);
  });
}

/** Owner and admins promote members to admin; the owner demotes admins, who may also step down; nobody changes the owner. */
export function changeRole(ctx: AppContext, actorId: string, groupId: string, userId: string, newRole: 'admin' | 'member'): Promise<void> {
  return ctx.run(async (tx, events) => {
    const { role } = await lockGroup(tx, groupId, actorId);
    requireAdmin(role);
    const target = await memberRole(tx, groupId, userId);
    if (target.role === 'owner') throw fail('group.owner_protected', "the owner's role cannot be changed");
    // An admin may step down; only the owner demotes someone else.
    if (target.role === 'admin' && newRole === 'member' && role !== 'owner' && userId !== actorId) {
      throw fail('group.not_admin', 'only the owner can demote an admin');
    }
    if (target.role !== newRole) await setRole(tx, events, groupId, userId, newRole);
  });
}

/** Joins a public group (idempotent for members). */
export function joinGroup(ctx: AppContext, actorId: string, groupId: string): Promise<ConversationDto> {
  return ctx.run(async (tx, events) => {
    const { group, role } = await lockGroup(tx, groupId, actorId);
    if (!role) {
      if (group.visibility !== 'public') throw fail('group.not_found');
      await addToGroup(ctx, tx, events, group, [actorId]);
      await recordSystemMessage(tx, events, groupId, { action: 'member_joined', actorId });
    }
    return getConversation(ctx, tx, groupId, actorId);
  });
}
