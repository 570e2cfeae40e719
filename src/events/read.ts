import { sql } from 'drizzle-orm';
import { rows, type Executor } from '../db/connect.js';
import { fail } from '../lib/errors.js';
import type { StoredEvent } from './types.js';

interface EventRow {
  id: number;
  type: StoredEvent['type'];
  conversation_id: string | null;
  user_id: string | null;
  message_id: string | null;
  payload: Record<string, unknown>;
  origin: string | null;
  hidden_from?: string[] | null;
  created_ms?: number | null;
}

const toStored = (r: EventRow): StoredEvent => ({
  id: Number(r.id),
  type: r.type,
  conversationId: r.conversation_id,
  userId: r.user_id,
  messageId: r.message_id,
  payload: r.payload,
  origin: r.origin,
  hiddenFrom: r.hidden_from ?? null,
  ...(r.created_ms == null ? {} : { createdAtMs: Number(r.created_ms) }),
});

/**
 * The last event id handed out, as SQL: where a new reader of the log starts (it reads what
 * commits above it). Ids at or below it may still be in flight: such a reader may not get them.
 */
export const lastIssuedId = sql`coalesce(pg_sequence_last_value('events_id_seq'::regclass), 0)`;

/**
 * Where the log stands for a reader below `horizon`: how far it was pruned, the last id handed out
 * (a cursor beyond it was never given), and the last committed id at or below the horizon.
 * A position handed to a client or kept in memory is that last id rather than the horizon: a
 * committed event's id is durable (its commit flushed the sequence's WAL), a bare sequence value
 * may not be after a database crash.
 */
export async function logBounds(ex: Executor, horizon: number): Promise<{ prunedThrough: number; issued: number; lastFinal: number }> {
  const [b] = await rows<BoundsRow>(
    ex,
    sql`select pruned_through, ${lastIssuedId} as issued,
               (select max(id) from events where id <= ${horizon}) as last_final
        from event_head where id = 1`,
  );
  return bounds(b!);
}

interface BoundsRow {
  pruned_through: number;
  issued: number | null;
  last_final: number | null;
}

function bounds(b: BoundsRow): { prunedThrough: number; issued: number; lastFinal: number } {
  const prunedThrough = Number(b.pruned_through);
  return { prunedThrough, issued: Number(b.issued ?? 0), lastFinal: Math.max(prunedThrough, Number(b.last_final ?? 0)) };
}

/** All committed events with `after < id <= upTo`, in order (what the emitter tails; `upTo` a horizon). */
export async function readRange(ex: Executor, after: number, upTo: number, limit = 1000): Promise<StoredEvent[]> {
  const found = await rows<EventRow>(
    ex,
    sql`select id, type, conversation_id, user_id, message_id, payload, origin, hidden_from,
               extract(epoch from created_at)::float8 * 1000 as created_ms from events
        where id > ${after} and id <= ${upTo} order by id limit ${limit}`,
  );
  return found.map(toStored);
}

/**
 * One user's stream after `cursor`: their private events, and the events of each conversation
 * during the periods they were a member of it. One index range per conversation, then merged.
 * In a group whose history is 'joined', events about a message (an edit, a reaction, a
 * deletion) reach them only for messages after the point they (last) joined, as history does.
 * Read receipts (`message:status`) are left out for whoever had read receipts off when they were
 * written (their `hidden_from`, see receipts.ts).
 * Only events at or below `horizon` (src/events/horizon.ts): above it one may still commit below
 * another that has, and a cursor past it would skip it. A cursor from a node whose horizon is
 * further on is not an error: the page is empty and the cursor stays.
 */
export async function readUserStream(
  ex: Executor,
  actorId: string,
  cursor: number | undefined,
  limit: number,
  horizon: number,
): Promise<{ events: StoredEvent[]; cursor: number; hasMore: boolean }> {
  const take = limit + 1;
  // The log's bounds and the page in one statement: the page reads from the cursor or, without
  // one, from where the log was pruned; a cursor the bounds refuse is refused after the read.
  // (A constant, not a subquery, where it can be: the planner estimates the ranges from it.)
  const from = cursor === undefined ? sql`(select pruned_through from b)` : sql`${cursor}`;
  const [found] = await rows<BoundsRow & { events: EventRow[] | null }>(
    ex,
    sql`with b as (
          select pruned_through, ${lastIssuedId} as issued, (select max(id) from events where id <= ${horizon}) as last_final
          from event_head where id = 1
        )
        select b.pruned_through, b.issued, b.last_final, (select json_agg(s order by s.id) from (select * from (
          select e.id, e.type, e.conversation_id, e.user_id, e.message_id, e.payload, e.origin
          from member_periods p
          join conversations cv on cv.id = p.conversation_id
          left join members cur on cur.conversation_id = p.conversation_id and cur.user_id = p.user_id
          cross join lateral (
            select * from events e
            where e.conversation_id = p.conversation_id and e.user_id is null
              and e.id > ${from} and e.id <= ${horizon} and e.id >= p.from_event
              and (p.to_event is null or e.id <= p.to_event)
              and (e.hidden_from is null or e.type <> 'message:status' or not (${actorId}::uuid = any(e.hidden_from)))
              and (e.message_id is null
                   or not exists (select 1 from hidden_messages h where h.message_id = e.message_id and h.user_id = ${actorId}))
              and (e.message_id is null
                   or not exists (select 1 from messages mx where mx.id = e.message_id and mx.expires_at <= now()))
              and (e.message_id is null or cv.type <> 'group' or cv.history_visibility <> 'joined'
                   or exists (select 1 from messages mm where mm.id = e.message_id and mm.seq > coalesce(cur.joined_seq, p.from_seq)))
            order by e.id limit ${take}
          ) e
          where p.user_id = ${actorId}
          union all
          select * from (
            select id, type, conversation_id, user_id, message_id, payload, origin from events
            where user_id = ${actorId} and id > ${from} and id <= ${horizon} order by id limit ${take}
          ) mine
        ) u order by id limit ${take}) s) as events
        from b`,
  );
  const head = bounds(found!);
  const after = cursor ?? head.prunedThrough;
  if (after < head.prunedThrough) throw fail('sync.cursor_expired');
  if (after > head.issued)
    throw fail('validation.failed', 'cursor is ahead of the event stream', [{ path: 'cursor', message: 'unknown cursor' }]);
  const events = found!.events ?? [];
  const hasMore = events.length > limit;
  const page = events.slice(0, limit).map(toStored);
  const last = page.at(-1);
  return { events: page, cursor: last ? last.id : hasMore ? after : Math.max(after, head.lastFinal), hasMore };
}
