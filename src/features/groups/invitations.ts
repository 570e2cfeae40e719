import { and, desc, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/connect.js';
import { conversations, invitations, members } from '../../db/schema.js';
import { runCommand } from '../../events/runCommand.js';
import { fail } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { getConversation, type ConversationDto } from '../conversations/queries.js';
import { isBlockedEitherWay } from '../users/blocks.js';
import { findUser, presentUsers, usersByIds } from '../users/queries.js';
import { addToGroup, isAdmin, lockGroup, recordSystemMessage, requireMember } from './membership.js';
import { summarize } from './summary.js';

type InvitationRow = typeof invitations.$inferSelect;

async function presentInvitations(ctx: AppContext, ex: Executor, rows: InvitationRow[], viewerId: string) {
  if (rows.length === 0) return [];
  const groups = await ex
    .select()
    .from(conversations)
    .where(inArray(conversations.id, [...new Set(rows.map((r) => r.conversationId))]));
  const summaries = new Map((await summarize(ex, groups)).map((g) => [g.id, g]));
  const inviters = await usersByIds(ex, rows.map((r) => r.inviterId));
  const people = new Map((await presentUsers(ctx, [...inviters.values()], viewerId, ex)).map((u) => [u.id, u]));
  return rows.map((r) => ({
    id: r.id,
    conversationId: r.conversationId,
    group: summaries.get(r.conversationId)!,
    inviter: people.get(r.inviterId)!,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
  }));
}

/**
 * Members invite to public groups, admins to private ones. One pending invitation per person
 * and group: inviting again returns it. The invitee hears `invitation:new`.
 */
export function invite(ctx: AppContext, me: string, groupId: string, inviteeId: string) {
  return runCommand(ctx.db, ctx.emitter, async (tx, events) => {
    const { group, role } = await lockGroup(tx, groupId, me);
    requireMember(role);
    if (group.visibility !== 'public' && !isAdmin(role)) throw fail('group.not_admin', 'only admins invite to a private group');
    await findUser(tx, inviteeId);
    if (await isBlockedEitherWay(tx, me, inviteeId)) throw fail('user.blocked', 'a block stands between you and this user');
    const [already] = await tx
      .select({ userId: members.userId })
      .from(members)
      .where(and(eq(members.conversationId, groupId), eq(members.userId, inviteeId)));
    if (already) throw fail('group.already_member', 'that user is already a member');
    const [pending] = await tx
      .select()
      .from(invitations)
      .where(and(eq(invitations.conversationId, groupId), eq(invitations.inviteeId, inviteeId), eq(invitations.status, 'pending')));
    if (pending) return { invitation: (await presentInvitations(ctx, tx, [pending], me))[0]!, created: false };
    const [row] = await tx.insert(invitations).values({ id: newId(), conversationId: groupId, inviterId: me, inviteeId }).returning();
    const [invitation] = await presentInvitations(ctx, tx, [row!], inviteeId);
    events.add({ type: 'invitation:new', conversationId: groupId, userId: inviteeId, payload: { invitation } });
    return { invitation: invitation!, created: true };
  });
}

export async function myInvitations(ctx: AppContext, me: string) {
  const rows = await ctx.db
    .select()
    .from(invitations)
    .where(and(eq(invitations.inviteeId, me), eq(invitations.status, 'pending')))
    .orderBy(desc(invitations.createdAt));
  return presentInvitations(ctx, ctx.db, rows, me);
}

/** Accepting joins the group, private ones included; declining just closes the invitation. */
export function respond(ctx: AppContext, me: string, invitationId: string, accept: boolean): Promise<ConversationDto | null> {
  return runCommand(ctx.db, ctx.emitter, async (tx, events) => {
    const [inv] = await tx
      .select()
      .from(invitations)
      .where(and(eq(invitations.id, invitationId), eq(invitations.inviteeId, me), eq(invitations.status, 'pending')))
      .for('update');
    if (!inv) throw fail('invitation.not_found');
    await tx
      .update(invitations)
      .set({ status: accept ? 'accepted' : 'declined', respondedAt: new Date() })
      .where(eq(invitations.id, invitationId));
    if (!accept) return null;
    const [group] = await tx.select().from(conversations).where(eq(conversations.id, inv.conversationId)).for('update');
    const [member] = await tx
      .select({ userId: members.userId })
      .from(members)
      .where(and(eq(members.conversationId, inv.conversationId), eq(members.userId, me)));
    if (!member) {
      await addToGroup(ctx, tx, events, group!, [me]);
      await recordSystemMessage(tx, events, group!.id, { action: 'member_joined', actorId: me });
    }
    return getConversation(ctx, tx, group!.id, me);
  });
}
