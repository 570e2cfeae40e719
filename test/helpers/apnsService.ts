import crypto from 'node:crypto';
import fs from 'node:fs';
import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import { checkBody, checkHeaders, ProviderTokenCheck, Refusal } from './apnsChecks.js';
import { makeTestTls, type TestTls } from './testTls.js';

/** One push as the stand-in received it (answered or not). */
export interface ReceivedApns {
  token: string;
  at: number;
  answered: number;
  headers: http2.IncomingHttpHeaders;
  jwt: string;
  body: any;
}

export interface ApnsAnswer {
  status: number;
  reason?: string;
  retryAfter?: string;
}

/**
 * APNs for tests: HTTP/2 over TLS on 127.0.0.1 (node:http2, a certificate from a throwaway CA).
 * It checks what Apple checks (test/helpers/apnsChecks.ts): the provider token, `apns-topic`,
 * `apns-push-type`, `apns-priority`, `apns-expiration`, `apns-collapse-id`, the path's device
 * token and the JSON body. Refusals are answered as Apple does (`{reason}`) and kept in `rejected`.
 */
export class ApnsService {
  readonly received: ReceivedApns[] = [];
  readonly rejected: string[] = [];
  /** Every HTTP/2 session a client opened. */
  readonly sessions: http2.ServerHttp2Session[] = [];
  readonly keyId = crypto.randomBytes(5).toString('hex').toUpperCase();
  readonly teamId = crypto.randomBytes(5).toString('hex').toUpperCase();
  readonly topic = 'test.parley.app';
  private readonly keys = crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  private readonly plans = new Map<string, ApnsAnswer[]>();
  private readonly voipTokens = new Set<string>();
  private readonly providerTokens = new ProviderTokenCheck({ publicKey: this.keys.publicKey, keyId: this.keyId, teamId: this.teamId });
  private server!: http2.Http2SecureServer;
  private tls!: TestTls;
  origin = '';

  static async start(): Promise<ApnsService> {
    const s = new ApnsService();
    s.tls = makeTestTls();
    s.server = http2.createSecureServer({ key: s.tls.key, cert: s.tls.cert });
    s.server.on('session', (session) => s.sessions.push(session));
    s.server.on('stream', (stream, headers) => void s.handle(stream, headers));
    await new Promise<void>((r) => s.server.listen(0, '127.0.0.1', r));
    s.origin = `https://127.0.0.1:${(s.server.address() as AddressInfo).port}`;
    return s;
  }

  async close(): Promise<void> {
    for (const s of this.sessions) s.destroy();
    await new Promise((r) => this.server.close(r));
    fs.rmSync(this.tls.dir, { recursive: true, force: true });
  }

  /** The .p8 file's contents (PKCS#8 PEM), as the Apple Developer account hands it out. */
  get p8(): string {
    return this.keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  }

  get caFile(): string {
    return this.tls.caFile;
  }

  newToken(): string {
    return crypto.randomBytes(32).toString('hex');
  }

  /** A PushKit token: bound to the `.voip` topic, as Apple binds it. */
  newVoipToken(): string {
    const token = this.newToken();
    this.voipTokens.add(token);
    return token;
  }

  answer(token: string, ...answers: ApnsAnswer[]): void {
    this.plans.set(token, [...(this.plans.get(token) ?? []), ...answers]);
  }

  /** The provider tokens used so far are refused from now on with 403 ExpiredProviderToken. */
  expireProviderTokens(): void {
    this.providerTokens.expireAll();
  }

  /** The provider tokens accepted, in order of first use. */
  get jwts(): readonly string[] {
    return this.providerTokens.accepted;
  }

  /** Ends every open session with GOAWAY, as APNs does when it closes a connection. */
  goaway(): void {
    for (const s of this.sessions) if (!s.closed) s.goaway(http2.constants.NGHTTP2_NO_ERROR);
  }

  to(token: string): ReceivedApns[] {
    return this.received.filter((r) => r.token === token);
  }

  delivered(token: string): ReceivedApns[] {
    return this.to(token).filter((r) => r.answered === 200);
  }

  private async handle(stream: http2.ServerHttp2Stream, headers: http2.IncomingHttpHeaders): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    const reply = (status: number, reason?: string, extra: Record<string, string> = {}) => {
      stream.respond({ ':status': status, 'apns-id': crypto.randomUUID(), ...extra });
      stream.end(reason ? JSON.stringify({ reason }) : undefined);
    };
    try {
      if (headers[':method'] !== 'POST') throw new Refusal(405, 'MethodNotAllowed');
      const token = /^\/3\/device\/([0-9a-f]{64,200})$/.exec(String(headers[':path']))?.[1];
      if (!token) throw new Refusal(404, 'BadPath');
      const jwt = await this.providerTokens.check(headers.authorization);
      const voip = this.voipTokens.has(token);
      checkHeaders(headers, this.topic, voip);
      const body = checkBody(Buffer.concat(chunks), voip);
      const answer = this.plans.get(token)?.shift() ?? { status: 200 };
      this.received.push({ token, at: Date.now(), answered: answer.status, headers, jwt, body });
      reply(answer.status, answer.reason, answer.retryAfter ? { 'retry-after': answer.retryAfter } : {});
    } catch (err) {
      const r = err instanceof Refusal ? err : new Refusal(400, `BadRequest: ${(err as Error).message}`);
      this.rejected.push(r.reason);
      reply(r.status, r.reason);
    }
  }
}
