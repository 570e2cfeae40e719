import { sql } from 'drizzle-orm';
import { rows, type Tx } from '../../db/connect.js';
import type { EventBatch } from '../../events/runCommand.js';
import type { MessageRow } from './present.js';

/**
 * Appends the command's events and marks those about `message` (an edit, a reaction, a deletion:
 * a conversation's events) with the members who may not read it: in a group whose history is
 * 'joined', whoever joined at or after it; anywhere, whoever deleted it for themselves. The
 * emitter leaves them out of the live emit, as sync leaves the event out of their stream,
 * without reading anything itself. (A new message needs none of this: every member may read it.)
 *
 * The list is read once the events hold their ids, and those ids are taken under a key-share
 * lock on the conversation's row, which every change of membership holds for update to its commit
 * (`lockGroup`): one with a lower id has committed by then, so the list is exactly who is in the
 * room when the emitter reaches them; one that waited for this lock comes after them in the log.
 * (Event ids come from a sequence and commit in any order: without the lock, a join with a lower
 * id could still be in flight here, and its member would get the event live.)
 */
export async function withholdFromNonReaders(
  tx: Tx,
  events: EventBatch,
  message: Pick<MessageRow, 'id' | 'conversationId' | 'seq'>,
): Promise<void> {
  await tx.execute(sql`select 1 from conversations where id = ${message.conversationId} for key share`);
  const about = (await events.flush()).filter((e) => e.messageId === message.id && e.userId === null);
  if (about.length === 0) return;
  const ids = about.map((e) => e.id);
  const [marked] = await rows<{ hidden_from: string[] | null }>(
    tx,
    sql`update events set hidden_from = (
          select array_agg(x.user_id order by x.user_id) from (
            select m.user_id from members m join conversations c on c.id = m.conversation_id
            where m.conversation_id = ${message.conversationId} and m.joined_seq >= ${message.seq}
              and c.type = 'group' and c.history_visibility = 'joined'
            union
            select h.user_id from hidden_messages h where h.message_id = ${message.id}
          ) x)
        where id >= ${Math.min(...ids)} and id <= ${Math.max(...ids)} and message_id = ${message.id} and user_id is null
        returning hidden_from`,
  );
  const hiddenFrom = marked?.hidden_from ?? null;
  for (const e of about) e.hiddenFrom = hiddenFrom;
}
