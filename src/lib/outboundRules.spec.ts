import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkOutbound, isPublicAddress, OutboundRefused, type Lookup } from './outbound.js';

/** The checks link previews add (http allowed, ports 80/443 only) and IPv4-mapped forms of refused IPv4 addresses. */

const octet = fc.integer({ min: 0, max: 255 });
const refusedV4 = fc.oneof(
  fc.tuple(octet, octet, octet).map(([b, c, d]) => `127.${b}.${c}.${d}`),
  fc.tuple(octet, octet, octet).map(([b, c, d]) => `10.${b}.${c}.${d}`),
  fc.tuple(octet, octet).map(([c, d]) => `169.254.${c}.${d}`),
  fc.tuple(fc.integer({ min: 64, max: 127 }), octet, octet).map(([b, c, d]) => `100.${b}.${c}.${d}`),
  fc.tuple(octet, octet, octet).map(([b, c, d]) => `0.${b}.${c}.${d}`),
  fc.tuple(fc.integer({ min: 224, max: 239 }), octet, octet, octet).map((o) => o.join('.')),
  fc.tuple(octet, octet).map(([c, d]) => `192.168.${c}.${d}`),
);
const hex = (a: number, b: number) => ((a << 8) | b).toString(16);
const none: Lookup = async () => {
  throw new Error('no DNS here');
};

async function refusal(url: string, lookup: Lookup = none): Promise<string | undefined> {
  try {
    await checkOutbound(url, [], lookup, { allowHttp: true, ports: [80, 443] });
    return undefined;
  } catch (err) {
    if (err instanceof OutboundRefused) return err.reason;
    throw err;
  }
}

describe('address classifier: IPv4-mapped IPv6', () => {
  it('refuses every refused IPv4 address in each of its mapped spellings (dotted, hex, expanded)', () => {
    fc.assert(
      fc.property(refusedV4, (v4) => {
        const o = v4.split('.').map(Number) as [number, number, number, number];
        for (const a of [v4, `::ffff:${v4}`, `::ffff:${hex(o[0], o[1])}:${hex(o[2], o[3])}`, `0:0:0:0:0:ffff:${v4}`, `::${v4}`]) {
          expect(isPublicAddress(a), a).toBe(false);
        }
      }),
    );
  });

  it('refuses even mapped forms of public IPv4 (they would skip the IPv4 rules), and the metadata addresses', () => {
    fc.assert(fc.property(fc.tuple(octet, octet, octet, octet), (o) => !isPublicAddress(`::ffff:${o.join('.')}`)));
    for (const a of ['169.254.169.254', 'fd00:ec2::254', '100.100.100.200', '::ffff:a9fe:a9fe']) expect(isPublicAddress(a), a).toBe(false);
  });
});

describe('checkOutbound with link preview rules', () => {
  const dns: Lookup = async (host) => [{ address: host === 'inside.test' ? '127.0.0.1' : '93.184.216.34', family: 4 }];

  it('lets http and https through on ports 80 and 443 only', async () => {
    expect(await refusal('http://example.test/', dns)).toBeUndefined();
    expect(await refusal('https://example.test:443/', dns)).toBeUndefined();
    expect(await refusal('http://example.test:8080/', dns)).toBe('port');
    expect(await refusal('https://example.test:8443/', dns)).toBe('port');
    expect(await refusal('ftp://example.test/', dns)).toBe('not_https');
  });

  it('refuses integer, hex and mapped spellings of loopback and names that resolve inside', async () => {
    for (const url of [
      'http://2130706433/',
      'http://0x7f000001/',
      'http://127.1/',
      'http://[::ffff:127.0.0.1]/',
      'http://[::1]/',
      'http://0/',
    ]) {
      expect(await refusal(url), url).toBe('not_public');
    }
    expect(await refusal('http://inside.test/', dns)).toBe('not_public');
  });
});
