import crypto from 'node:crypto';
import http from 'node:http';
import * as jose from 'jose';
import { checkFcmMessage, fcmError, type FcmAnswer } from './fcmMessage.js';
import { listenOnLoopback, type Loopback } from './loopback.js';

/** One send as the stand-in received it (answered or not). */
export interface ReceivedFcm {
  token: string;
  at: number;
  answered: number;
  accessToken: string;
  message: any;
}

/**
 * FCM for tests, on 127.0.0.1: the OAuth2 token endpoint (RFC 7523 JWT-bearer grant: the
 * assertion is checked with the service account's public key, RS256, `kid`, `iss`, `aud`, the
 * firebase.messaging scope, an `exp` at most an hour after `iat`) and the HTTP v1 send endpoint
 * (the bearer token it issued, the project, the message's shape: test/helpers/fcmMessage.ts).
 * A request that fails a check is answered as FCM would (400/401/403/404) and kept in `rejected`.
 */
export class FcmService {
  readonly received: ReceivedFcm[] = [];
  readonly rejected: string[] = [];
  /** Access tokens issued; the assertions they were issued for. */
  readonly grants: { accessToken: string; claims: jose.JWTPayload }[] = [];
  readonly projectId = `parley-test-${crypto.randomBytes(3).toString('hex')}`;
  private readonly keys = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  private readonly keyId = crypto.randomBytes(20).toString('hex');
  private readonly clientEmail = `push@${this.projectId}.iam.gserviceaccount.com`;
  private readonly live = new Set<string>();
  private readonly plans = new Map<string, FcmAnswer[]>();
  private loopback!: Loopback;
  origin = '';

  static async start(): Promise<FcmService> {
    const s = new FcmService();
    s.loopback = await listenOnLoopback((req, res) => void s.handle(req, res));
    s.origin = s.loopback.origin;
    return s;
  }

  close(): Promise<void> {
    return this.loopback.close();
  }

  /** The service-account key JSON, as the Firebase console downloads it (its token_uri is this stand-in). */
  serviceAccount() {
    return {
      type: 'service_account',
      project_id: this.projectId,
      private_key_id: this.keyId,
      private_key: this.keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      client_email: this.clientEmail,
      client_id: '100000000000000000001',
      token_uri: `${this.origin}/token`,
    };
  }

  /** A registration token, shaped like the Firebase SDK's. */
  newToken(): string {
    return `${crypto.randomBytes(16).toString('base64url')}:APA91b${crypto.randomBytes(100).toString('base64url')}`;
  }

  /** The next answers for this token, in order; after them, 200 again. */
  answer(token: string, ...answers: FcmAnswer[]): void {
    this.plans.set(token, [...(this.plans.get(token) ?? []), ...answers]);
  }

  /** Every access token issued so far stops working (as if it expired early): the next send gets 401. */
  revokeAccessTokens(): void {
    this.live.clear();
  }

  to(token: string): ReceivedFcm[] {
    return this.received.filter((r) => r.token === token);
  }

  delivered(token: string): ReceivedFcm[] {
    return this.to(token).filter((r) => r.answered === 200);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const reply = (status: number, json: unknown, headers: Record<string, string> = {}) =>
      void res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(json));
    try {
      if (req.method === 'POST' && req.url === '/token') return reply(200, await this.grant(req, body));
      const project = /^\/v1\/projects\/([^/]+)\/messages:send$/.exec(req.url ?? '')?.[1];
      if (req.method !== 'POST' || !project) return reply(404, fcmError(404, 'NOT_FOUND', 'no such method'));
      const accessToken = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (!accessToken || !this.live.has(accessToken)) throw Object.assign(new Error('bad access token'), { status: 401 });
      if (project !== this.projectId) throw Object.assign(new Error(`project ${project}`), { status: 403 });
      if (req.headers['content-type'] !== 'application/json') throw new Error(`content-type ${req.headers['content-type']}`);
      const { message } = checkFcmMessage(JSON.parse(body));
      const answer = this.plans.get(message.token)?.shift() ?? { status: 200 };
      this.received.push({ token: message.token, at: Date.now(), answered: answer.status, accessToken, message });
      if (answer.status === 200) return reply(200, { name: `projects/${this.projectId}/messages/${crypto.randomUUID()}` });
      return reply(answer.status, fcmError(answer.status), answer.retryAfter ? { 'retry-after': answer.retryAfter } : {});
    } catch (err) {
      const status = (err as { status?: number }).status ?? 400;
      this.rejected.push(`${req.url}: ${(err as Error).message}`);
      if (req.url === '/token') return reply(400, { error: 'invalid_grant', error_description: (err as Error).message });
      reply(status, status === 401 ? fcmError(401) : { error: { code: status, message: (err as Error).message } });
    }
  }

  /** POST /token: grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=<JWT> (RFC 7523 §2.1). */
  private async grant(req: http.IncomingMessage, body: string) {
    if (req.headers['content-type'] !== 'application/x-www-form-urlencoded') throw new Error(`token: ${req.headers['content-type']}`);
    const form = new URLSearchParams(body);
    if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer') throw new Error(`grant_type ${form.get('grant_type')}`);
    const assertion = form.get('assertion') ?? '';
    const { payload, protectedHeader } = await jose.jwtVerify(assertion, this.keys.publicKey, {
      algorithms: ['RS256'],
      issuer: this.clientEmail,
      audience: `${this.origin}/token`,
      requiredClaims: ['iat', 'exp'],
    });
    if (protectedHeader.kid !== this.keyId) throw new Error(`kid ${protectedHeader.kid}`);
    if (!String(payload.scope).split(' ').includes('https://www.googleapis.com/auth/firebase.messaging')) throw new Error('scope');
    if (payload.exp! - payload.iat! > 3600) throw new Error(`the assertion is valid for ${payload.exp! - payload.iat!} s`);
    const accessToken = `ya29.${crypto.randomBytes(24).toString('base64url')}`;
    this.live.add(accessToken);
    this.grants.push({ accessToken, claims: payload });
    return { access_token: accessToken, expires_in: 3599, token_type: 'Bearer' };
  }
}
