import type { ParleyServer } from './types.js';
import type { SessionSockets } from '../context.js';
import { sessionRoom } from './rooms.js';

/** A revoked session's sockets are closed at once, on every node (through the adapter, not io.local). */
export function socketSessions(io: ParleyServer): SessionSockets {
  return { disconnect: (sessionId) => io.in(sessionRoom(sessionId)).disconnectSockets(true) };
}
