import { unwrap, type Conversation, type ParleyClient } from '@parley/client';
import { useEffect, useState } from 'react';
import { useClient } from '../hooks/useClient';

/** Names by user id, per group, for this page's life: a group's members are asked for again only when a sender is new. */
const known = new Map<string, Map<string, string>>();
const asking = new Map<string, Promise<void>>();

function ask(client: ParleyClient, groupId: string): Promise<void> {
  let pending = asking.get(groupId);
  if (!pending) {
    pending = client.rest
      .GET('/groups/{id}', { params: { path: { id: groupId } } })
      .then((res) => {
        const names = known.get(groupId) ?? new Map<string, string>();
        for (const m of unwrap(res).members) names.set(m.user.id, m.user.name);
        known.set(groupId, names);
      })
      .catch(() => {})
      .finally(() => asking.delete(groupId));
    asking.set(groupId, pending);
  }
  return pending;
}

/**
 * The names of a group's senders (GET /groups/:id, cached), so a bubble says who wrote it. Someone who has left
 * is not in the members list: they stay unnamed. Direct chats: an empty map.
 */
export function useMemberNames(conversation: Conversation, senderIds: readonly string[]): ReadonlyMap<string, string> {
  const client = useClient();
  const [, setRound] = useState(0);
  const group = conversation.type === 'group' ? conversation.id : undefined;
  const names = group ? known.get(group) : undefined;
  const missing = group !== undefined && senderIds.some((id) => !names?.has(id));
  // Re-ask on a new sender, once per render wave; the page's own list of who left is not kept.
  const key = missing ? senderIds.filter((id) => !names?.has(id)).join(',') : '';

  useEffect(() => {
    if (!group || !key) return;
    let live = true;
    void ask(client, group).then(() => live && setRound((n) => n + 1));
    return () => {
      live = false;
    };
  }, [client, group, key]);
  return names ?? new Map();
}
