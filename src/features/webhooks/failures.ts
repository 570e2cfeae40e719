import { sql } from 'drizzle-orm';
import { rows, type Db } from '../../db/connect.js';

/**
 * Records a failed attempt: `failing_since` is the first failure of the run, `last_error` the
 * latest. Once the run lasted `disableAfterMinutes`, the same statement disables the webhook with
 * the reason (by the database clock, so every node counts the same run). True when it did.
 */
export async function recordFailure(db: Db, id: string, error: string, disableAfterMinutes: number): Promise<boolean> {
  const disableNow = sql`(disabled_at is null and failing_since is not null
    and failing_since <= now() - make_interval(secs => ${disableAfterMinutes * 60}))`;
  const [r] = await rows<{ disabled: boolean }>(
    db,
    sql`update webhooks set
          failing_since = coalesce(failing_since, now()),
          last_error = ${error},
          disabled_reason = case when ${disableNow}
            then 'failing since ' || to_char(failing_since at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || ': ' || ${error}
            else disabled_reason end,
          disabled_at = case when ${disableNow} then now() else disabled_at end
        where id = ${id}
        returning disabled_at is not null as disabled`,
  );
  return r?.disabled ?? false;
}

/** A delivery succeeded: the run of failures (if any) is over. True when there was one. */
export async function clearFailure(db: Db, id: string): Promise<boolean> {
  const r = await rows<{ id: string }>(
    db,
    sql`update webhooks set failing_since = null, last_error = null where id = ${id} and failing_since is not null returning id`,
  );
  return r.length > 0;
}
