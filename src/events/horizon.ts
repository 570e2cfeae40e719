import { sql } from 'drizzle-orm';
import { rows, type Db } from '../db/connect.js';
import { mayAppendEvents } from './withoutEvents.js';

/**
 * The event log's horizon: an id H such that every event with `id <= H` is final, committed or
 * never to be. Ids come from a sequence with no lock held to commit (src/events/append.ts), so
 * they are handed out in allocation order and commit in any order; readers (the emitter,
 * sync:request, the leased readers) read only `after < id <= H`, which is what keeps "eventId
 * increasing in the order readers see events" and "a cursor never skips an event that commits
 * later". Holes (rolled-back ids) are normal. docs/architecture.md has the reasoning and the
 * designs it was chosen over.
 *
 * A probe reads, in this order, `issued` (the sequence's last value) and then `running` (the
 * xids of the transactions running in this database). A writer takes an xid before its ids, so
 * every id at or below `issued` belongs to a transaction that had its xid before `issued` was
 * read: it was finished when `running` was read, or it is in `running`. So `issued` is final
 * once every xid in `running` has finished, which later probes show (an xid missing from a
 * later `running` has finished: xids are not reused short of wraparound).
 */
export interface Probe {
  issued: number;
  running: readonly string[];
}

interface Candidate {
  issued: number;
  /** Those of its probe's running xids still seen running since. */
  blockers: Set<string>;
}

/**
 * Candidates kept while something blocks them (a frozen writer). Past this every other one is
 * dropped: memory stays bounded, the newest stay dense (they are the ones that matter once it
 * finishes), and dropping one only means a later candidate proves the same ids.
 */
const MAX_CANDIDATES = 64;

/**
 * The pure bookkeeping of probes: given each probe in turn, the horizon they prove. Probes must be
 * given in the order they ran, each started after the previous one finished.
 */
export class HorizonBook {
  private final: number;
  private candidates: Candidate[] = [];
  private lastIssued: number | undefined;

  constructor(start = 0) {
    this.final = start;
  }

  /** Raises the horizon to an id known final by other means (a commit where transactions take turns). */
  raise(to: number): number {
    this.final = Math.max(this.final, to);
    return this.final;
  }

  get horizon(): number {
    return this.final;
  }

  /** The `issued` of the latest probe (undefined before the first). */
  get issued(): number | undefined {
    return this.lastIssued;
  }

  /** Takes one probe; returns the horizon now proven. */
  observe(p: Probe): number {
    this.lastIssued = Math.max(this.lastIssued ?? 0, p.issued);
    const running = new Set(p.running);
    // Older candidates first: what still runs of their blockers is in this probe's `running`.
    this.candidates = this.candidates.filter((c) => {
      for (const x of c.blockers) if (!running.has(x)) c.blockers.delete(x);
      if (c.blockers.size > 0) return true;
      this.final = Math.max(this.final, c.issued);
      return false;
    });
    if (running.size === 0) {
      // Nothing ran when it looked: everything issued before is final now.
      this.final = Math.max(this.final, p.issued);
      this.candidates = [];
    } else this.addCandidate({ issued: p.issued, blockers: running });
    return this.final;
  }

  private addCandidate(c: Candidate): void {
    if (c.issued <= this.final) return;
    const newest = this.candidates.at(-1);
    // Same id, blockers a superset of what the older one still waits for: the older one resolves no later.
    if (newest && newest.issued >= c.issued) return;
    if (this.candidates.length >= MAX_CANDIDATES) this.candidates = this.candidates.filter((_, i) => i % 2 === 1);
    this.candidates.push(c);
  }
}

/**
 * One probe in one statement. The running xids are read in a subquery correlated with the
 * sequence's value, so they are read after it; `pg_stat_activity` (not `pg_current_snapshot()`,
 * whose xip list leaves out running xids at or above its xmax) lists every transaction holding an
 * xid, and only this database's are waited for, not those `withoutEvents` marked as taking no
 * event ids (src/events/withoutEvents.ts). Its backend_xid column is shown to any role.
 */
export async function probeLog(db: Db): Promise<Probe> {
  const [r] = await rows<{ issued: number; running: string[] | null }>(
    db,
    sql`with seq as materialized (select pg_sequence_last_value('events_id_seq'::regclass) as issued)
        select seq.issued,
               (select array_agg(a.backend_xid::text) from pg_stat_activity a
                where seq.issued is not null and ${mayAppendEvents}) as running
        from seq`,
  );
  return { issued: Number(r!.issued ?? 0), running: r!.running ?? [] };
}

/**
 * How long a probe may take before callers stop waiting for it: one probe serves the whole node,
 * so one stuck on a dead connection must not stall delivery. Its late answer is dropped, never
 * applied: probes must be observed in the order they ran.
 */
const PROBE_TIMEOUT_MS = 5000;

/**
 * This node's horizon, shared by its emitter, its sync:request handler and its leased readers.
 * `advance` probes once (concurrent callers share a probe that started after they asked).
 */
export class Horizon {
  private readonly book = new HorizonBook();
  private inFlight: Promise<number> | undefined;
  private queued: Promise<number> | undefined;

  constructor(
    private readonly probe: () => Promise<Probe>,
    /**
     * Transactions take turns (PGlite: one connection): when a commit returns, every id up to its
     * last is final, and no probe is needed to emit it.
     */
    readonly serial = false,
    private readonly timeoutMs = PROBE_TIMEOUT_MS,
  ) {}

  /**
   * Told of each local commit's last id, and what its transaction's own probe proved final once it
   * committed (src/events/append.ts); true when that made the commit final, so no probe is needed.
   */
  committed(lastId: number, finalOnCommit?: number): boolean {
    if (this.serial) this.book.raise(lastId);
    else if (finalOnCommit !== undefined && finalOnCommit >= lastId) this.book.raise(finalOnCommit);
    else return false;
    return true;
  }

  /** The highest id known final (0 until a probe proved more). */
  get known(): number {
    return this.book.horizon;
  }

  /** Probes once; resolves with the horizon after a probe that started after this call. */
  advance(): Promise<number> {
    // Serial (PGlite): every commit raised the book already (`committed`), so a probe would prove nothing more.
    if (this.serial && this.book.issued !== undefined) return Promise.resolve(this.known);
    if (!this.inFlight) {
      const p = this.probeInTime()
        .then((found) => this.book.observe(found))
        .finally(() => {
          this.inFlight = undefined;
        });
      this.inFlight = p;
      return p;
    }
    // One in flight may have read before the caller's commit: one more after it serves everyone waiting.
    const next = () => {
      this.queued = undefined;
      return this.advance();
    };
    this.queued ??= this.inFlight.then(next, next);
    return this.queued;
  }

  private probeInTime(): Promise<Probe> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`horizon probe took over ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    return Promise.race([this.probe(), late]).finally(() => clearTimeout(timer));
  }

  /**
   * Probes until every id issued when it was called is final (a writer frozen in a transaction
   * holds this back), or `maxMs` passed; returns the horizon then.
   */
  async settle(pauseMs: number, stopped: () => boolean = () => false, maxMs = Infinity): Promise<number> {
    const until = performance.now() + maxMs;
    await this.advance();
    const target = this.book.issued ?? 0;
    while (this.known < target && !stopped() && performance.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
      await this.advance();
    }
    return this.known;
  }
}

export const logHorizon = (db: Db, serial: boolean): Horizon => new Horizon(() => probeLog(db), serial);
