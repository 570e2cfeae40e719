import { unwrap, type Message, type ParleyClient } from '@parley/client';

/** The reactions the menu offers (any single emoji is allowed by the server). */
export const REACTIONS = ['👍', '❤️', '😂', '😮', '😢', '🙏'] as const;

/** How long the sender may edit: the server's default EDIT_WINDOW_SECONDS (it has the last word: a later edit is refused there). */
const EDIT_WINDOW_MS = 15 * 60_000;

export const canEdit = (m: Message, me: string | undefined, now = Date.now()): boolean =>
  m.senderId === me &&
  !m.deletedAt &&
  !m.encrypted &&
  m.type !== 'system' &&
  m.text !== null &&
  now - Date.parse(m.createdAt) < EDIT_WINDOW_MS;

/** The stream brings each change back (message:updated, message:deleted, reaction:updated) into the store. */
export async function editText(client: ParleyClient, messageId: string, text: string, mentionIds?: string[]): Promise<void> {
  const body = mentionIds ? { text, mentions: { userIds: mentionIds } } : { text };
  unwrap(await client.rest.PATCH('/messages/{id}', { params: { path: { id: messageId } }, body }));
}

export async function deleteMessage(client: ParleyClient, messageId: string, scope: 'self' | 'everyone'): Promise<void> {
  unwrap(await client.rest.DELETE('/messages/{id}', { params: { path: { id: messageId }, query: { for: scope } } }));
}

/** Sets this reaction, or takes it back when it is already yours. */
export async function toggleReaction(client: ParleyClient, message: Message, emoji: string): Promise<void> {
  const mine = message.reactions.some((r) => r.userId === client.userId && r.emoji === emoji);
  const params = { path: { id: message.id } };
  if (mine) unwrap(await client.rest.DELETE('/messages/{id}/reaction', { params }));
  else unwrap(await client.rest.PUT('/messages/{id}/reaction', { params, body: { emoji } }));
}
