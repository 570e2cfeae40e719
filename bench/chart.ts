/**
 * Renders a results JSON into docs/benchmarks/*.svg (hand-written SVG, no dependencies) and
 * into the generated block of docs/benchmarks.md (between the bench:results markers).
 * Usage: node --import tsx bench/chart.ts bench/results/<file>.json
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { allPairsFigures, type PairsFigures, type Results } from './context.js';
import { repoDir } from './server.js';
import { perConnection } from './stats.js';
import { computeTargets } from './targets.js';

const W = 760;
const COLORS = { relay: '#7a7a7a', postgres: '#2b6cb0', pglite: '#d97706', target: '#c53030', light: '#9cb8d9', heap: '#38a169' };
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const num = (v: number, digits = 0) =>
  Number.isFinite(v) ? v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '—';

function niceStep(range: number, count: number): number {
  const raw = range / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const f = raw / mag;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * mag;
}

function frame(title: string, subtitle: string, height: number, body: string): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${height}" viewBox="0 0 ${W} ${height}" font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif" font-size="12">`,
    `<rect width="${W}" height="${height}" fill="#ffffff"/>`,
    `<text x="16" y="24" font-size="15" font-weight="600" fill="#1a202c">${esc(title)}</text>`,
    `<text x="16" y="42" fill="#4a5568">${esc(subtitle)}</text>`,
    body,
    '</svg>',
    '',
  ].join('\n');
}

interface Series {
  name: string;
  points: [number, number][];
  color: string;
  width?: number;
  dash?: string;
  legend?: boolean;
}

/** A line chart with linear axes, optional vertical and sloped reference lines. */
function lineChart(o: {
  title: string;
  subtitle: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
  xMax?: number;
  yMax?: number;
  vlines?: { x: number; label: string; color: string }[];
  xFormat?: (v: number) => string;
  yFormat?: (v: number) => string;
}): string {
  const H = 400;
  const m = { l: 70, r: 24, t: 64, b: 56 };
  const pw = W - m.l - m.r;
  const ph = H - m.t - m.b;
  const all = o.series.flatMap((s) => s.points);
  const xMax = o.xMax ?? Math.max(1e-9, ...all.map((p) => p[0]), ...(o.vlines ?? []).map((v) => v.x));
  const yMax = o.yMax ?? Math.max(1e-9, ...all.map((p) => p[1])) * 1.08;
  const X = (v: number) => m.l + (Math.min(v, xMax) / xMax) * pw;
  const Y = (v: number) => m.t + ph - (Math.min(v, yMax) / yMax) * ph;
  const xf = o.xFormat ?? ((v: number) => num(v));
  const yf = o.yFormat ?? ((v: number) => num(v));
  const parts: string[] = [];
  const xs = niceStep(xMax, 8);
  for (let v = 0; v <= xMax + 1e-9; v += xs) {
    parts.push(`<line x1="${X(v)}" y1="${m.t}" x2="${X(v)}" y2="${m.t + ph}" stroke="#edf2f7"/>`);
    parts.push(`<text x="${X(v)}" y="${m.t + ph + 16}" text-anchor="middle" fill="#4a5568">${esc(xf(v))}</text>`);
  }
  const ys = niceStep(yMax, 6);
  for (let v = 0; v <= yMax + 1e-9; v += ys) {
    parts.push(`<line x1="${m.l}" y1="${Y(v)}" x2="${m.l + pw}" y2="${Y(v)}" stroke="#edf2f7"/>`);
    parts.push(`<text x="${m.l - 6}" y="${Y(v) + 4}" text-anchor="end" fill="#4a5568">${esc(yf(v))}</text>`);
  }
  parts.push(`<rect x="${m.l}" y="${m.t}" width="${pw}" height="${ph}" fill="none" stroke="#a0aec0"/>`);
  for (const v of o.vlines ?? []) {
    if (v.x > xMax) continue;
    parts.push(
      `<line x1="${X(v.x)}" y1="${m.t}" x2="${X(v.x)}" y2="${m.t + ph}" stroke="${v.color}" stroke-dasharray="6 4" stroke-width="1.5"/>`,
    );
    parts.push(`<text x="${X(v.x) - 4}" y="${m.t + 14}" text-anchor="end" fill="${v.color}">${esc(v.label)}</text>`);
  }
  for (const s of o.series) {
    if (!s.points.length) continue;
    const d = s.points.map((p, i) => `${i ? 'L' : 'M'}${X(p[0]).toFixed(1)},${Y(p[1]).toFixed(1)}`).join(' ');
    parts.push(
      `<path d="${d}" fill="none" stroke="${s.color}" stroke-width="${s.width ?? 2}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`,
    );
  }
  let lx = m.l + 8;
  for (const s of o.series.filter((x) => x.legend !== false)) {
    parts.push(
      `<line x1="${lx}" y1="${H - 14}" x2="${lx + 18}" y2="${H - 14}" stroke="${s.color}" stroke-width="3"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`,
    );
    parts.push(`<text x="${lx + 24}" y="${H - 10}" fill="#2d3748">${esc(s.name)}</text>`);
    lx += 34 + s.name.length * 6.6;
  }
  parts.push(`<text x="${m.l + pw / 2}" y="${m.t + ph + 34}" text-anchor="middle" fill="#2d3748">${esc(o.xLabel)}</text>`);
  parts.push(`<text transform="translate(16 ${m.t + ph / 2}) rotate(-90)" text-anchor="middle" fill="#2d3748">${esc(o.yLabel)}</text>`);
  return frame(o.title, o.subtitle, H, parts.join('\n'));
}

