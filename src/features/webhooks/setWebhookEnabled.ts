import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { rows } from '../../db/connect.js';
import { fail } from '../../lib/errors.js';
import type { WebhookDto } from './schemas.js';
import { readWebhooks } from './store.js';

/**
 * Turns a webhook on or off. On again, it resumes from its position (the first event it had not
 * delivered) with its failure clock reset; off, it keeps its position and says who turned it off.
 */
export async function setWebhookEnabled(
  ctx: Pick<AppContext, 'db' | 'webhooks'>,
  key: { name: string },
  id: string,
  enabled: boolean,
): Promise<WebhookDto> {
  const found = await rows<{ id: string }>(
    ctx.db,
    enabled
      ? sql`update webhooks set disabled_at = null, disabled_reason = null, failing_since = null, last_error = null
            where id = ${id} returning id`
      : sql`update webhooks set disabled_at = coalesce(disabled_at, now()),
              disabled_reason = coalesce(disabled_reason, ${`disabled through the API (server key "${key.name}")`})
            where id = ${id} returning id`,
  );
  if (found.length === 0) throw fail('webhook.not_found');
  ctx.webhooks.wake();
  const [webhook] = await readWebhooks(ctx.db, id);
  return webhook!;
}
