import type { ClientToServerEvents, ServerToClientEvents } from '@parley/protocol';
import type { Server, Socket } from 'socket.io';

/** What a socket carries once its handshake passed. */
export interface SocketData {
  userId: string;
  sessionId: string;
  /** HandshakeAuth.echo: this socket also hears the stored events it causes. */
  echo: boolean;
  /** Calls this socket started or answered: they end (`disconnected`) when it goes (src/realtime/calls.ts). */
  calls?: string[];
}

/** The socket server and its sockets, typed by the protocol's event maps (@parley/protocol). */
export type ParleyServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type ParleySocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
