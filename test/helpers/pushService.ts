import crypto from 'node:crypto';
import http from 'node:http';
import * as jose from 'jose';
import { listenOnLoopback, type Loopback } from './loopback.js';

/** A browser's side of a subscription: what it registers, and the private key that decrypts. */
export interface TestSubscription {
  id: string;
  endpoint: string;
  keys: { p256dh: string; auth: string };
  ecdh: crypto.ECDH;
  authSecret: Buffer;
}

/** One push as the service received it, checked and decrypted. */
export interface ReceivedPush {
  subscription: string;
  /** When it was checked and answered, by the service's clock. */
  at: number;
  /** When its body had arrived, before the checks (by the same clock): when the push left the sender, on loopback. */
  arrived: number;
  answered: number;
  ttl: string | undefined;
  urgency: string | undefined;
  topic: string | undefined;
  contentEncoding: string | undefined;
  vapid: { aud: unknown; exp: number; sub: unknown; k: string };
  payload: any;
}

export interface Answer {
  status: number;
  retryAfter?: string;
}

/**
 * A Web Push service on 127.0.0.1 (RFC 8030) for tests. It checks each push the way a real one
 * does: the VAPID header (RFC 8292: `vapid t=<ES256 JWT>, k=<public key>`, `aud` the endpoint's
 * origin, `exp` at most 24 h ahead, a `sub`), with jose, and decrypts the aes128gcm body itself
 * (RFC 8291 §3.4 key derivation, RFC 8188 records) with node:crypto, so a mistake in the library
 * under test shows here. A push that fails a check is answered 400/401/403 and recorded in `rejected`.
 */
export class PushService {
  readonly received: ReceivedPush[] = [];
  readonly rejected: { subscription: string; reason: string }[] = [];
  private readonly subscriptions = new Map<string, TestSubscription>();
  private readonly plans = new Map<string, Answer[]>();
  private loopback!: Loopback;
  origin = '';

  private constructor(private readonly clock: () => number) {}

  /** `clock`: what `at` and `arrived` are read from (ms; the benchmark passes one comparable across processes). */
  static async start(opts: { clock?: () => number } = {}): Promise<PushService> {
    const s = new PushService(opts.clock ?? Date.now);
    s.loopback = await listenOnLoopback((req, res) => void s.handle(req, res));
    s.origin = s.loopback.origin;
    return s;
  }

  close(): Promise<void> {
    return this.loopback.close();
  }

  /** A new subscription, as `pushManager.subscribe()` would make it. */
  subscribe(): TestSubscription {
    const id = crypto.randomBytes(8).toString('hex');
    const ecdh = crypto.createECDH('prime256v1');
    ecdh.generateKeys();
    const authSecret = crypto.randomBytes(16);
    const sub: TestSubscription = {
      id,
      endpoint: `${this.origin}/push/${id}`,
      keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: authSecret.toString('base64url') },
      ecdh,
      authSecret,
    };
    this.subscriptions.set(id, sub);
    return sub;
  }

  /** The next answers for this subscription, in order; after them, 201 again. */
  answer(sub: TestSubscription, ...answers: Answer[]): void {
    this.plans.set(sub.id, [...(this.plans.get(sub.id) ?? []), ...answers]);
  }

  /** Everything received for this subscription (answered or not). */
  pushesTo(sub: TestSubscription): ReceivedPush[] {
    return this.received.filter((r) => r.subscription === sub.id);
  }

  delivered(sub: TestSubscription): ReceivedPush[] {
    return this.pushesTo(sub).filter((r) => r.answered === 201);
  }

  async waitFor(check: () => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`push service: not there in ${timeoutMs} ms (received ${this.received.length})`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const arrived = this.clock();
    const id = /^\/push\/([0-9a-f]+)$/.exec(req.url ?? '')?.[1];
    const sub = id ? this.subscriptions.get(id) : undefined;
    if (req.method !== 'POST' || !sub) return void res.writeHead(404).end();
    try {
      const vapid = await this.checkVapid(req.headers.authorization);
      if (req.headers['content-encoding'] !== 'aes128gcm') throw new Error(`content-encoding ${req.headers['content-encoding']}`);
      const payload = JSON.parse(decryptAes128gcm(Buffer.concat(chunks), sub).toString('utf8'));
      const answer = this.plans.get(sub.id)?.shift() ?? { status: 201 };
      this.received.push({
        subscription: sub.id,
        at: this.clock(),
        arrived,
        answered: answer.status,
        ttl: header(req, 'ttl'),
        urgency: header(req, 'urgency'),
        topic: header(req, 'topic'),
        contentEncoding: header(req, 'content-encoding'),
        vapid,
        payload,
      });
      res.writeHead(answer.status, answer.retryAfter ? { 'retry-after': answer.retryAfter } : {}).end();
    } catch (err) {
      this.rejected.push({ subscription: sub.id, reason: (err as Error).message });
      res.writeHead(400).end((err as Error).message);
    }
  }

  /** RFC 8292 §3: `vapid t=<jwt>, k=<uncompressed P-256 point, base64url>`. */
  private async checkVapid(authorization: string | undefined) {
    const m = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(authorization ?? '');
    if (!m) throw new Error(`Authorization is not vapid: ${authorization}`);
    const [, t, k] = m as unknown as [string, string, string];
    const point = Buffer.from(k, 'base64url');
    if (point.length !== 65 || point[0] !== 4) throw new Error('k is not an uncompressed P-256 point');
    const key = await jose.importJWK(
      { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') },
      'ES256',
    );
    const { payload } = await jose.jwtVerify(t, key, { algorithms: ['ES256'], audience: this.origin });
    const now = Math.floor(Date.now() / 1000);
    if (typeof payload.exp !== 'number' || payload.exp > now + 86_400) throw new Error(`exp ${payload.exp} is more than 24 h ahead`);
    if (typeof payload.sub !== 'string' || !/^(mailto:|https:)/.test(payload.sub)) throw new Error(`sub ${payload.sub}`);
    return { aud: payload.aud, exp: payload.exp, sub: payload.sub, k };
  }
}

