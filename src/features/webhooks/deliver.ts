import { allowedPrefixes, checkOutbound, OutboundRefused, type Lookup } from '../../lib/outbound.js';
import { outboundRequest } from '../../lib/outboundRequest.js';
import { exportBody } from '../../export/amqpExporter.js';
import type { ExportEvent } from '../../export/readEvents.js';
import { webhookHeaders } from './signature.js';
import type { DeliverableWebhook } from './store.js';

/** An attempt that did not get a 2xx: `message` is what the webhook's `lastError` shows. */
export class DeliveryFailed extends Error {}

/** The same on every attempt at one event for one webhook, and different for every other: receivers de-duplicate by it. */
export const webhookMessageId = (webhookId: string, eventId: number) => `msg_${webhookId}_${eventId}`;

/** The Standard Webhooks payload: `type`, `timestamp` (the event's), and `data`, the event as the RabbitMQ export has it. */
export function webhookBody(e: ExportEvent): string {
  return JSON.stringify({ type: e.type, timestamp: e.createdAt.toISOString(), data: exportBody(e) });
}

export interface DeliverOptions {
  allowedUrls: string | undefined;
  timeoutMs: number;
  lookup?: Lookup;
}

/**
 * POSTs one event, signed, to the webhook's URL. The URL is checked again (its name may point
 * elsewhere by now) and the connection goes to the address checked; a redirect is a failure like
 * any other answer that is not 2xx. Throws `DeliveryFailed`.
 */
export async function deliverEvent(hook: DeliverableWebhook, e: ExportEvent, o: DeliverOptions): Promise<void> {
  let target;
  try {
    target = await checkOutbound(hook.url, allowedPrefixes(o.allowedUrls), o.lookup);
  } catch (err) {
    if (err instanceof OutboundRefused) throw new DeliveryFailed(`url refused: ${err.message}`);
    throw err;
  }
  const body = webhookBody(e);
  let status: number;
  try {
    const res = await outboundRequest(target, {
      method: 'POST',
      headers: { ...webhookHeaders(hook.secret, webhookMessageId(hook.id, e.id), body), 'user-agent': 'Parley-Webhooks' },
      body: Buffer.from(body),
      timeoutMs: o.timeoutMs,
    });
    status = res.status;
  } catch (err) {
    throw new DeliveryFailed(err instanceof Error ? err.message : String(err));
  }
  if (status < 200 || status > 299) throw new DeliveryFailed(`HTTP ${status}`);
}
