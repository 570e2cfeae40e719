import { sql } from 'drizzle-orm';
import { rows, uuidArray, type Tx } from '../../db/connect.js';
import { fail } from '../../lib/errors.js';
import { notContactsOf } from '../users/visibility.js';

/**
 * Users whose privacy lets only contacts add them to groups (`groupAdds: 'contacts'`) may not be
 * added by anyone else: the whole request is refused with `group.add_forbidden`, naming each of
 * them in `errors` (`<field>.<index>`), and the adder may invite them instead.
 */
export async function assertMayAdd(tx: Tx, actorId: string, userIds: string[], field: string): Promise<void> {
  if (userIds.length === 0) return;
  const guarded = await rows<{ id: string }>(
    tx,
    sql`select id::text as id from users where id = any(${uuidArray(userIds)}) and privacy_group_adds = 'contacts' and id <> ${actorId}`,
  );
  if (guarded.length === 0) return;
  const refused = await notContactsOf(
    tx,
    actorId,
    guarded.map((g) => g.id),
  );
  if (refused.size === 0) return;
  throw fail(
    'group.add_forbidden',
    'some of these users accept group adds from their contacts only: send them an invitation instead',
    userIds.flatMap((id, i) =>
      refused.has(id) ? [{ path: `${field}.${i}`, message: `${id} accepts group adds from contacts only` }] : [],
    ),
  );
}
