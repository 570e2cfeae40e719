import { sql } from 'drizzle-orm';
import { rows, type Db } from './connect.js';

/**
 * A `job_leases` row: background work that must run on one node at a time (the retention
 * purge). A lease, not a transaction held for the job's length: PGlite has one connection,
 * and the job is many short transactions. A node that dies is replaced when its lease runs out.
 */
export class JobLease {
  constructor(
    private readonly db: Db,
    private readonly name: string,
    /** This holder's id (a process, or a test's stand-in for another node). */
    readonly owner: string,
    private readonly leaseMs: number,
  ) {}

  /** Takes or renews the lease; false while another holder has it. */
  async acquire(): Promise<boolean> {
    const until = sql`now() + make_interval(secs => ${this.leaseMs / 1000})`;
    const got = await rows<{ name: string }>(
      this.db,
      sql`insert into job_leases (name, owner, locked_until) values (${this.name}, ${this.owner}, ${until})
          on conflict (name) do update set owner = excluded.owner, locked_until = excluded.locked_until
          where job_leases.owner = excluded.owner or job_leases.owner is null or job_leases.locked_until < now()
          returning name`,
    );
    return got.length === 1;
  }

  /** Gives the lease up, so another node may take the next round at once. */
  async release(): Promise<void> {
    await this.db.execute(sql`update job_leases set owner = null, locked_until = null where name = ${this.name} and owner = ${this.owner}`);
  }
}
