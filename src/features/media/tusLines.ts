/**
 * This node's requests that write to an upload, per upload, in the order they arrived. The
 * first in line writes; the others wait their turn (bounded), and a HEAD waits for the line
 * that is there when it asks, so it reports the offset once the writers before it are done.
 *
 * Per node, in memory: a request on another node is not in this line. That suffices because the
 * requests of one upload go to one node (the load balancer pins /api/v1/media/tus, see
 * docs/scaling.md); without that pinning a HEAD may still answer before a cut PATCH on another
 * node has stored its bytes, and the conditional update of the row still keeps the bytes right.
 * The database is no place for this wait: it would hold a transaction open for a whole body.
 */
export class UploadLines {
  private readonly lines = new Map<string, Place[]>();

  /** A place at the end of the line of upload `id`: take it as the request arrives, leave it when done. */
  join(id: string): Place {
    const line = this.lines.get(id) ?? [];
    if (line.length === 0) this.lines.set(id, line);
    const place = new Place(() => {
      line.splice(line.indexOf(place), 1);
      if (line.length === 0 && this.lines.get(id) === line) this.lines.delete(id);
    });
    place.ahead = [...line];
    line.push(place);
    return place;
  }

  /** Waits (at most `ms`) until every request now in the line of upload `id` is done; false if some still are. */
  idle(id: string, ms: number): Promise<boolean> {
    return within(ms, this.lines.get(id) ?? []);
  }

  /** Whether any request is in the line of upload `id`. */
  busy(id: string): boolean {
    return this.lines.has(id);
  }
}

export class Place {
  /** The places that were in line before this one. */
  ahead: Place[] = [];
  readonly gone: Promise<void>;
  private resolve!: () => void;
  private left = false;

  constructor(private readonly remove: () => void) {
    this.gone = new Promise((r) => (this.resolve = r));
  }

  /** Waits (at most `ms`) until every request ahead has left: true when it is this one's turn. */
  turn(ms: number): Promise<boolean> {
    return within(ms, this.ahead);
  }

  /** Done with the upload (any number of times). */
  leave(): void {
    if (this.left) return;
    this.left = true;
    this.remove();
    this.resolve();
  }
}

async function within(ms: number, places: Place[]): Promise<boolean> {
  if (places.length === 0) return true;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((r) => (timer = setTimeout(() => r(false), ms)));
  try {
    return await Promise.race([Promise.all(places.map((p) => p.gone)).then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
