/** A small typed event emitter: `on` returns the function that removes the listener. */
export class Listeners<M extends { [K in keyof M]: (...args: never[]) => void }> {
  private readonly byName = new Map<keyof M, Set<M[keyof M]>>();

  on<K extends keyof M>(name: K, listener: M[K]): () => void {
    let set = this.byName.get(name);
    if (!set) this.byName.set(name, (set = new Set()));
    set.add(listener);
    return () => void set.delete(listener);
  }

  emit<K extends keyof M>(name: K, ...args: Parameters<M[K]>): void {
    for (const listener of this.byName.get(name) ?? []) {
      try {
        (listener as (...a: Parameters<M[K]>) => void)(...args);
      } catch (err) {
        // A listener's bug must not stop the stream for the others: reported, not thrown.
        const report = (globalThis as { reportError?: (e: unknown) => void }).reportError ?? console.error;
        report(err);
      }
    }
  }
}