/** Horizontal bars on a log scale (values spanning several orders of magnitude). */
function logBars(o: {
  title: string;
  subtitle: string;
  unit: string;
  rows: { label: string; value: number; color: string; note?: string }[];
  min: number;
  max: number;
  marker?: { value: number; label: string };
}): string {
  const m = { l: 190, r: 150, t: 64, b: 40 };
  const rowH = 24;
  const H = m.t + o.rows.length * rowH + m.b;
  const pw = W - m.l - m.r;
  const lo = Math.log10(o.min);
  const hi = Math.log10(o.max);
  const X = (v: number) => m.l + ((Math.log10(Math.max(o.min, v)) - lo) / (hi - lo)) * pw;
  const parts: string[] = [];
  for (let e = Math.ceil(lo); e <= Math.floor(hi); e++) {
    const v = 10 ** e;
    parts.push(`<line x1="${X(v)}" y1="${m.t - 4}" x2="${X(v)}" y2="${H - m.b}" stroke="#e2e8f0"/>`);
    parts.push(`<text x="${X(v)}" y="${H - m.b + 16}" text-anchor="middle" fill="#4a5568">${esc(num(v))}</text>`);
  }
  o.rows.forEach((r, i) => {
    const y = m.t + i * rowH;
    parts.push(`<text x="${m.l - 8}" y="${y + 15}" text-anchor="end" fill="#2d3748">${esc(r.label)}</text>`);
    if (Number.isFinite(r.value) && r.value > 0) {
      parts.push(
        `<rect x="${m.l}" y="${y + 4}" width="${Math.max(1, X(r.value) - m.l).toFixed(1)}" height="${rowH - 8}" fill="${r.color}"/>`,
      );
    }
    parts.push(
      `<text x="${Math.max(m.l, X(r.value)) + 6}" y="${y + 15}" fill="#1a202c">${esc(`${num(r.value, r.value < 10 ? 1 : 0)}${r.note ? `  ${r.note}` : ''}`)}</text>`,
    );
  });
  if (o.marker) {
    parts.push(
      `<line x1="${X(o.marker.value)}" y1="${m.t - 8}" x2="${X(o.marker.value)}" y2="${H - m.b}" stroke="${COLORS.target}" stroke-dasharray="6 4" stroke-width="1.5"/>`,
    );
    parts.push(`<text x="${X(o.marker.value) + 4}" y="${m.t - 10}" fill="${COLORS.target}">${esc(o.marker.label)}</text>`);
  }
  parts.push(`<text x="${m.l + pw / 2}" y="${H - 8}" text-anchor="middle" fill="#2d3748">${esc(o.unit)} (log scale)</text>`);
  return frame(o.title, o.subtitle, H, parts.join('\n'));
}

const colorOf = (target: string) =>
  target.startsWith('relay') || target.startsWith('durable relay')
    ? COLORS.relay
    : target.startsWith('pglite')
      ? COLORS.pglite
      : COLORS.postgres;
