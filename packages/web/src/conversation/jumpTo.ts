import type { Message, ParleyClient } from '@parley/client';
import { messageElementId } from './draft';

/** Older pages loaded at most to reach a search result (beyond that it stays unloaded: the result still shows its text). */
const MAX_PAGES = 10;

/**
 * Brings a message into the open window (loading older pages until it is there), then scrolls to it.
 * Returns whether it is shown.
 */
export async function jumpToMessage(client: ParleyClient, message: Message): Promise<boolean> {
  const loaded = () => client.store.messages(message.conversationId).messages;
  for (let page = 0; page < MAX_PAGES; page++) {
    const window = loaded();
    if (window.some((m) => m.id === message.id)) break;
    const oldest = window[0];
    if (!oldest || oldest.seq < message.seq || !client.store.messages(message.conversationId).hasMore) return false;
    await client.messages.list(message.conversationId, { before: oldest.seq });
  }
  if (!loaded().some((m) => m.id === message.id)) return false;
  // After React has rendered what was just loaded.
  await new Promise(requestAnimationFrame);
  document.getElementById(messageElementId(message.id))?.scrollIntoView({ block: 'center' });
  return true;
}
