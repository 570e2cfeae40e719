import type { ClientStorage } from './types.js';

/** Keeps nothing past the process: the default. */
export function memoryStorage(): ClientStorage {
  const values = new Map<string, string>();
  return {
    get: async (key) => values.get(key),
    set: async (key, value) => void values.set(key, value),
    delete: async (key) => void values.delete(key),
  };
}
