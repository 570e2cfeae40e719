import { unwrap } from '@parley/client';
import { useEffect, useState } from 'react';
import { useClient } from '../hooks/useClient';

export interface SignInMethods {
  phone: { delivery: 'sms' | 'log' } | null;
  google: { clientId: string } | null;
}

/** What this server offers besides passwords (GET /auth/methods); nothing extra until it answers, or if it cannot. */
export function useSignInMethods(): SignInMethods {
  const client = useClient();
  const [methods, setMethods] = useState<SignInMethods>({ phone: null, google: null });
  useEffect(() => {
    const abort = new AbortController();
    client.rest
      .GET('/auth/methods', { signal: abort.signal })
      .then((res) => abort.signal.aborted || setMethods(unwrap(res)))
      .catch(() => undefined);
    return () => abort.abort();
  }, [client]);
  return methods;
}
