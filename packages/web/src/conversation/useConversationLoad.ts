import { ParleyError, unwrap } from '@parley/client';
import { useEffect, useState } from 'react';
import { useClient } from '../hooks/useClient';
import { useConnection } from '../hooks/useConnection';

/**
 * Opens the conversation's window: the conversation itself when the store lacks it (a link, a reload),
 * then its newest page, again on every reconnect (the server's truth over what the store kept).
 * Returns true when the server says there is no such conversation for this user.
 */
export function useConversationLoad(id: string): boolean {
  const client = useClient();
  const online = useConnection() === 'online';
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        if (!client.store.conversation(id)) {
          const { conversation } = unwrap(await client.rest.GET('/conversations/{id}', { params: { path: { id } } }));
          client.store.putConversations([conversation]);
        }
        await client.messages.list(id);
      } catch (err) {
        if (live && err instanceof ParleyError && (err.status === 404 || err.code === 'validation.failed')) setMissing(true);
      }
    })();
    return () => {
      live = false;
    };
  }, [client, id, online]);
  return missing;
}
