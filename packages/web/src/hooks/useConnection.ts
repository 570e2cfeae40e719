import type { ConnectionStatus } from '@parley/client';
import { useSyncExternalStore } from 'react';
import { useClient } from './useClient';

/** 'online' once connected and synced; 'connecting' or 'offline' otherwise. */
export function useConnection(): ConnectionStatus {
  const client = useClient();
  return useSyncExternalStore(
    (onChange) => client.on('status', onChange),
    () => client.status.connection,
  );
}
