import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppContext } from '../../context.js';
import { rows, type Db } from '../../db/connect.js';
import type { statsResponse } from './schemas.js';

const DAY_MS = 86_400_000;

/** The smallest UUID v7 of a time: ids are UUID v7 (made in code), so `id >=` it is a range scan of the primary key. */
export function firstIdAt(ms: number): string {
  const hex = ms.toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7000-8000-000000000000`;
}

type Stats = z.infer<typeof statsResponse>;

/** GET /admin/stats: what the database counts, and the sockets connected. */
export async function adminStats(ctx: Pick<AppContext, 'db' | 'sessions'>): Promise<Stats> {
  return { ...(await databaseStats(ctx.db)), sockets: await ctx.sessions.connected() };
}

/** Users, messages per day (the last 7 UTC days) and media storage (`npm run admin -- stats` prints these). */
export async function databaseStats(db: Db): Promise<Omit<Stats, 'sockets'>> {
  const [userCounts] = await rows<{ total: number; admins: number; suspended: number; deleted: number }>(
    db,
    sql`select count(*) filter (where deleted_at is null)::int as total,
               count(*) filter (where deleted_at is null and role = 'admin')::int as admins,
               count(*) filter (where deleted_at is null and suspended_at is not null
                                and (suspended_until is null or suspended_until > now()))::int as suspended,
               count(*) filter (where deleted_at is not null)::int as deleted
        from users`,
  );
  const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
  const first = today - 6 * DAY_MS;
  const perDay = await rows<{ day: string; count: number }>(
    db,
    sql`select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as day, count(*)::int as count
        from messages where id >= ${firstIdAt(first)}::uuid and created_at >= ${new Date(first)} and type <> 'system'
        group by 1`,
  );
  const counted = new Map(perDay.map((d) => [d.day, Number(d.count)]));
  const messagesPerDay = Array.from({ length: 7 }, (_, i) => {
    const day = new Date(first + i * DAY_MS).toISOString().slice(0, 10);
    return { day, count: counted.get(day) ?? 0 };
  });
  const [storage] = await rows<{ count: number; bytes: string | number }>(
    db,
    sql`select count(*)::int as count, coalesce(sum(size + coalesce(thumbnail_size, 0)), 0)::bigint as bytes from media`,
  );
  return {
    users: {
      total: Number(userCounts?.total ?? 0),
      admins: Number(userCounts?.admins ?? 0),
      suspended: Number(userCounts?.suspended ?? 0),
      deleted: Number(userCounts?.deleted ?? 0),
    },
    messagesPerDay,
    storage: { mediaCount: Number(storage?.count ?? 0), bytes: Number(storage?.bytes ?? 0) },
  };
}
