import type { ParleyClient, User } from '@parley/client';
import { useCallback, useEffect, useState } from 'react';
import { AccountLinkScreen, clearAccountLink, readAccountLink } from './auth/AccountLink';
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
  const [link, setLink] = useState(readAccountLink);

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

  // A mailed link opened in a tab already showing Parley changes only the fragment.
  useEffect(() => {
    const opened = () => {
      const next = readAccountLink();
      if (next) setLink(next);
    };
    window.addEventListener('hashchange', opened);
    return () => window.removeEventListener('hashchange', opened);
  }, []);

  // A mailed link: after a reset every session of the account has ended, so this one signs out too.
  const linkDone = useCallback(
    async (passwordReset: boolean, verified?: User) => {
      clearAccountLink();
      setLink(undefined);
      if (verified && verified.id === client.userId) setMe(verified);
      if (!passwordReset) return;
      if (client.userId) await client.signOut();
      await client.close();
      restart('Your password is set. Sign in with your new password.');
    },
    [client, restart],
  );

  return (
    <ClientContext.Provider value={client}>
      {link && <AccountLinkScreen link={link} onDone={(reset, verified) => void linkDone(reset, verified)} />}
      {!link && phase === 'restoring' && <p className="splash">Parley</p>}
      {!link && phase === 'signedOut' && <SignIn notice={notice} onSignedIn={signedIn} />}
      {!link && phase === 'signedIn' && <Home me={me} onSignOut={signOut} />}
    </ClientContext.Provider>
  );
}
