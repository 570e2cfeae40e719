import type { Conversation, Message } from '@parley/client';

/** A stable hue from an id, for avatars the server gives no colour (groups). */
function colorOf(id: string): string {
  let hash = 0;
  for (const ch of id) hash = (hash * 31 + ch.charCodeAt(0)) | 0;
  return `hsl(${Math.abs(hash) % 360}, 55%, 45%)`;
}

/** How a conversation shows: its title and its avatar (the other person's, or the group's icon). */
export function lookOf(c: Conversation): { title: string; avatarText: string; avatarColor: string } {
  if (c.type === 'direct') {
    const other = c.otherUser;
    return {
      title: other?.name ?? 'Deleted account',
      avatarText: other?.initials ?? '?',
      avatarColor: other?.avatarColor ?? colorOf(c.id),
    };
  }
  const title = c.name ?? 'Group';
  return { title, avatarText: c.icon ?? Array.from(title)[0] ?? '#', avatarColor: colorOf(c.id) };
}

/** One line for a message in the chat list. */
export function previewOf(m: Message): string {
  if (m.deletedAt) return 'This message was deleted';
  if (m.encrypted) return 'Encrypted message';
  if (m.text) return m.text;
  const kind = m.media[0]?.kind;
  return kind === 'image' ? 'Photo' : kind === 'video' ? 'Video' : kind === 'audio' ? 'Voice message' : kind ? 'File' : '';
}
