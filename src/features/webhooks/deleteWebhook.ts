import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { rows } from '../../db/connect.js';
import { fail } from '../../lib/errors.js';
import { positionName } from './store.js';

/** Deletes a webhook and its position; its worker stops (here at once, on other nodes at their next look). */
export async function deleteWebhook(ctx: Pick<AppContext, 'db' | 'webhooks'>, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const gone = await rows<{ id: string }>(tx, sql`delete from webhooks where id = ${id} returning id`);
    if (gone.length === 0) throw fail('webhook.not_found');
    await tx.execute(sql`delete from event_exports where name = ${positionName(id)}`);
  });
  ctx.webhooks.wake();
}
