import type { ParleyServer } from './types.js';
import type { SessionSockets } from '../context.js';
import { sessionRoom } from './rooms.js';

/**
 * A revoked session's sockets are closed at once, on every node (through the adapter, not io.local).
 * `clustered`: nodes share the Redis adapter, so counting asks every node (a node that does not answer
 * in time makes it fall back to this node's count, and say so).
 */
export function socketSessions(io: ParleyServer, clustered = false): SessionSockets {
  const here = () => ({ connected: io.of('/').sockets.size, scope: 'node' as const });
  return {
    disconnect: (sessionId) => io.in(sessionRoom(sessionId)).disconnectSockets(true),
    anyConnected: async (socketIds) => {
      if (socketIds.length === 0) return false;
      try {
        return (await io.in(socketIds).fetchSockets()).length > 0;
      } catch {
        return true;
      }
    },
    connected: async () => {
      if (!clustered) return here();
      try {
        return { connected: (await io.fetchSockets()).length, scope: 'cluster' };
      } catch {
        return here();
      }
    },
  };
}
