import { unwrap, type Conversation, type User } from '@parley/client';
import { useEffect, useState } from 'react';
import { useClient } from '../hooks/useClient';
import { useStore } from '../hooks/useStore';

/**
 * The people of a conversation: a group's members (`GET /groups/:id`), or the two of a direct chat.
 * A group's list is asked for again when a message comes from someone not in it (they joined since).
 */
export function useMembers(conversation: Conversation): User[] {
  const client = useClient();
  const [members, setMembers] = useState<User[]>([]);
  const { id, type, otherUser } = conversation;
  const senders = useStore((store) => store.messages(id).messages.map((m) => m.senderId));
  // Changes only when a sender is new to the list: that, not every message, asks again.
  const newcomers = type === 'group' ? [...new Set(senders)].filter((s) => !members.some((u) => u.id === s)).join(',') : '';

  useEffect(() => {
    if (type !== 'group') return;
    let live = true;
    void client.rest
      .GET('/groups/{id}', { params: { path: { id } } })
      .then((r) => live && setMembers(unwrap(r).members.map((m) => m.user)))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [client, id, type, newcomers]);
  return type === 'group' ? members : otherUser ? [otherUser] : [];
}

/** A sender's name as a bubble shows it: "You", the member's name, or "A member" when not known (yet). */
export function nameOf(members: readonly User[], userId: string, me: string | undefined): string {
  if (userId === me) return 'You';
  return members.find((u) => u.id === userId)?.name ?? 'A member';
}
