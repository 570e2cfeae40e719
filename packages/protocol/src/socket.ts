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
}
