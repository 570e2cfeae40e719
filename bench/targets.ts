import type { DbRun, Results, TargetRow } from './context.js';
import { fmt } from './stats.js';

/** The issue's targets, each with what a run measured and whether it is met (null: only reported). */
export function computeTargets(r: Results): TargetRow[] {
  const main = r.runs.find((x) => x.db === 'postgres') ?? r.runs[0];
  const pglite = r.runs.find((x) => x.db === 'pglite');
  const rows: TargetRow[] = [];
  const ceiling = r.ceiling?.best;
  const pairsOf = (run: DbRun | undefined, label: string) => {
    const best = run?.pairs?.best;
    if (!run || !best) return;
    const ratio = ceiling ? best.deliveredPerSec / ceiling.deliveredPerSec : undefined;
    rows.push({
      name: 'pairs throughput ≥ 50 % of the ceiling',
      target: '≥ 50 %',
      measured: `${fmt(best.deliveredPerSec)} msg/s (W=${best.window}) vs relay ${fmt(ceiling?.deliveredPerSec)} msg/s (W=${ceiling?.window})`,
      ratio: ratio === undefined ? undefined : `${fmt(ratio * 100, 1)} %`,
      ok: ratio === undefined ? null : ratio >= 0.5,
      db: label,
    });
    const half = run.pairs?.halfRate;
    if (half) {
      rows.push({
        name: 'p99 send → delivered at half the maximum rate',
        target: '≤ 25 ms',
        measured: `p99 ${fmt(half.latency.p99, 1)} ms (p50 ${fmt(half.latency.p50, 1)}) at ${fmt(half.deliveredPerSec)} msg/s`,
        ratio: ceiling ? `${fmt((half.deliveredPerSec / ceiling.deliveredPerSec) * 100, 1)} % of ceiling` : undefined,
        ok: half.latency.p99 <= 25,
        db: label,
      });
    }
  };
  pairsOf(main, main?.db ?? '');
  const durable = r.durableCeiling?.best;
  const pgBest = r.runs.find((x) => x.db === 'postgres')?.pairs?.best;
  if (durable && pgBest) {
    const ratio = pgBest.deliveredPerSec / durable.deliveredPerSec;
    rows.push({
      name: 'PostgreSQL pairs throughput ≥ 60 % of the durable relay',
      target: '≥ 60 %',
      measured: `${fmt(pgBest.deliveredPerSec)} msg/s (W=${pgBest.window}) vs durable relay ${fmt(durable.deliveredPerSec)} msg/s (W=${durable.window})`,
      ratio: `${fmt(ratio * 100, 1)} %`,
      ok: ratio >= 0.6,
      db: 'postgres',
    });
  }
  const receipts = main?.pairs?.receipts;
  if (receipts && main?.pairs?.best) {
    const plain = main.pairs.best;
    rows.push({
      name: 'receipts-on pairs (every receiver sends delivered + read)',
      target: 'reported',
      measured: `${fmt(receipts.deliveredPerSec)} msg/s (W=${receipts.window}) vs ${fmt(plain.deliveredPerSec)} without, p99 ${fmt(receipts.latency.p99, 1)} ms, ${fmt(receipts.otherEventsPerSec)} receipt events/s`,
      ratio: `${fmt((receipts.deliveredPerSec / plain.deliveredPerSec) * 100, 1)} % of receipts-off`,
      ok: null,
      db: main.db,
    });
  }
  const g = main?.groups;
  if (g?.run) {
    rows.push({
      name: `groups: ${g.groups} groups of ${g.members}, everyone sending (W=1)`,
      target: 'reported',
      measured: `${fmt(g.run.deliveredPerSec)} delivered/s (${fmt(g.run.ackedPerSec)} messages/s), p50 ${fmt(g.run.latency.p50, 1)} p99 ${fmt(g.run.latency.p99, 1)} ms`,
      ok: null,
      db: main!.db,
    });
  }
  const f = main?.fanout;
  if (f) {
    // The issue's target: 10,000 members of a broadcast group within 500 ms; smaller groups keep the older 250 ms.
    const limit = (f.members ?? 0) >= 10_000 ? 500 : 250;
    rows.push(
      f.skipped
        ? { name: 'fan-out, last member', target: `≤ ${limit} ms`, measured: `skipped: ${f.skipped}`, ok: null, db: main.db }
        : {
            name: `${fmt(f.members)}-member ${f.broadcast ? 'broadcast ' : ''}fan-out, last member`,
            target: `≤ ${limit} ms`,
            measured: `median ${fmt(f.lastMember!.p50, 1)} ms, worst ${fmt(f.lastMember!.max, 1)} ms over ${f.messages} messages`,
            ok: f.lastMember!.p50 <= limit,
            db: main.db,
          },
    );
  }
  const c = main?.connections;
  if (c) {
    rows.push({
      name: `RSS per idle connection at ${fmt(c.connected)} connections`,
      target: '≤ 8 KB at the most the machine holds',
      measured: `${fmt(c.bytesPerConnSlope / 1000, 1)} KB (slope; ${fmt(c.bytesPerConnTotal / 1000, 1)} KB total/N), ${fmt(c.connectsPerSec)} connects/s`,
      ok: c.bytesPerConnSlope <= 8_000,
      db: main.db,
    });
  }
  const s = main?.storm;
  if (s) {
    rows.push({
      name: `reconnect storm: ${fmt(s.clients)} clients × ${s.eventsPerClient} missed events in sync`,
      target: '≤ 10 s',
      measured: `${fmt(s.allInSyncMs / 1000, 2)} s (median client ${fmt(s.inSync.p50 / 1000, 2)} s)${s.wrong || s.failed ? `, ${s.wrong} wrong, ${s.failed} failed` : ''}`,
      ok: Number.isFinite(s.allInSyncMs) && s.wrong === 0 ? s.allInSyncMs <= 10_000 : false,
      db: main.db,
    });
  }
  const n = r.runs.find((x) => x.nodes)?.nodes;
  if (n?.one && n.many) {
    const growth = n.many.deliveredPerSec / n.one.deliveredPerSec;
    rows.push({
      name: `${n.nodes} nodes on one PostgreSQL + Redis, aggregate vs one node`,
      target: 'grows',
      measured: `${fmt(n.many.deliveredPerSec)} msg/s on ${n.nodes} nodes vs ${fmt(n.one.deliveredPerSec)} on one (W=${n.many.window}), p99 ${fmt(n.many.latency.p99, 1)} vs ${fmt(n.one.latency.p99, 1)} ms`,
      ratio: `× ${fmt(growth, 2)}`,
      ok: growth > 1,
      db: 'postgres',
    });
  } else if (n?.skipped)
    rows.push({
      name: `${n.nodes} nodes on one PostgreSQL + Redis`,
      target: 'grows',
      measured: `skipped: ${n.skipped}`,
      ok: null,
      db: 'postgres',
    });
  if (pglite && pglite !== main) pairsOf(pglite, 'pglite');
  const pb = pglite?.pairs?.best;
  if (pb) {
    rows.push({
      name: 'embedded PGlite pairs throughput',
      target: '≥ 5,000 msg/s',
      measured: `${fmt(pb.deliveredPerSec)} msg/s (W=${pb.window})`,
      ratio: ceiling ? `${fmt((pb.deliveredPerSec / ceiling.deliveredPerSec) * 100, 1)} % of ceiling` : undefined,
      ok: pb.deliveredPerSec >= 5000,
      db: 'pglite',
    });
  }
  const st = pglite?.storage;
  if (st) {
    rows.push({
      name: 'PGlite storage per 1,000 messages',
      target: 'reported (WAL bounded)',
      measured: `database ${fmt(st.databasePer1000 / 1e6, 2)} MB + WAL ${fmt(st.walPer1000 / 1e6, 2)} MB (WAL ${fmt(st.walBytes / 1e6)} MB in all, after ${fmt(st.messages)} messages)`,
      ok: null,
      db: 'pglite',
    });
  }
  return rows;
}
