/**
 * The ceiling: a bare Socket.IO server with Parley's transport options and no database, no
 * auth, no validation. A client connects with `auth: { pair, side }` ('a' or 'b'); every
 * `message:send` is acked to the sender and emitted as `message:new` to the pair partner,
 * with a message object of the same shape (and so about the same bytes) as Parley's.
 * Run by bench/run.ts as a child process: `node --import tsx bench/relay.ts` (PORT, HOST).
 */
import http from 'node:http';
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
    socket.to(partner).emit('message:new', { message, eventId: ++eventId });
    ack?.({ ok: true, message });
  });
});

httpServer.listen(port, host, () => {
  const address = httpServer.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  if (process.send) process.send({ ready: true, port: actual });
  else console.log(`relay listening on http://${host}:${actual}`);
});

const stop = () => void io.close(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
// Started by the harness: go when it goes.
process.on('disconnect', stop);