const barNote = (f: PairsFigures) => {
  if (f.target === 'relay') return '(ceiling)';
  if (f.target === 'durable relay') return '(durable reference)';
  const parts = [
    f.ratioToCeiling === undefined ? '' : `${num(f.ratioToCeiling * 100, 1)} % of ceiling`,
    f.ratioToDurable === undefined ? '' : `${num(f.ratioToDurable * 100, 1)} % of durable`,
  ];
  return parts.filter(Boolean).join(', ');
};
const loadLabel = (f: PairsFigures) => (f.mode === 'closed' ? `W=${f.window}` : `open ${num(f.offeredRate ?? NaN)}/s`);

export function renderCharts(r: Results): Record<string, string> {
  const out: Record<string, string> = {};
  const pairs = [
    ...(r.ceiling?.runs ?? []),
    ...(r.durableCeiling?.runs ?? []),
    ...r.runs.flatMap((x) => [...(x.pairs?.runs ?? []), ...(x.nodes?.one ? [x.nodes.one] : []), ...(x.nodes?.many ? [x.nodes.many] : [])]),
  ];
  if (pairs.length) {
    const p0 = pairs[0]!;
    const values = pairs.map((f) => f.deliveredPerSec).filter((v) => v > 0);
    out['pairs.svg'] = logBars({
      title: 'pairs: delivered messages per second',
      subtitle: `${p0.pairs} direct pairs (${p0.clients} clients, both sides send), closed loop, W messages in flight per client`,
      unit: 'messages/s',
      rows: pairs.map((f) => ({
        label: `${f.target} ${loadLabel(f)}`,
        value: f.deliveredPerSec,
        color: colorOf(f.target),
        note: barNote(f),
      })),
      min: 10 ** Math.floor(Math.log10(Math.min(...values, 100))),
      max: 10 ** Math.ceil(Math.log10(Math.max(...values) * 1.05)),
    });
    const lat = [...pairs, ...r.runs.flatMap((x) => (x.pairs?.halfRate ? [x.pairs.halfRate] : []))];
    const rows = lat.flatMap((f) => [
      { label: `${f.target} ${loadLabel(f)} p50`, value: f.latency.p50, color: colorOf(f.target) },
      { label: 'p99', value: f.latency.p99, color: colorOf(f.target), note: f.mode === 'open' ? `(${num(f.deliveredPerSec)} msg/s)` : '' },
    ]);
    const lv = rows.map((x) => x.value).filter((v) => v > 0);
    out['pairs-latency.svg'] = logBars({
      title: 'pairs: send → delivered latency (ms)',
      subtitle: 'closed-loop runs at full load, and the open-loop run at half the best rate (the 25 ms p99 target applies there)',
      unit: 'milliseconds',
      rows,
      min: 10 ** Math.floor(Math.log10(Math.min(...lv, 1))),
      max: 10 ** Math.ceil(Math.log10(Math.max(...lv, 30) * 1.05)),
      marker: { value: 25, label: 'target p99 ≤ 25 ms' },
    });
  }
  for (const run of r.runs) {
    const f = run.fanout;
    if (f && !f.skipped && f.cdf?.length) {
      const median = [...f.cdf].sort((a, b) => a.at(-1)! - b.at(-1)!)[Math.floor(f.cdf.length / 2)]!;
      const toPoints = (q: number[]) => q.map((v, i) => [v, (i / (q.length - 1)) * 100] as [number, number]);
      out['fanout.svg'] = lineChart({
        title: `fan-out: one message to a ${num(f.members!)}-member group (${run.db})`,
        subtitle: `share of the ${num(f.members! - 1)} other members that have it, by ms since send; ${f.messages} messages (thin), median one (bold)`,
        xLabel: 'ms since send',
        yLabel: '% of members that have it',
        series: [
          ...f.cdf.map((q, i) => ({ name: 'each message', points: toPoints(q), color: COLORS.light, width: 1, legend: i === 0 })),
          {
            name: `median message: last member after ${num(median.at(-1)!, 1)} ms`,
            points: toPoints(median),
            color: COLORS.postgres,
            width: 2.5,
          },
        ],
        yMax: 100,
        xMax: Math.max(275, Math.max(...f.lastMemberMs!) * 1.1),
        vlines: [{ x: 250, label: 'target 250 ms', color: COLORS.target }],
      });
    }
    const c = run.connections;
    if (c) {
      const base = c.points[0]!;
      const lastX = c.points.at(-1)!.connected;
      out['connections.svg'] = lineChart({
        title: `connections: server memory with N idle authenticated sockets (${run.db})`,
        subtitle: `${num(c.bytesPerConnSlope / 1000, 1)} KB RSS per connection (slope); JS heap used +${num(c.heapBytesPerConn / 1000, 1)} KB per connection; ${num(c.connectsPerSec)} connects/s; forced GC at each step`,
        xLabel: 'connected sockets',
        yLabel: 'MiB',
        series: [
          { name: 'RSS', points: c.points.map((p) => [p.connected, p.rssKiB / 1024]), color: COLORS.postgres, width: 2.5 },
          { name: 'JS heap used', points: c.points.map((p) => [p.connected, p.heapUsedKiB / 1024]), color: COLORS.heap },
          {
            name: 'target: 12 KB per connection',
            points: [
              [0, base.rssKiB / 1024],
              [lastX, (base.rssKiB * 1024 + 12_000 * lastX) / 1024 / 1024],
            ],
            color: COLORS.target,
            dash: '6 4',
            width: 1.5,
          },
        ],
        yMax: (Math.max(...c.points.map((p) => p.rssKiB), base.rssKiB + (12_000 * lastX) / 1024) / 1024) * 1.1,
      });
    }
    const s = run.storm;
    if (s) {
      out['storm.svg'] = lineChart({
        title: `reconnect storm: ${num(s.clients)} clients reconnect ${s.spreadMs ? `within ${num(s.spreadMs)} ms` : 'at once'} and sync ${s.eventsPerClient} missed events (${run.db})`,
        subtitle: `all in sync after ${num(s.allInSyncMs / 1000, 2)} s (median client ${num(s.inSync.p50 / 1000, 2)} s); server CPU ${num(s.resources.serverCpuPct)} %, PostgreSQL ${num(s.resources.postgresCpuPct)} % of one core`,
        xLabel: 'seconds since the storm began',
        yLabel: 'clients in sync',
        series: [
          { name: 'clients connected', points: (s.connectedCurve ?? []).map(([t, n]) => [t / 1000, n]), color: COLORS.light, width: 2 },
          { name: 'clients in sync', points: s.curve.map(([t, n]) => [t / 1000, n]), color: COLORS.postgres, width: 2.5 },
        ],
        xMax: Math.max(16, (s.curve.at(-1)?.[0] ?? 0) / 1000 + 1),
        yMax: s.clients * 1.05,
        vlines: [{ x: 15, label: 'target 15 s', color: COLORS.target }],
        xFormat: (v) => num(v, 0),
      });
    }
  }
  return out;
}

