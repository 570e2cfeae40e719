import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { rows } from '../../db/connect.js';
import { lastIssuedId } from '../../events/read.js';
import { webhooks } from '../../db/schema.js';
import { fail } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { allowedPrefixes, checkOutbound, OutboundRefused } from '../../lib/outbound.js';
import type { CreateWebhookBody, WebhookDto } from './schemas.js';
import { newWebhookSecret } from './signature.js';
import { positionName, readWebhooks } from './store.js';

/** Each webhook is a reader of the log on every node: a handful is what an app's backend needs. */
export const MAX_WEBHOOKS = 20;

/**
 * Creates a webhook and its position at the log's current head, in one transaction: it is sent the
 * events committed after this, none from before. The URL must pass the outbound checks now (and
 * again at every delivery). The secret is returned here only.
 */
export async function createWebhook(
  ctx: Pick<AppContext, 'db' | 'config' | 'webhooks'>,
  key: { id: string; name: string },
  body: CreateWebhookBody,
): Promise<{ webhook: WebhookDto; secret: string }> {
  await assertUrlAllowed(body.url, ctx.config.OUTBOUND_ALLOWED_URLS);
  const id = newId();
  const secret = newWebhookSecret();
  await ctx.db.transaction(async (tx) => {
    // Serializes creations, so two at once cannot both pass the count.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('webhooks'))`);
    const [count] = await rows<{ n: number }>(tx, sql`select count(*)::int as n from webhooks`);
    if (Number(count!.n) >= MAX_WEBHOOKS) throw fail('webhook.limit_reached', `at most ${MAX_WEBHOOKS} webhooks`);
    await tx
      .insert(webhooks)
      .values({ id, url: body.url, events: body.events, secret, createdByKeyId: key.id, createdByKeyName: key.name });
    await tx.execute(sql`insert into event_exports (name, last_id) values (${positionName(id)}, ${lastIssuedId})`);
  });
  ctx.webhooks.wake();
  const [webhook] = await readWebhooks(ctx.db, id);
  return { webhook: webhook!, secret };
}

async function assertUrlAllowed(url: string, allowed: string | undefined): Promise<void> {
  try {
    await checkOutbound(url, allowedPrefixes(allowed));
  } catch (err) {
    if (err instanceof OutboundRefused) throw fail('webhook.url_refused', `url refused: ${err.message}`);
    throw err;
  }
}
