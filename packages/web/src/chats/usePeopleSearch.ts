import { unwrap, type User } from '@parley/client';
import { useEffect, useState } from 'react';
import { errorText } from '../common/errorText';
import { useClient } from '../hooks/useClient';

const PAUSE_MS = 250;

interface Answer {
  search: string;
  users?: User[];
  error?: string;
}

/** People matching `query` (GET /users?search=), asked once typing pauses; no users before there is an answer for it. */
export function usePeopleSearch(query: string): { users: User[] | undefined; error: string | undefined } {
  const client = useClient();
  const search = query.trim();
  const [answer, setAnswer] = useState<Answer>({ search: '' });

  useEffect(() => {
    if (!search) return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      client.rest
        .GET('/users', { params: { query: { search, limit: 20 } }, signal: abort.signal })
        .then((res) => abort.signal.aborted || setAnswer({ search, users: unwrap(res).users }))
        .catch((err: unknown) => abort.signal.aborted || setAnswer({ search, error: errorText(err) }));
    }, PAUSE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [client, search]);
  // An answer for an earlier query is not shown for this one.
  return search && answer.search === search ? { users: answer.users, error: answer.error } : { users: undefined, error: undefined };
}
