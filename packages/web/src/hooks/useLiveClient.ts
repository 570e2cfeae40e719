import { useEffect } from 'react';
import { followBrowserNetwork } from '../client';
import { useClient } from './useClient';
import { useConnection } from './useConnection';

/**
 * While signed in: connected (the SDK reconnects by itself), following the browser's network, and the
 * chat list loaded again on every (re)connect and after a `reset`, so it starts from the server's truth.
 */
export function useLiveClient(): void {
  const client = useClient();
  const online = useConnection() === 'online';

  useEffect(() => {
    client.connect();
    const unfollow = followBrowserNetwork(client);
    const unreset = client.on('reset', () => void client.conversations.list().catch(() => {}));
    return () => {
      unfollow();
      unreset();
      client.disconnect();
    };
  }, [client]);

  useEffect(() => {
    if (online) void client.conversations.list().catch(() => {});
  }, [client, online]);
}
