import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { checkOutbound, pinnedLookup, type Lookup, type OutboundRules } from './outbound.js';

/** How a GET of a user-given URL is bounded. */
export interface BoundedGetOptions {
  allowed: readonly string[];
  lookup: Lookup;
  rules: OutboundRules;
  /** Redirects followed at most; each target is checked again. */
  maxRedirects: number;
  /** Body bytes at most: more fails the fetch. */
  maxBytes: number;
  /** The deadline for everything (every hop and the body), in ms. */
  timeoutMs: number;
  /** Whether a response's content type is wanted (checked before its body is read). */
  accepts(contentType: string): boolean;
  headers?: Record<string, string>;
}

export interface BoundedResponse {
  /** Where the body came from (after redirects). */
  url: URL;
  contentType: string;
  body: Buffer;
}

/** Why a bounded GET gave up; `OutboundRefused` (from the check) is thrown as is. */
export class FetchFailed extends Error {}

/**
 * GET of a URL a user wrote (a link preview's page or image). Every hop is checked by
 * `checkOutbound` and connected to the address it checked (`pinnedLookup`: no second resolution
 * a DNS rebinding could answer differently); redirects are followed by hand, each one checked again.
 */
export async function boundedGet(raw: string, o: BoundedGetOptions): Promise<BoundedResponse> {
  const deadline = AbortSignal.timeout(o.timeoutMs);
  let current = raw;
  for (let hop = 0; ; hop++) {
    const target = await checkOutbound(current, o.allowed, o.lookup, o.rules);
    const res = await getOnce(target, o, deadline);
    if (res.location === undefined) return { url: target.url, contentType: res.contentType, body: res.body! };
    if (hop >= o.maxRedirects) throw new FetchFailed(`more than ${o.maxRedirects} redirects`);
    current = new URL(res.location, target.url).href;
  }
}

interface Hop {
  location?: string;
  contentType: string;
  body?: Buffer;
}

function getOnce(target: Awaited<ReturnType<typeof checkOutbound>>, o: BoundedGetOptions, signal: AbortSignal): Promise<Hop> {
  const { url } = target;
  const secure = url.protocol === 'https:';
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return new Promise<Hop>((resolve, reject) => {
    if (signal.aborted) return reject(new FetchFailed(`no answer in ${o.timeoutMs} ms`));
    const request = (secure ? https : http).request(
      {
        method: 'GET',
        host,
        port: url.port || (secure ? 443 : 80),
        path: `${url.pathname}${url.search}`,
        headers: { 'user-agent': 'Parley-LinkPreview/1', accept: 'text/html, image/*;q=0.9', ...o.headers },
        lookup: pinnedLookup(target),
        agent: false,
        ...(secure && !net.isIP(host) ? { servername: host } : {}),
        signal,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400 && res.headers.location) {
          res.resume();
          return resolve({ location: res.headers.location, contentType: '' });
        }
        const contentType = (res.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
        if (status !== 200) return fail(res, `answered ${status}`);
        if (!o.accepts(contentType)) return fail(res, `content type ${contentType || 'missing'} not wanted`);
        if (Number(res.headers['content-length'] ?? 0) > o.maxBytes) return fail(res, `body over ${o.maxBytes} bytes`);
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > o.maxBytes) return fail(res, `body over ${o.maxBytes} bytes`);
          chunks.push(chunk);
        });
        res.on('end', () => resolve({ contentType, body: Buffer.concat(chunks) }));
        res.on('error', (err) => reject(signal.aborted ? new FetchFailed(`no answer in ${o.timeoutMs} ms`) : err));
      },
    );
    // Fails the fetch and closes the connection: the rest of the body is never read.
    const fail = (res: http.IncomingMessage, why: string) => {
      reject(new FetchFailed(why));
      res.destroy();
      request.destroy();
    };
    request.on('error', (err) => reject(signal.aborted ? new FetchFailed(`no answer in ${o.timeoutMs} ms`) : err));
    request.end();
  });
}
