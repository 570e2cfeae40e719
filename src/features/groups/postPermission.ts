import { sql } from 'drizzle-orm';
import { rows, type Executor } from '../../db/connect.js';

/** Whether the user may post in the conversation now: a member, and in a broadcast group (`postPermission: 'admins'`) its owner or an admin. */
export async function mayPost(ex: Executor, conversationId: string, userId: string): Promise<boolean> {
  const [found] = await rows<{ ok: boolean }>(
    ex,
    sql`select (c.post_permission = 'members' or c.type <> 'group' or m.role <> 'member') as ok
        from members m join conversations c on c.id = m.conversation_id
        where m.conversation_id = ${conversationId} and m.user_id = ${userId}`,
  );
  return found?.ok === true;
}
