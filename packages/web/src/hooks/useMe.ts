import type { User } from '@parley/client';
import { useEffect, useState } from 'react';
import { useClient } from './useClient';
import { useConnection } from './useConnection';

/** The signed-in user's profile: the one sign-in returned, else `GET /auth/me` (again once online, if it failed). */
export function useMe(known: User | undefined): User | undefined {
  const client = useClient();
  const online = useConnection() === 'online';
  const [me, setMe] = useState(known);

  useEffect(() => {
    if (me) return;
    let live = true;
    client.rest
      .GET('/auth/me')
      .then(({ data }) => live && data && setMe(data.user))
      .catch(() => {});
    return () => {
      live = false;
    };
  }, [client, me, online]);
  return me;
}