/** The generated Markdown: targets, pairs table, scenario figures, profile. */
export function renderMarkdown(r: Results, svgDir = 'benchmarks'): string {
  const L: string[] = [];
  const m = r.machine;
  L.push(`Run ${r.startedAt} → ${r.finishedAt}, server at \`${r.serverCommit}\`.`);
  L.push('');
  L.push(
    `- Machine: ${m.nproc} × ${m.cpuModel} (${num(Number(m.cpuMHz))} MHz), ${m.memoryGiB} GiB, Linux ${m.kernel}, open-files limit ${m.openFilesLimit}`,
  );
  L.push(
    `- Node ${m.node}${m.postgres ? `; ${m.postgres}` : ''}; PGlite ${m.pglite ?? '(version not recorded)'} (in-process, DATA_DIR on disk)`,
  );
  L.push(`- Command: \`${r.command}\``);
  L.push(`- Load: ${r.options.workers} load-generator processes; the server, PostgreSQL and the load generator share the ${m.nproc} cores`);
  L.push('');
  L.push('### Targets');
  L.push('');
  L.push('| target | database | wanted | measured | ratio to ceiling | met |');
  L.push('|---|---|---|---|---|---|');
  for (const t of r.targets)
    L.push(`| ${t.name} | ${t.db} | ${t.target} | ${t.measured} | ${t.ratio ?? ''} | ${t.ok === null ? 'n/a' : t.ok ? 'yes' : '**no**'} |`);
  const pairs = allPairsFigures(r);
  if (pairs.length) {
    L.push('');
    L.push('### Pairs');
    L.push('');
    L.push(`![pairs throughput](${svgDir}/pairs.svg)`);
    L.push('');
    L.push(`![pairs latency](${svgDir}/pairs-latency.svg)`);
    L.push('');
    const other = pairs.some((f) => f.otherEventsPerSec !== undefined);
    L.push(
      `| server | load | delivered/s | acked/s |${other ? ' other events/s |' : ''} of ceiling | p50 ms | p95 ms | p99 ms | server CPU % | server RSS MiB | PostgreSQL CPU % | server µs/msg | PostgreSQL µs/msg | load gen. CPU % | other CPU % | errors |`,
    );
    L.push(`|---|---|---|---|${other ? '---|' : ''}---|---|---|---|---|---|---|---|---|---|---|---|`);
    for (const f of pairs) {
      L.push(
        `| ${f.target} | ${loadLabel(f)} | ${num(f.deliveredPerSec)} | ${num(f.ackedPerSec)} |${other ? ` ${f.otherEventsPerSec === undefined ? '' : num(f.otherEventsPerSec)} |` : ''} ${f.ratioToCeiling === undefined ? '' : `${num(f.ratioToCeiling * 100, 1)} %`}${f.ratioToDurable === undefined ? '' : ` (durable relay ${num(f.ratioToDurable * 100, 1)} %)`} | ${num(f.latency.p50, 1)} | ${num(f.latency.p95, 1)} | ${num(f.latency.p99, 1)} | ${num(f.resources.serverCpuPct)} | ${num(f.resources.serverRssMiB)} | ${num(f.resources.postgresCpuPct)} | ${num(f.cpuPerMessageUs?.server ?? NaN)} | ${num(f.cpuPerMessageUs?.postgres ?? NaN)} | ${num(f.resources.loadgenCpuPct)} | ${num(f.resources.otherPct)} | ${f.errors || ''} |`,
      );
    }
    L.push('');
    L.push(
      'CPU is in % of one core (200 % is the whole machine); µs/msg is that CPU divided by the messages acked (a message delivered to a group counts once). In the nodes rows the server columns are the sum over the nodes. "Other" is every process outside the run (the machine is shared); near 0 means a clean measurement. Latency is send → `message:new` at the partner. "Other events" are what the clients received besides `message:new` (in Parley, the `message:status` read receipts that sending causes: writing in a chat reads the partner\'s messages).',
    );
  }
  pushMarkdown(r, L);
  for (const run of r.runs) {
    const f = run.fanout;
    if (f) {
      L.push('');
      L.push(`### Fan-out (${run.db})`);
      L.push('');
      if (f.skipped) L.push(`Skipped: ${f.skipped}.`);
      else {
        L.push(`![fan-out](${svgDir}/fanout.svg)`);
        L.push('');
        L.push(
          `${num(f.members!)} members (the sender and ${num(f.members! - 1)} receivers, all online), ${f.messages} messages one after another: ` +
            `the last member had each message after a median ${num(f.lastMember!.p50, 1)} ms (p95 ${num(f.lastMember!.p95, 1)} ms, worst ${num(f.lastMember!.max, 1)} ms); ` +
            `the first member after a median ${num(median(f.firstMemberMs!), 1)} ms; the sender's ack after a median ${num(median(f.ackMs!), 1)} ms.` +
            (f.missing ? ` ${f.missing} receipts did not arrive within 10 s.` : ''),
        );
      }
    }
    const c = run.connections;
    if (c) {
      L.push('');
      L.push(`### Connections (${run.db})`);
      L.push('');
      L.push(`![connections](${svgDir}/connections.svg)`);
      L.push('');
      L.push(
        `${num(c.connected)} idle authenticated sockets (${num(c.users)} users, up to ${c.socketsPerUser} sockets each, as devices), ${c.failed} failed: ` +
          `**${num(c.bytesPerConnSlope / 1000, 1)} KB RSS per connection** (least-squares slope of RSS over the ${c.points.length - 1} steps, without the point before them: the server ` +
          `returns memory the earlier scenarios left while the first sockets connect; ` +
          `${num(c.bytesPerConnTotal / 1000, 1)} KB as total growth / N, from that point); the JS heap in use grew ${num(c.heapBytesPerConn / 1000, 1)} KB per connection. ` +
          `${num(c.connectsPerSec)} connects/s (64 handshakes in flight per load process; connect p50 ${num(c.connectLatency.p50)} ms, p99 ${num(c.connectLatency.p99)} ms).`,
      );
      if (c.limitNote) L.push('', `Note: ${c.limitNote}.`);
    }
    const s = run.storm;
    if (s) {
      L.push('');
      L.push(`### Reconnect storm (${run.db})`);
      L.push('');
      L.push(`![reconnect storm](${svgDir}/storm.svg)`);
      L.push('');
      L.push(
        `${num(s.clients)} clients, each in a direct chat with one of ${s.partners} partners who sent ${s.eventsPerClient} messages into it while it was away ` +
          `(setup: ${num(s.clients * s.eventsPerClient)} messages in ${num(s.setupSendMs / 1000, 1)} s, ${num(s.setupMessagesPerSec)} msg/s). ` +
          `All reconnect ${s.spreadMs ? `within ${num(s.spreadMs)} ms` : 'at once'} and page \`sync:request\` from their last eventId: **all in sync after ${num(s.allInSyncMs / 1000, 2)} s** ` +
          `(median client ${num(s.inSync.p50 / 1000, 2)} s, p99 ${num(s.inSync.p99 / 1000, 2)} s; connected: median ${num(s.connected.p50 / 1000, 2)} s, p99 ${num(s.connected.p99 / 1000, 2)} s). ` +
          `${s.pages} sync pages, ${s.wrong} clients with a wrong event count, ${s.failed} failed, ${s.connectErrors} connect errors; ` +
          `${num(s.listenOverflows ?? NaN)} connection attempts were dropped by a full accept queue (TcpExt ListenOverflows, machine-wide) and retried by the kernel. ` +
          `Server CPU ${num(s.resources.serverCpuPct)} %, PostgreSQL ${num(s.resources.postgresCpuPct)} %, load generator ${num(s.resources.loadgenCpuPct)} % of one core.`,
      );
    }
  }
  for (const run of r.runs) {
    for (const f of run.failures ?? []) L.push('', `**${run.db} ${f.scenario} failed:** \`${f.error.split('\n')[0]}\``);
  }
  if (r.failure) L.push('', `**The run stopped early:** \`${r.failure.split('\n')[0]}\``);
  for (const run of r.runs) {
    const p = run.pairs?.profile;
    if (!p) continue;
    L.push('');
    L.push(`### Server CPU profile under the pairs load (${run.db})`);
    L.push('');
    L.push(
      `\`${p.path}\`: ${num(p.totalMs)} ms busy and ${num(p.idleMs)} ms idle main-thread time sampled. Top ${p.top.length} functions by self time (% of busy time):`,
    );
    L.push('');
    L.push('| # | self % | self ms | function | where |');
    L.push('|---|---|---|---|---|');
    p.top.forEach((t, i) =>
      L.push(`| ${i + 1} | ${num(t.selfPct, 1)} | ${num(t.selfMs)} | \`${t.functionName}\` | ${t.url ? `\`${t.url}:${t.line}\`` : ''} |`),
    );
    L.push('');
    L.push(
      `By package: ${p.byPackage
        .slice(0, 10)
        .map((b) => `${b.name} ${num(b.selfPct, 1)} %`)
        .join(', ')}.`,
    );
  }
  return L.join('\n');
}

const PUSH_COLUMNS = [
  'server',
  'load',
  'to offline/s',
  'pushed / sent',
  'pushes/s',
  'p50 ms',
  'p95 ms',
  'p99 ms',
  'max ms',
  'online delivered/s',
  'online p50 ms',
  'online p99 ms',
  'server CPU %',
  'PostgreSQL CPU %',
  'load gen. CPU %',
  'other CPU %',
];

const PUSH_NOTE = [
  'In every other pair the receiver has a Web Push device and no socket, and only the sender sends (closed loop, W in flight).',
  "Latency is send → the push's arrival at the bench's push service on loopback (≈ the push leaving the server), for the",
  'messages sent in the measured window that were pushed: the server turns a burst in one conversation into one push per',
  'device, so "pushed / sent" is well under 100 %. "Online" is the other half in the same run, send → `message:new`. The push',
  'service runs in the orchestrator, whose CPU is in "load gen.".',
].join(' ');

/** The push scenario's table (one row per database), when the run had it. */
function pushMarkdown(r: Results, L: string[]): void {
  const rows = r.runs.flatMap((x) => (x.push ? [x.push] : []));
  if (!rows.length) return;
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  L.push('', '### Push (half the receivers offline)', '', line(PUSH_COLUMNS), `|${PUSH_COLUMNS.map(() => '---').join('|')}|`);
  for (const p of rows) {
    const { match: m, resources: res, online } = p;
    L.push(
      line([
        p.target,
        `${p.pairs} pairs (${p.offlinePairs} offline), W=${p.window}`,
        num(p.sentToOfflinePerSec),
        `${num(m.pushed)} / ${num(m.sent)} (${num((m.pushed / m.sent) * 100, 1)} %)`,
        num(m.pushesPerSec),
        ...[m.latency.p50, m.latency.p95, m.latency.p99, m.latency.max].map((v) => num(v, 1)),
        num(online.deliveredPerSec),
        num(online.latency.p50, 1),
        num(online.latency.p99, 1),
        ...[res.serverCpuPct, res.postgresCpuPct, res.loadgenCpuPct, res.otherPct].map((v) => num(v)),
      ]),
    );
  }
  L.push('', PUSH_NOTE);
  for (const p of rows.filter((x) => x.match.lastWithoutPush || x.rejected))
    L.push('', `**${p.target}:** ${p.match.lastWithoutPush} conversations' last message got no push, ${p.rejected} pushes refused.`);
}

const median = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)]! : NaN;
};

