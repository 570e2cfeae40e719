/**
 * Where the SDK keeps what must outlive the page or the process: the session's tokens, the
 * stream cursor and the outbox. Values are strings (JSON); every method may be async, so
 * React Native's AsyncStorage, IndexedDB and a file all fit.
 */
export interface ClientStorage {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}
