import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { pinnedLookup, type OutboundTarget } from './outbound.js';

export interface OutboundResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
}

// Kept-alive connections: a push service gets many requests in a row.
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

/**
 * One request to a URL that `checkOutbound` let through, connected to the address it checked.
 * Redirects are answers like any other (never followed); the body of the answer is discarded.
 */
export function outboundRequest(
  target: OutboundTarget,
  req: { method: string; headers: Record<string, string | number>; body?: Buffer; timeoutMs: number },
): Promise<OutboundResponse> {
  const { url } = target;
  const secure = url.protocol === 'https:';
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return new Promise((resolve, reject) => {
    const request = (secure ? https : http).request(
      {
        method: req.method,
        host,
        port: url.port || (secure ? 443 : 80),
        path: `${url.pathname}${url.search}`,
        headers: req.headers,
        agent: agents[secure ? 'https:' : 'http:'],
        lookup: pinnedLookup(target),
        ...(secure && !net.isIP(host) ? { servername: host } : {}),
        timeout: req.timeoutMs,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
        res.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer from ${url.origin} in ${req.timeoutMs} ms`)));
    request.on('error', reject);
    request.end(req.body);
  });
}