export const START = '<!-- bench:results:start (generated by bench/chart.ts; do not edit by hand) -->';
export const END = '<!-- bench:results:end -->';

/** Writes the SVGs and the generated block of docs/benchmarks.md; returns the files written. */
export function renderDocs(r: Results, docsDir = path.join(repoDir, 'docs')): string[] {
  const svgDir = path.join(docsDir, 'benchmarks');
  fs.mkdirSync(svgDir, { recursive: true });
  const written: string[] = [];
  for (const [name, svg] of Object.entries(renderCharts(r))) {
    const file = path.join(svgDir, name);
    fs.writeFileSync(file, svg);
    written.push(file);
  }
  const doc = path.join(docsDir, 'benchmarks.md');
  const block = `${START}\n${renderMarkdown(r)}\n${END}`;
  const text = fs.existsSync(doc) ? fs.readFileSync(doc, 'utf8') : `# Benchmarks\n\n${START}\n${END}\n`;
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) {
    const side = path.join(docsDir, 'benchmarks.generated.md');
    fs.writeFileSync(side, `${block}\n`);
    written.push(side);
  } else {
    fs.writeFileSync(doc, text.slice(0, a) + block + text.slice(b + END.length));
    written.push(doc);
  }
  return written;
}

/**
 * Later runs' scenarios added to a first one, by database (a scenario of a later run replaces the
 * first's; its failure entries go); `commands` lists every run's command, for the docs.
 */
