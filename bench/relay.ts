/**
 * The ceiling: a bare Socket.IO server with Parley's transport options and no database, no
 * auth, no validation. A client connects with `auth: { pair, side }` ('a' or 'b'); every
 * `message:send` is acked to the sender and emitted as `message:new` to the pair partner,
 * with a message object of the same shape (and so about the same bytes) as Parley's.
 * Run by bench/run.ts as a child process: `node --import tsx bench/relay.ts` (PORT, HOST).
 *
 * With DURABLE_URL (a PostgreSQL URL) it is the durable relay: every message is stored before
 * its ack, with group commit: one multi-row INSERT + COMMIT per batch into one table with one
 * primary key; sends that arrive while a batch is in flight queue and the next batch takes them all.
 */
import http from 'node:http';
import crypto from 'node:crypto';
import pg from 'pg';
import { Server } from 'socket.io';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 0);

const httpServer = http.createServer((_req, res) => {
  res.writeHead(404).end();
});
// The same options as src/realtime/server.ts.
const io = new Server(httpServer, {
  cors: { origin: true, credentials: true },
  maxHttpBufferSize: 2 * 1_048_576,
  perMessageDeflate: false,
  pingInterval: 20_000,
  pingTimeout: 20_000,
});

let eventId = 0;
let ids = 0;
/** Something shaped like a UUID v7, cheaply. */
const fakeId = () => `0190a5b2-0000-7000-8000-${(++ids).toString(16).padStart(12, '0')}`;

type Pending = { row: unknown[]; done: () => void };
const durableUrl = process.env.DURABLE_URL;
const db = durableUrl ? new pg.Pool({ connectionString: durableUrl, max: 1 }) : undefined;
let queue: Pending[] = [];
let inFlight = false;

/** Writes everything queued in one transaction, then acks it; loops while more arrived meanwhile. */
async function flush(): Promise<void> {
  if (inFlight || !queue.length || !db) return;
  inFlight = true;
  const batch = queue;
  queue = [];
  const values: unknown[] = [];
  const tuples = batch.map((p, i) => {
    values.push(...p.row);
    return `($${5 * i + 1}, $${5 * i + 2}, $${5 * i + 3}, $${5 * i + 4}, $${5 * i + 5})`;
  });
  const c = await db.connect();
  try {
    await c.query('begin');
    await c.query(`insert into messages (id, conversation_id, sender, body, created_at) values ${tuples.join(', ')}`, values);
    await c.query('commit');
  } finally {
    c.release();
  }
  for (const p of batch) p.done();
  inFlight = false;
  void flush();
}

/** Runs `done` now (bare relay) or once the message is committed (durable relay). */
function store(row: unknown[], done: () => void): void {
  if (!db) return done();
  queue.push({ row, done });
  void flush().catch((err) => {
    console.error(`durable relay: ${String(err)}`);
    process.exit(1);
  });
}

io.on('connection', (socket) => {
  const auth = socket.handshake.auth as { pair?: unknown; side?: unknown };
  const pair = typeof auth.pair === 'string' ? auth.pair : socket.id;
  const side = auth.side === 'b' ? 'b' : 'a';
  const senderId = fakeId();
  void socket.join(`pair:${pair}:${side}`);
  const partner = `pair:${pair}:${side === 'a' ? 'b' : 'a'}`;
  let seq = 0;
  socket.on('message:send', (payload: { conversationId?: string; text?: string; clientMessageId?: string }, ack?: (r: unknown) => void) => {
    const message = {
      id: fakeId(),
      conversationId: payload?.conversationId ?? pair,
      seq: ++seq,
      senderId,
      clientMessageId: payload?.clientMessageId ?? null,
      type: 'text',
      text: payload?.text ?? null,
      media: [],
      replyTo: null,
      reactions: [],
      status: 'sent',
      encrypted: false,
      editedAt: null,
      deletedAt: null,
      createdAt: new Date().toISOString(),
    };
    const row = db ? [crypto.randomUUID(), message.conversationId, senderId, JSON.stringify(message), message.createdAt] : [];
    store(row, () => {
      socket.to(partner).emit('message:new', { message, eventId: ++eventId });
      ack?.({ ok: true, message });
    });
  });
});

const ready = db
  ? db.query(
      'create table if not exists messages (id uuid primary key, conversation_id text, sender text, body jsonb, created_at timestamptz)',
    )
  : Promise.resolve();

void ready.then(() =>
  httpServer.listen(port, host, () => {
    const address = httpServer.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    if (process.send) process.send({ ready: true, port: actual });
    else console.log(`relay listening on http://${host}:${actual}`);
  }),
);

const stop = () => void io.close(() => void (db?.end() ?? Promise.resolve()).finally(() => process.exit(0)));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
// Started by the harness: go when it goes.
process.on('disconnect', stop);
