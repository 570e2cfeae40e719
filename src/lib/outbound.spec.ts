import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedPrefixes, cachedLookup, checkOutbound, isPublicAddress, OutboundRefused, pinnedLookup, type Lookup } from './outbound.js';

const octet = fc.integer({ min: 0, max: 255 });
const ipv4In = (a: number, bMin = 0, bMax = 255) =>
  fc.tuple(fc.integer({ min: bMin, max: bMax }), octet, octet).map(([b, c, d]) => `${a}.${b}.${c}.${d}`);
const hextet = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));

/** A lookup that answers from a table. */
const table =
  (answers: Record<string, string[]>): Lookup =>
  async (host) => {
    const found = answers[host];
    if (!found) throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' });
    return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

async function refusal(url: string, allowed: string[] = [], lookup: Lookup = table({})): Promise<string | undefined> {
  try {
    await checkOutbound(url, allowed, lookup);
    return undefined;
  } catch (err) {
    if (err instanceof OutboundRefused) return err.reason;
    throw err;
  }
}

describe('isPublicAddress', () => {
  it('refuses every private, loopback, link-local, CGNAT, multicast and reserved IPv4 range', () => {
    const privateV4 = fc.oneof(
      ipv4In(10),
      ipv4In(127),
      ipv4In(0),
      ipv4In(100, 64, 127),
      ipv4In(169, 254, 254),
      ipv4In(172, 16, 31),
      ipv4In(192, 168, 168),
      fc.tuple(fc.integer({ min: 224, max: 255 }), octet, octet, octet).map((p) => p.join('.')),
    );
    fc.assert(fc.property(privateV4, (a) => !isPublicAddress(a)));
  });

  it('accepts ordinary public IPv4 addresses', () => {
    const publicV4 = fc.tuple(fc.constantFrom(1, 8, 23, 45, 91, 104, 151, 185, 212), octet, octet, octet).map((p) => p.join('.'));
    fc.assert(fc.property(publicV4, (a) => isPublicAddress(a)));
    expect(isPublicAddress('100.128.0.1')).toBe(true); // just past CGNAT
  });

  it('refuses loopback, unspecified, ULA, link-local, multicast, IPv4-mapped and embedded-IPv4 IPv6', () => {
    for (const a of ['::1', '::', '::ffff:127.0.0.1', '::ffff:8.8.8.8', '::ffff:7f00:1', '64:ff9b::a00:1', '2002:a00:1::', '2001:db8::1']) {
      expect(isPublicAddress(a), a).toBe(false);
    }
    const inPrefix = (prefix: string) => fc.array(hextet, { minLength: 3, maxLength: 3 }).map((h) => `${prefix}:${h.join(':')}::1`);
    fc.assert(fc.property(fc.oneof(inPrefix('fd12'), inPrefix('fc00'), inPrefix('fe80'), inPrefix('ff02')), (a) => !isPublicAddress(a)));
  });

  it('accepts global unicast IPv6 and refuses what is not an address', () => {
    expect(isPublicAddress('2606:4700::1111')).toBe(true);
    expect(isPublicAddress('2001:4860:4860::8888')).toBe(true);
    expect(isPublicAddress('localhost')).toBe(false);
    expect(isPublicAddress('')).toBe(false);
  });
});

describe('checkOutbound', () => {
  const dns = table({
    'push.example.com': ['93.184.216.34'],
    'internal.example.com': ['10.0.0.5'],
    'mixed.example.com': ['93.184.216.34', '127.0.0.1'],
    'v6.example.com': ['2606:4700::1111'],
  });

  it('resolves an https URL on a public host to the address it checked', async () => {
    const t = await checkOutbound('https://push.example.com/send/abc', [], dns);
    expect({ address: t.address, family: t.family, host: t.url.hostname }).toEqual({
      address: '93.184.216.34',
      family: 4,
      host: 'push.example.com',
    });
    expect((await checkOutbound('https://v6.example.com/x', [], dns)).family).toBe(6);
  });

  it('refuses http, other schemes, credentials, private names, names with any private address, and unresolvable names', async () => {
    expect(await refusal('http://push.example.com/x', [], dns)).toBe('not_https');
    expect(await refusal('ftp://push.example.com/x', [], dns)).toBe('not_https');
    expect(await refusal('file:///etc/passwd', [], dns)).toBe('not_https');
    expect(await refusal('https://user:pw@push.example.com/x', [], dns)).toBe('credentials');
    expect(await refusal('https://internal.example.com/x', [], dns)).toBe('not_public');
    expect(await refusal('https://mixed.example.com/x', [], dns)).toBe('not_public');
    expect(await refusal('https://nowhere.example.com/x', [], dns)).toBe('unresolvable');
    expect(await refusal('not a url', [], dns)).toBe('invalid_url');
  });

  it('refuses private literals in every spelling the URL parser accepts', async () => {
    for (const u of [
      'https://127.0.0.1/',
      'https://2130706433/', // 127.0.0.1 as one number
      'https://0x7f.1/',
      'https://[::1]/',
      'https://[::ffff:127.0.0.1]/',
      'https://[::ffff:a9fe:a9fe]/', // 169.254.169.254
      'https://169.254.169.254/latest/meta-data',
      'https://100.64.1.1/',
      'https://[fd00::1]/',
      'https://0.0.0.0/',
    ]) {
      expect(await refusal(u, [], dns), u).toBe('not_public');
    }
  });

  it('lets a URL under an OUTBOUND_ALLOWED_URLS prefix through, and only under it', async () => {
    const allowed = allowedPrefixes(' http://127.0.0.1:9999 , https://internal.example.com/push/');
    expect(allowed).toEqual(['http://127.0.0.1:9999/', 'https://internal.example.com/push/']);
    expect((await checkOutbound('http://127.0.0.1:9999/ep/1', allowed, dns)).address).toBe('127.0.0.1');
    expect((await checkOutbound('https://internal.example.com/push/1', allowed, dns)).address).toBe('10.0.0.5');
    expect(await refusal('http://127.0.0.1:99999/ep', allowed, dns)).toBe('invalid_url');
    expect(await refusal('http://127.0.0.1:9998/ep', allowed, dns)).toBe('not_https');
    expect(await refusal('https://internal.example.com/other', allowed, dns)).toBe('not_public');
    expect(await refusal('http://127.0.0.1:9999@10.0.0.1/', allowed, dns)).toBe('not_https');
  });

  it('a prefix cannot be matched by a longer host or port', async () => {
    const allowed = allowedPrefixes('https://internal.example.com');
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[a-z0-9.-]{1,12}$/), async (tail) => {
        const reason = await refusal(`https://internal.example.com${tail}.evil/`, allowed, async () => [
          { address: '10.0.0.1', family: 4 },
        ]);
        expect(reason).toBe('not_public');
      }),
    );
  });

  it('the pinned lookup answers with the checked address, in both callback shapes', async () => {
    const t = await checkOutbound('https://push.example.com/x', [], dns);
    const lookup = pinnedLookup(t);
    const one = await new Promise<unknown[]>((r) => lookup('push.example.com', {}, (...a) => r(a)));
    const all = await new Promise<unknown[]>((r) => lookup('push.example.com', { all: true }, (...a) => r(a)));
    expect(one).toEqual([null, '93.184.216.34', 4]);
    expect(all).toEqual([null, [{ address: '93.184.216.34', family: 4 }]]);
  });

  it('a cached lookup asks once per host within its TTL, and forgets failures', async () => {
    let asked = 0;
    const lookup = cachedLookup(60_000, async (host) => {
      asked++;
      if (host === 'bad.example.com') throw new Error('ENOTFOUND');
      return [{ address: '93.184.216.34', family: 4 }];
    });
    await checkOutbound('https://push.example.com/a', [], lookup);
    await checkOutbound('https://push.example.com/b', [], lookup);
    expect(asked).toBe(1);
    expect(await refusal('https://bad.example.com/', [], lookup)).toBe('unresolvable');
    expect(await refusal('https://bad.example.com/', [], lookup)).toBe('unresolvable');
    expect(asked).toBe(3);
  });
});
