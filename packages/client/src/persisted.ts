import type { ClientStorage } from './storage/types.js';

/**
 * One JSON value in storage. Saves are coalesced: while one write is in flight the next
 * waits, and only the newest value is written, so a fast stream does not queue a write per event.
 */
export class Persisted<T> {
  private pending: { value: T | undefined } | undefined;
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly storage: ClientStorage,
    private readonly key: string,
  ) {}

  async load(): Promise<T | undefined> {
    const text = await this.storage.get(this.key);
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text) as T;
    } catch {
      return undefined; // a torn or foreign value: start afresh rather than fail to start
    }
  }

  /** Resolves once `value` (or a newer one) is stored. `undefined` deletes the key. */
  save(value: T | undefined): Promise<void> {
    this.pending = { value };
    return (this.flushing ??= this.flush());
  }

  private async flush(): Promise<void> {
    try {
      while (this.pending) {
        const { value } = this.pending;
        this.pending = undefined;
        if (value === undefined) await this.storage.delete(this.key);
        else await this.storage.set(this.key, JSON.stringify(value));
      }
    } finally {
      this.flushing = undefined;
    }
  }
}
