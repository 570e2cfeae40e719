import type { Store } from '@parley/client';
import { useSyncExternalStore } from 'react';
import { useClient } from './useClient';

/** Reads the SDK's store and re-renders on each of its changes (its version is the snapshot). */
export function useStore<T>(read: (store: Store) => T): T {
  const { store } = useClient();
  useSyncExternalStore(
    (onChange) => store.subscribe(onChange),
    () => store.version,
  );
  return read(store);
}
