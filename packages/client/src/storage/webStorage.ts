import type { ClientStorage } from './types.js';

/** The part of the Web Storage API (localStorage, sessionStorage) this adapter uses. */
export interface WebStorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** `localStorage` (shared by a browser's tabs of one origin), under `prefix`. */
export function webStorage(opts: { storage?: WebStorageLike; prefix?: string } = {}): ClientStorage {
  const prefix = opts.prefix ?? 'parley:';
  const storage = () => {
    const found = opts.storage ?? (globalThis as { localStorage?: WebStorageLike }).localStorage;
    if (!found) throw new Error('webStorage: no localStorage here (pass opts.storage)');
    return found;
  };
  return {
    get: async (key) => storage().getItem(prefix + key) ?? undefined,
    set: async (key, value) => storage().setItem(prefix + key, value),
    delete: async (key) => storage().removeItem(prefix + key),
  };
}

/** React Native's AsyncStorage (or anything with its three methods), under `prefix`. */
export interface AsyncStorageLike {
  getItem(key: string): Promise<string | null>;
  setItem(key: string, value: string): Promise<void>;
  removeItem(key: string): Promise<void>;
}

export function asyncStorage(storage: AsyncStorageLike, prefix = 'parley:'): ClientStorage {
  return {
    get: async (key) => (await storage.getItem(prefix + key)) ?? undefined,
    set: (key, value) => storage.setItem(prefix + key, value),
    delete: (key) => storage.removeItem(prefix + key),
  };
}
