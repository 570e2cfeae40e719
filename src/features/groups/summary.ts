import type { GroupSummary } from '@parley/protocol';
import { sql } from 'drizzle-orm';
import { rows, uuidArray, type Executor } from '../../db/connect.js';
import { sharedFields, type ConversationRow } from '../conversations/queries.js';

export async function memberCounts(ex: Executor, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const found = await rows<{ conversation_id: string; n: number }>(
    ex,
    sql`select conversation_id, count(*)::int as n from members
        where conversation_id = any(${uuidArray(ids)}) group by conversation_id`,
  );
  return new Map(found.map((f) => [f.conversation_id, Number(f.n)]));
}

export function toGroupSummary(c: ConversationRow, memberCount: number): GroupSummary {
  return { ...sharedFields(c), type: 'group', memberCount };
}

export async function summarize(ex: Executor, groups: ConversationRow[]): Promise<GroupSummary[]> {
  const counts = await memberCounts(
    ex,
    groups.map((g) => g.id),
  );
  return groups.map((g) => toGroupSummary(g, counts.get(g.id) ?? 0));
}
