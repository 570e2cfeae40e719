import type { ParleyClient } from '@parley/client';
import { createContext, useContext } from 'react';

export const ClientContext = createContext<ParleyClient | null>(null);

/** The page's ParleyClient (one per session: App makes a new one after a sign-out). */
export function useClient(): ParleyClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient outside <ClientContext.Provider>');
  return client;
}
