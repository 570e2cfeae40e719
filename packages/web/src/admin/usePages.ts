import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from '../common/errorText';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  hasMore: boolean;
}

interface State<T> {
  items: T[];
  cursor: string | null;
  hasMore: boolean;
  loading: boolean;
  error?: string;
}

/**
 * A paged list from `read(cursor)`: the first page now (and again when `read` changes or on `reload()`), the next
 * one on `more()`. A page that comes back after a newer first page was asked for is dropped.
 */
export function usePages<T>(read: (cursor?: string) => Promise<Page<T>>) {
  const [state, setState] = useState<State<T>>({ items: [], cursor: null, hasMore: false, loading: true });
  const [round, setRound] = useState(0);
  const generation = useRef(0);

  const load = useCallback(
    (cursor: string | undefined) => {
      const asked = generation.current;
      const current = () => generation.current === asked;
      setState((s) => ({ ...s, loading: true, error: undefined }));
      read(cursor)
        .then((page) => {
          if (!current()) return;
          setState((s) => ({
            items: cursor ? [...s.items, ...page.items] : page.items,
            cursor: page.nextCursor,
            hasMore: page.hasMore,
            loading: false,
          }));
        })
        .catch((err: unknown) => current() && setState((s) => ({ ...s, loading: false, error: errorText(err) })));
    },
    [read],
  );

  useEffect(() => {
    generation.current += 1;
    load(undefined);
  }, [load, round]);

  const { cursor } = state;
  const more = useCallback(() => cursor && load(cursor), [load, cursor]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { items: state.items, hasMore: state.hasMore, loading: state.loading, error: state.error, more, reload };
}
