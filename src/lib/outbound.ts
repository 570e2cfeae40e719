import dns from 'node:dns';
import net from 'node:net';

/**
 * Outbound URL safety. A URL a user hands the server to call (a push endpoint, a webhook) is an
 * SSRF surface: it could name the metadata service, a database on the private network, or
 * localhost. Only https to public unicast addresses is called, unless the URL starts with a
 * prefix of `OUTBOUND_ALLOWED_URLS`. The host is resolved once and the connection is made to the
 * address that was checked (`pinnedLookup`), so DNS cannot answer differently between the
 * check and the connect; redirects are never followed.
 */

/** Ranges that are never called: private, loopback, link-local, CGNAT, ULA, mapped, documentation, multicast, reserved. */
const refusedV4 = (() => {
  const list = new net.BlockList();
  const v4: [string, number][] = [
    ['0.0.0.0', 8], // "this network", 0.0.0.0 (unspecified)
    ['10.0.0.0', 8],
    ['100.64.0.0', 10], // CGNAT
    ['127.0.0.0', 8],
    ['169.254.0.0', 16], // link-local, cloud metadata
    ['172.16.0.0', 12],
    ['192.0.0.0', 24],
    ['192.0.2.0', 24],
    ['192.88.99.0', 24],
    ['192.168.0.0', 16],
    ['198.18.0.0', 15],
    ['198.51.100.0', 24],
    ['203.0.113.0', 24],
    ['224.0.0.0', 4], // multicast
    ['240.0.0.0', 4], // reserved, broadcast
  ];
  for (const [a, p] of v4) list.addSubnet(a, p, 'ipv4');
  return list;
})();

/** Two lists: one BlockList matches IPv4 addresses against its IPv6 rules as mapped addresses (::ffff:0:0/96 would refuse all). */
const refusedV6 = (() => {
  const list = new net.BlockList();
  const v6: [string, number][] = [
    ['::', 128], // unspecified
    ['::1', 128],
    ['::ffff:0:0', 96], // IPv4-mapped: would reach an IPv4 address past the IPv4 rules
    ['64:ff9b::', 96], // NAT64: embeds an IPv4 address
    ['64:ff9b:1::', 48],
    ['100::', 64],
    ['2001::', 32], // Teredo
    ['2001:db8::', 32],
    ['2002::', 16], // 6to4: embeds an IPv4 address
    ['fc00::', 7], // ULA
    ['fe80::', 10], // link-local
    ['fec0::', 10],
    ['ff00::', 8], // multicast
  ];
  for (const [a, p] of v6) list.addSubnet(a, p, 'ipv6');
  return list;
})();

/** Only global unicast (2000::/3) is public in IPv6; the refused list then removes its special parts. */
const globalUnicast = new net.BlockList();
globalUnicast.addSubnet('2000::', 3, 'ipv6');

/** Whether the server may connect to this IP address (a literal, v4 or v6). */
export function isPublicAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return !refusedV4.check(address, 'ipv4');
  if (family === 6) {
    // Outside 2000::/3 (so also every IPv4-mapped or -compatible form) is never public.
    return globalUnicast.check(address, 'ipv6') && !refusedV6.check(address, 'ipv6');
  }
  return false;
}

/** `OUTBOUND_ALLOWED_URLS` as normalized prefixes (a bare origin gets its "/": `http://h:1` must not match `http://h:12`). */
export function allowedPrefixes(configured: string | undefined): string[] {
  return (configured ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => {
      try {
        return new URL(p).href;
      } catch {
        return p;
      }
    });
}

/** Where a checked URL may be connected to. */
export interface OutboundTarget {
  url: URL;
  /** The address that was checked: connect to this, not to a fresh lookup of the host. */
  address: string;
  family: 4 | 6;
}

export type Lookup = (host: string) => Promise<{ address: string; family: number }[]>;

const systemLookup: Lookup = (host) => dns.promises.lookup(host, { all: true, verbatim: true });

/**
 * A lookup that remembers answers for `ttlMs`: a worker sending thousands of pushes to one push
 * service asks the resolver once, not once a push (getaddrinfo runs on libuv's small thread pool).
 */
export function cachedLookup(ttlMs: number, lookup: Lookup = systemLookup): Lookup {
  const cache = new Map<string, { until: number; answer: Promise<{ address: string; family: number }[]> }>();
  return (host) => {
    const now = Date.now();
    const hit = cache.get(host);
    if (hit && hit.until > now) return hit.answer;
    if (cache.size > 10_000) cache.clear();
    const answer = lookup(host);
    cache.set(host, { until: now + ttlMs, answer });
    answer.catch(() => cache.delete(host));
    return answer;
  };
}

export type OutboundRefusal = 'invalid_url' | 'not_https' | 'credentials' | 'not_public' | 'unresolvable' | 'port';

/** How strict a check is: push and webhooks want https on any port; link previews take http too, on 80/443 only. */
export interface OutboundRules {
  allowHttp?: boolean;
  /** Ports a URL outside the allow-list may name (its default port counts as named). */
  ports?: readonly number[];
}

export class OutboundRefused extends Error {
  constructor(
    readonly reason: OutboundRefusal,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Checks a URL the server is about to call and resolves it to the address to connect to.
 * Throws `OutboundRefused`; `unresolvable` is the one reason that may pass on a later try.
 */
export async function checkOutbound(
  raw: string,
  allowed: readonly string[],
  lookup: Lookup = systemLookup,
  rules: OutboundRules = {},
): Promise<OutboundTarget> {
  const url = parseUrl(raw);
  const listed = allowed.some((p) => url.href.startsWith(p));
  if (!listed && url.protocol !== 'https:' && !rules.allowHttp) throw new OutboundRefused('not_https', 'only https URLs are called');
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  if (!listed && rules.ports && !rules.ports.includes(port)) throw new OutboundRefused('port', `port ${port} is not called`);
  if (url.username || url.password) throw new OutboundRefused('credentials', 'the URL must not carry credentials');
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const found = net.isIP(host) ? [{ address: host, family: net.isIP(host) }] : await resolve(lookup, host);
  // Every address the name has must be public: a resolver that rotates answers cannot slip a private one in.
  if (!listed && !found.every((a) => isPublicAddress(a.address))) {
    throw new OutboundRefused('not_public', 'the URL does not name a public address');
  }
  const first = found[0]!;
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}

function parseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundRefused('invalid_url', 'not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new OutboundRefused('not_https', 'only https URLs are called');
  return url;
}

async function resolve(lookup: Lookup, host: string): Promise<{ address: string; family: number }[]> {
  let found: { address: string; family: number }[];
  try {
    found = await lookup(host);
  } catch {
    throw new OutboundRefused('unresolvable', `${host} does not resolve`);
  }
  if (found.length === 0) throw new OutboundRefused('unresolvable', `${host} does not resolve`);
  return found;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/** A `lookup` for http(s).request that answers with the checked address only: no second resolution. */
export function pinnedLookup(target: OutboundTarget) {
  return (_host: string, opts: { all?: boolean }, cb: LookupCallback): void => {
    if (opts.all) cb(null, [{ address: target.address, family: target.family }]);
    else cb(null, target.address, target.family);
  };
}
