import { sql, type SQL } from 'drizzle-orm';

/**
 * Where a user's online / offline is announced: their direct chats and their groups of at most
 * `groupMax` members (PRESENCE_GROUP_MAX_MEMBERS). In a bigger group every member's connect would
 * be a write to every other member's sockets (a mass reconnect of n members: n² writes); its
 * members ask with `presence:query` for the people they look at.
 */
export function audienceConversations(userId: string, groupMax: number): SQL {
  // Counting stops past the limit: a big group costs groupMax + 1 index entries, not its size.
  return sql`select m.conversation_id as id from members m join conversations c on c.id = m.conversation_id
      where m.user_id = ${userId}
        and (c.type = 'direct' or (select count(*) from (select 1 from members o where o.conversation_id = c.id limit ${groupMax + 1}) x)
             <= ${groupMax})`;
}
