import type { Conversation } from '@parley/client';
import { lookOf } from './look';

export const chatFilters = ['All', 'Unread', 'Groups', 'Archived'] as const;
export type ChatFilter = (typeof chatFilters)[number];

/** Which chats a filter shows: archived chats only under "Archived"; the search matches the title, any case. */
export function filterChats(chats: readonly Conversation[], filter: ChatFilter, search: string): Conversation[] {
  const needle = search.trim().toLocaleLowerCase();
  return chats.filter((c) => {
    if (needle && !lookOf(c).title.toLocaleLowerCase().includes(needle)) return false;
    if (filter === 'Archived') return c.isArchived;
    if (c.isArchived) return false;
    if (filter === 'Unread') return c.unreadCount > 0;
    if (filter === 'Groups') return c.type === 'group';
    return true;
  });
}

export const emptyText: Record<ChatFilter, string> = {
  All: 'No chats yet. Start one with New chat.',
  Unread: 'No unread chats.',
  Groups: 'No groups yet.',
  Archived: 'No archived chats.',
};