const header = (req: http.IncomingMessage, name: string) => {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(',') : v;
};

const hkdf = (salt: Buffer, ikm: Buffer, info: Buffer, length: number) => Buffer.from(crypto.hkdfSync('sha256', ikm, salt, info, length));

/**
 * RFC 8291 §3.4 + RFC 8188: header salt(16) ‖ rs(4) ‖ idlen(1) ‖ keyid (the sender's public key),
 * then records of `rs` bytes (the last may be shorter), each ending in a 16-byte tag, padding
 * delimited by 0x01 (more records follow) or 0x02 (the last).
 */
export function decryptAes128gcm(body: Buffer, sub: Pick<TestSubscription, 'ecdh' | 'authSecret'>): Buffer {
  const salt = body.subarray(0, 16);
  const rs = body.readUInt32BE(16);
  const idlen = body[20]!;
  const senderKey = body.subarray(21, 21 + idlen);
  if (idlen !== 65) throw new Error(`keyid is ${idlen} bytes, not a P-256 point`);
  if (rs < 18) throw new Error(`record size ${rs}`);
  const ecdhSecret = sub.ecdh.computeSecret(senderKey);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), sub.ecdh.getPublicKey(), senderKey]);
  const ikm = hkdf(sub.authSecret, ecdhSecret, keyInfo, 32);
  const cek = hkdf(salt, ikm, Buffer.from('Content-Encoding: aes128gcm\0'), 16);
  const nonce = hkdf(salt, ikm, Buffer.from('Content-Encoding: nonce\0'), 12);
  const records = body.subarray(21 + idlen);
  const out: Buffer[] = [];
  for (let i = 0, at = 0; at < records.length; i++, at += rs) {
    const record = records.subarray(at, Math.min(at + rs, records.length));
    const iv = Buffer.from(nonce);
    iv.writeUInt32BE((iv.readUInt32BE(8) ^ i) >>> 0, 8); // the record's sequence number, XORed into the nonce's low bits
    const decipher = crypto.createDecipheriv('aes-128-gcm', cek, iv);
    decipher.setAuthTag(record.subarray(record.length - 16));
    const plain = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
    let end = plain.length - 1;
    while (end >= 0 && plain[end] === 0) end--;
    const last = at + rs >= records.length;
    if (plain[end] !== (last ? 2 : 1)) throw new Error(`record ${i}: bad padding delimiter ${plain[end]}`);
    out.push(plain.subarray(0, end));
  }
  return Buffer.concat(out);
}
