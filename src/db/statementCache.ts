import crypto from 'node:crypto';
import type pg from 'pg';

/**
 * Which statement texts a connection prepares (runs as named statements): a text once it has run
 * `after` times, up to `max` per connection. PostgreSQL then parses it once and may keep a generic
 * plan: planning a sync page cost ~0.8 ms, several times running it. Texts built per call (a VALUES
 * list per row) rarely repeat, so they stay unnamed instead of filling the connection's memory.
 */
export class StatementNames {
  private readonly seen = new Map<string, number>();
  private readonly named = new Map<string, string>();

  constructor(
    private readonly max: number,
    private readonly after = 3,
  ) {}

  /** The name to run `text` under, or undefined to run it unnamed (parsed and planned each time). */
  nameFor(text: string): string | undefined {
    const name = this.named.get(text);
    if (name !== undefined || this.named.size >= this.max) return name;
    const runs = (this.seen.get(text) ?? 0) + 1;
    if (runs < this.after) {
      // Counting is bounded too: a connection that runs endless distinct texts forgets the counts.
      if (this.seen.size >= this.max * 16) this.seen.clear();
      this.seen.set(text, runs);
      return undefined;
    }
    this.seen.delete(text);
    const named = `parley_${crypto.createHash('sha1').update(text).digest('base64url')}`;
    this.named.set(text, named);
    return named;
  }
}

type QueryFn = (config: unknown, values?: unknown, callback?: unknown) => unknown;

/** Makes one pooled connection run the texts `StatementNames` picks as named (prepared) statements. */
export function prepareRepeatedStatements(client: pg.PoolClient, max: number): void {
  const names = new StatementNames(max);
  const query = client.query.bind(client) as QueryFn;
  const named: QueryFn = (config, values, callback) => {
    if (config && typeof config === 'object' && !('name' in config && config.name) && 'text' in config && typeof config.text === 'string') {
      const name = names.nameFor(config.text);
      if (name) return query({ ...config, name }, values, callback);
    }
    return query(config, values, callback);
  };
  (client as unknown as { query: QueryFn }).query = named;
}
