import { sql } from 'drizzle-orm';
import { rows, type Executor } from '../../db/connect.js';
import type { WebhookDto } from './schemas.js';

/** The `event_exports` row that holds a webhook's position and lease. */
export const positionName = (webhookId: string) => `webhook:${webhookId}`;

interface WebhookRow {
  id: string;
  url: string;
  events: string[];
  created_at: Date | string;
  created_by_key_name: string;
  failing_since: Date | string | null;
  last_error: string | null;
  disabled_at: Date | string | null;
  disabled_reason: string | null;
  position: number | string | null;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function toDto(r: WebhookRow): WebhookDto {
  return {
    id: r.id,
    url: r.url,
    events: r.events,
    status: r.disabled_at ? 'disabled' : r.failing_since ? 'failing' : 'active',
    createdAt: iso(r.created_at)!,
    createdBy: r.created_by_key_name,
    failingSince: iso(r.failing_since),
    lastError: r.last_error,
    disabledAt: iso(r.disabled_at),
    disabledReason: r.disabled_reason,
    position: Number(r.position ?? 0),
  };
}

/** Webhooks as the API shows them (one, or all, oldest first), with their positions. */
export async function readWebhooks(ex: Executor, id?: string): Promise<WebhookDto[]> {
  const found = await rows<WebhookRow>(
    ex,
    sql`select w.id, w.url, w.events, w.created_at, w.created_by_key_name, w.failing_since, w.last_error,
               w.disabled_at, w.disabled_reason, e.last_id as position
        from webhooks w left join event_exports e on e.name = 'webhook:' || w.id::text
        where ${id === undefined ? sql`true` : sql`w.id = ${id}`}
        order by w.created_at, w.id`,
  );
  return found.map(toDto);
}

/** What a node needs to deliver to a webhook. */
export interface DeliverableWebhook {
  id: string;
  url: string;
  events: string[];
  secret: string;
}

/** The webhooks that are not disabled: every node runs a worker for each (one at a time delivers, under the lease). */
export async function enabledWebhooks(ex: Executor): Promise<DeliverableWebhook[]> {
  return rows<DeliverableWebhook>(ex, sql`select id, url, events, secret from webhooks where disabled_at is null order by id`);
}
