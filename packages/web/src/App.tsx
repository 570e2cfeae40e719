import type { ParleyClient, User } from '@parley/client';
import { useCallback, useEffect, useState } from 'react';
import { SignIn } from './auth/SignIn';
import { Home } from './Home';
import { createWebClient } from './client';
import { ClientContext } from './hooks/useClient';
import { navigate } from './hooks/useRoute';

type Phase = 'restoring' | 'signedOut' | 'signedIn';

/** Restores the stored session, then shows the sign-in or the chats; a new client for every session. */
export function App() {
  const [client, setClient] = useState<ParleyClient>(createWebClient);
  const [phase, setPhase] = useState<Phase>('restoring');
  const [me, setMe] = useState<User>();
  const [notice, setNotice] = useState<string>();

  const restart = useCallback((message?: string) => {
    setClient(createWebClient());
    setMe(undefined);
    setNotice(message);
    setPhase('signedOut');
    navigate(undefined, { replace: true });
  }, []);

  useEffect(() => {
    let live = true;
    void client.ready.then(() => live && setPhase(client.userId ? 'signedIn' : 'signedOut'));
    const off = client.on('signedOut', () => {
      void client.close();
      restart('Your session has ended. Sign in again.');
    });
    return () => {
      live = false;
      off();
    };
  }, [client, restart]);

  const signOut = useCallback(async () => {
    await client.signOut();
    await client.close();
    restart();
  }, [client, restart]);

  const signedIn = useCallback((user: User) => {
    setMe(user);
    setNotice(undefined);
    setPhase('signedIn');
  }, []);

  return (
    <ClientContext.Provider value={client}>
      {phase === 'restoring' && <p className="splash">Parley</p>}
      {phase === 'signedOut' && <SignIn notice={notice} onSignedIn={signedIn} />}
      {phase === 'signedIn' && <Home me={me} onSignOut={signOut} />}
    </ClientContext.Provider>
  );
}
