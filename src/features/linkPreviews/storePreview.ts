import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.js';
import { linkPreviews, media, messages } from '../../db/schema.js';
import { presentMessages } from '../messages/present.js';
import { withholdFromNonReaders } from '../messages/withhold.js';
import type { FetchedPreview } from './fetchPreview.js';
import { firstUrl } from './firstUrl.js';

/** Props of `storePreview`: what was fetched for the message's URL (null: nothing to show). */
export interface StorePreviewProps {
  messageId: string;
  url: string;
  preview: FetchedPreview | null;
}

/**
 * The worker (the sender's server, acting for no user) records what it fetched for a message and,
 * when there is something to show, members hear `message:updated` carrying `linkPreview`. The
 * message is locked and checked again: one deleted, or edited to another URL while the page was
 * fetched, keeps no preview (the edit's own event brings the new URL's). Returns whether it was stored.
 */
export function storePreview(ctx: AppContext, p: StorePreviewProps): Promise<boolean> {
  return ctx.run(async (tx, events) => {
    const [message] = await tx.select().from(messages).where(eq(messages.id, p.messageId)).for('update');
    if (!message || message.deletedAt || message.encrypted || firstUrl(message.text) !== p.url) return false;
    const f = p.preview;
    const values = {
      url: p.url,
      found: f !== null,
      title: f?.title ?? null,
      description: f?.description ?? null,
      siteName: f?.siteName ?? null,
      imageMediaId: f?.image?.id ?? null,
    };
    await tx
      .insert(linkPreviews)
      .values({ messageId: p.messageId, ...values })
      .onConflictDoUpdate({ target: linkPreviews.messageId, set: values });
    // Attached: the orphan sweep leaves it alone; it goes with its owner's account (the FK cascades).
    if (f?.image) await tx.update(media).set({ attachedAt: new Date() }).where(eq(media.id, f.image.id));
    if (!f) return true;
    const [dto] = await presentMessages(tx, [message]);
    events.add({ type: 'message:updated', conversationId: message.conversationId, messageId: message.id, payload: { message: dto! } });
    await withholdFromNonReaders(tx, events, message);
    return true;
  });
}
