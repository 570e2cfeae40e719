import type { ClientStorage } from './types.js';

// The few IndexedDB shapes this adapter touches (the SDK compiles without the DOM library).
interface Request<T> {
  result: T;
  error: unknown;
  onsuccess: (() => void) | null;
  onerror: (() => void) | null;
}
interface OpenRequest extends Request<Database> {
  onupgradeneeded: (() => void) | null;
}
interface Database {
  createObjectStore(name: string): unknown;
  objectStoreNames: { contains(name: string): boolean };
  transaction(store: string, mode: 'readonly' | 'readwrite'): { objectStore(name: string): Store };
}
interface Store {
  get(key: string): Request<unknown>;
  put(value: string, key: string): Request<unknown>;
  delete(key: string): Request<unknown>;
}
interface Factory {
  open(name: string, version?: number): OpenRequest;
}

const STORE = 'kv';

const settle = <T>(request: Request<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error instanceof Error ? request.error : new Error(String(request.error)));
  });

/** IndexedDB: a browser's durable store (larger than localStorage, available in workers). */
export function indexedDbStorage(opts: { name?: string; indexedDB?: unknown } = {}): ClientStorage {
  let db: Promise<Database> | undefined;
  const open = () =>
    (db ??= (() => {
      const factory = (opts.indexedDB ?? (globalThis as { indexedDB?: unknown }).indexedDB) as Factory | undefined;
      if (!factory) throw new Error('indexedDbStorage: no indexedDB here');
      const request = factory.open(opts.name ?? 'parley', 1);
      request.onupgradeneeded = () => {
        if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE);
      };
      return settle(request);
    })());
  const store = async (mode: 'readonly' | 'readwrite') => (await open()).transaction(STORE, mode).objectStore(STORE);
  return {
    get: async (key) => {
      const value = await settle((await store('readonly')).get(key));
      return typeof value === 'string' ? value : undefined;
    },
    set: async (key, value) => void (await settle((await store('readwrite')).put(value, key))),
    delete: async (key) => void (await settle((await store('readwrite')).delete(key))),
  };
}
