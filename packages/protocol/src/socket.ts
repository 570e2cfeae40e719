import type { Ack } from './errors.js';
import type { AckData, ClientEventName, ClientPayload } from './clientEvents.js';
import type { ServerEventName, ServerPayload } from './serverEvents.js';

/**
 * Socket.IO's event maps: `Server<ClientToServerEvents, ServerToClientEvents>` on the server,
 * `Socket<ServerToClientEvents, ClientToServerEvents>` in a client.
 */
export type ClientToServerEvents = {
  [E in ClientEventName]: (payload: ClientPayload<E>, ack: (response: Ack<AckData<E>>) => void) => void;
};
export type ServerToClientEvents = {
  [E in ServerEventName]: (payload: ServerPayload<E>) => void;
};

/** The handshake's auth payload. A bad or expired token fails with a connect_error whose message is the code. */
export interface HandshakeAuth {
  token: string;
  /**
   * Also send this socket the stored events it caused (by default they go only to the user's
   * other sockets, the acting one learns from its ack). A client that keeps one ordered stream
   * of everything (the SDK, @parley/client) sets it.
   */
  echo?: boolean;
}