export function mergeResults(first: Results, ...later: Results[]): Results {
  const merged: Results = structuredClone(first);
  for (const r of later) {
    merged.command += ` + ${r.command}`;
    for (const run of r.runs) {
      const into = merged.runs.find((x) => x.db === run.db);
      if (!into) {
        merged.runs.push(run);
        continue;
      }
      const { db: _db, setup: _setup, serverLogLines: _lines, serverLogTail: _tail, failures: _failures, ...scenarios } = run;
      Object.assign(into, scenarios);
      into.failures = into.failures?.filter((f) => !(f.scenario in scenarios));
    }
  }
  // Results written before the slopes left out the point before the first step are read the same way.
  for (const run of merged.runs) {
    if (!run.connections) continue;
    const slopes = perConnection(run.connections.points);
    run.connections.bytesPerConnSlope = slopes.rss;
    run.connections.heapBytesPerConn = slopes.heap;
  }
  merged.targets = computeTargets(merged);
  return merged;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = process.argv.slice(2);
  if (!files.length) {
    console.error('usage: node --import tsx bench/chart.ts bench/results/<file>.json [<later run>.json …]');
    process.exit(2);
  }
  const [first, ...later] = files.map((f) => JSON.parse(fs.readFileSync(f, 'utf8')) as Results);
  const written = renderDocs(mergeResults(first!, ...later));
  console.log(written.map((w) => path.relative(process.cwd(), w)).join('\n'));
}
