import { unwrap } from '@parley/client';
import { useCallback } from 'react';
import { useClient } from '../hooks/useClient';
import { useLoad } from './useLoad';

/** A group's summary and members (GET /groups/:id), and `reload` after a change. */
export function useGroup(id: string) {
  const client = useClient();
  const read = useCallback(async () => unwrap(await client.rest.GET('/groups/{id}', { params: { path: { id } } })), [client, id]);
  return useLoad(read);
}
