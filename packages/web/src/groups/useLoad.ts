import { useCallback, useEffect, useState } from 'react';
import { errorText } from '../common/errorText';

/** Loads `read()` now and again on `reload()`; the last answer or the failure's words. */
export function useLoad<T>(read: () => Promise<T>): { data: T | undefined; error: string | undefined; reload: () => void } {
  const [state, setState] = useState<{ data?: T; error?: string }>({});
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    read()
      .then((data) => live && setState({ data }))
      .catch((err: unknown) => live && setState((s) => ({ ...s, error: errorText(err) })));
    return () => {
      live = false;
    };
  }, [read, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { data: state.data, error: state.error, reload };
}
