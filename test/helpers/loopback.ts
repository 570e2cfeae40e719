import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** An HTTP server for a stand-in, on 127.0.0.1 and a free port. */
export interface Loopback {
  server: http.Server;
  origin: string;
  close(): Promise<void>;
}

export async function listenOnLoopback(handle: (req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<Loopback> {
  const server = http.createServer(handle);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    server,
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
