import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { rows, type Executor } from '../../db/connect.js';
import type { ConversationRow } from '../conversations/queries.js';

/** What anyone who can see a group (members, or anyone for a public group) may know of it. */
export const groupSummarySchema = z.object({
  id: z.uuid(),
  type: z.literal('group'),
  name: z.string().nullable(),
  icon: z.string().nullable(),
  iconBg: z.string().nullable(),
  about: z.string().nullable(),
  visibility: z.enum(['public', 'private']).nullable(),
  lastSeq: z.number().int(),
  memberCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type GroupSummary = z.infer<typeof groupSummarySchema>;

export async function memberCounts(ex: Executor, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const found = await rows<{ conversation_id: string; n: number }>(
    ex,
    sql`select conversation_id, count(*)::int as n from members
        where conversation_id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) group by conversation_id`,
  );
  return new Map(found.map((f) => [f.conversation_id, Number(f.n)]));
}

export function toGroupSummary(c: ConversationRow, memberCount: number): GroupSummary {
  return {
    id: c.id,
    type: 'group',
    name: c.name,
    icon: c.icon,
    iconBg: c.iconBg,
    about: c.about,
    visibility: c.visibility,
    lastSeq: c.lastSeq,
    memberCount,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export async function summarize(ex: Executor, groups: ConversationRow[]): Promise<GroupSummary[]> {
  const counts = await memberCounts(ex, groups.map((g) => g.id));
  return groups.map((g) => toGroupSummary(g, counts.get(g.id) ?? 0));
}
