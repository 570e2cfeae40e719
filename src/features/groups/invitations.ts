import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { rows, type Executor, type Tx } from '../../db/connect.js';
import { conversations, invitations, members } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { decodeCursor, encodeCursor } from '../../lib/pagination.js';
import { fromMicros, microsKey, getConversation, type ConversationDto, type ConversationRow } from '../conversations/queries.js';
import { isBlockedEitherWay } from '../users/blocks.js';
import { findActiveUser, presentUsers, usersByIds } from '../users/queries.js';
import { addToGroup, isAdmin, lockGroup, recordSystemMessage, requireMember } from './membership.js';
import { summarize } from './summary.js';

type InvitationRow = typeof invitations.$inferSelect;

async function presentInvitations(ctx: AppContext, ex: Executor, invitationRows: InvitationRow[], actorId: string) {
  if (invitationRows.length === 0) return [];
  const groups = await ex
    .select()
    .from(conversations)
    .where(inArray(conversations.id, [...new Set(invitationRows.map((r) => r.conversationId))]));
  const summaries = new Map((await summarize(ex, groups)).map((g) => [g.id, g]));
  const inviters = await usersByIds(
    ex,
    invitationRows.map((r) => r.inviterId),
  );
  const people = new Map((await presentUsers(ctx, [...inviters.values()], actorId, ex)).map((u) => [u.id, u]));
  return invitationRows.map((r) => ({
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
export function invite(ctx: AppContext, actorId: string, groupId: string, inviteeId: string) {
  return ctx.run(async (tx, events) => {
    const { group, role } = await lockGroup(tx, groupId, actorId);
    requireMember(role);
    if (group.visibility !== 'public' && !isAdmin(role)) throw fail('group.not_admin', 'only admins invite to a private group');
    await findActiveUser(tx, inviteeId);
    if (await isBlockedEitherWay(tx, actorId, inviteeId)) throw fail('user.blocked', 'a block stands between you and this user');
    const [already] = await tx
      .select({ userId: members.userId })
      .from(members)
      .where(and(eq(members.conversationId, groupId), eq(members.userId, inviteeId)));
    if (already) throw fail('group.already_member', 'that user is already a member');
    const [pending] = await tx
      .select()
      .from(invitations)
      .where(and(eq(invitations.conversationId, groupId), eq(invitations.inviteeId, inviteeId), eq(invitations.status, 'pending')));
    if (pending) return { invitation: (await presentInvitations(ctx, tx, [pending], actorId))[0]!, created: false };
    const [row] = await tx.insert(invitations).values({ id: newId(), conversationId: groupId, inviterId: actorId, inviteeId }).returning();
    const invitation = (await presentInvitations(ctx, tx, [row!], inviteeId))[0]!;
    events.add({ type: 'invitation:new', conversationId: groupId, userId: inviteeId, payload: { invitation } });
    return { invitation, created: true };
  });
}

const invitationKey = z.object({ t: microsKey, id: z.uuid() });

/** My pending invitations, newest first, a page at a time. */
export async function myInvitations(ctx: AppContext, actorId: string, q: { limit: number; cursor?: string }) {
  const after = decodeCursor(q.cursor, invitationKey);
  const found = await ctx.db
    .select({ invitation: invitations, createdMicros: sql<number>`(extract(epoch from ${invitations.createdAt}) * 1000000)::bigint` })
    .from(invitations)
    .where(
      and(
        eq(invitations.inviteeId, actorId),
        eq(invitations.status, 'pending'),
        after ? sql`(${invitations.createdAt}, ${invitations.id}) < (${fromMicros(after.t)}, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(q.limit + 1);
  const page = found.slice(0, q.limit);
  const last = page.at(-1);
  const nextCursor = found.length > q.limit && last ? encodeCursor({ t: Number(last.createdMicros), id: last.invitation.id }) : null;
  return {
    invitations: await presentInvitations(
      ctx,
      ctx.db,
      page.map((f) => f.invitation),
      actorId,
    ),
    nextCursor,
    hasMore: nextCursor !== null,
  };
}

/**
 * Whether the group still lets this invitation in: for a private group the inviter must still
 * be an admin, and the invitee must not have left or been removed since it was sent (closing
 * invitations on removal covers new ones; this covers those sent before that rule).
 */
async function stillValid(tx: Tx, inv: InvitationRow, group: ConversationRow): Promise<boolean> {
  if (group.visibility !== 'public') {
    const [inviter] = await tx
      .select({ role: members.role })
      .from(members)
      .where(and(eq(members.conversationId, group.id), eq(members.userId, inv.inviterId)));
    if (!isAdmin(inviter?.role)) return false;
  }
  const [left] = await rows<{ one: number }>(
    tx,
    sql`select 1 as one from member_periods p join events e on e.id = p.to_event
        where p.conversation_id = ${group.id} and p.user_id = ${inv.inviteeId} and e.created_at >= ${inv.createdAt}
        limit 1`,
  );
  return !left;
}

/**
 * Accepting joins the group, private ones included, if the group still allows it (else the
 * invitation is closed and reads as not found); declining just closes the invitation.
 */
export async function respondToInvitation(
  ctx: AppContext,
  actorId: string,
  invitationId: string,
  accept: boolean,
): Promise<ConversationDto | null> {
  const outcome = await ctx.run(async (tx, events) => {
    const [inv] = await tx
      .select()
      .from(invitations)
      .where(and(eq(invitations.id, invitationId), eq(invitations.inviteeId, actorId), eq(invitations.status, 'pending')))
      .for('update');
    if (!inv) throw fail('invitation.not_found');
    const close = (status: 'accepted' | 'declined' | 'revoked') =>
      tx.update(invitations).set({ status, respondedAt: new Date() }).where(eq(invitations.id, invitationId));
    if (!accept) {
      await close('declined');
      return { conversation: null };
    }
    const [group] = await tx.select().from(conversations).where(eq(conversations.id, inv.conversationId)).for('update');
    if (!(await stillValid(tx, inv, group!))) {
      await close('revoked');
      return { revoked: true as const };
    }
    await close('accepted');
    const [member] = await tx
      .select({ userId: members.userId })
      .from(members)
      .where(and(eq(members.conversationId, inv.conversationId), eq(members.userId, actorId)));
    if (!member) {
      await addToGroup(ctx, tx, events, group!, [actorId]);
      await recordSystemMessage(tx, events, group!.id, { action: 'member_joined', actorId });
    }
    return { conversation: await getConversation(ctx, tx, group!.id, actorId) };
  });
  if ('revoked' in outcome) throw fail('invitation.not_found', 'that invitation is no longer valid');
  return outcome.conversation;
}
