import type crypto from 'node:crypto';
import type http2 from 'node:http2';
import * as jose from 'jose';

/** A request APNs refuses: its status and `reason` (Apple's names). */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * Provider tokens as APNs judges them: ES256 with the key's public half, `kid` the key ID, `iss`
 * the team, `iat` less than an hour old; a new token within 20 minutes of the last one is
 * TooManyProviderTokenUpdates, unless the last one was refused as expired.
 */
export class ProviderTokenCheck {
  /** The tokens accepted, in order of first use. */
  readonly accepted: string[] = [];
  private readonly expired = new Set<string>();

  constructor(private readonly key: { publicKey: crypto.KeyObject; keyId: string; teamId: string }) {}

  /** The tokens used so far are refused from now on with 403 ExpiredProviderToken. */
  expireAll(): void {
    for (const j of this.accepted) this.expired.add(j);
  }

  async check(authorization: string | undefined): Promise<string> {
    const jwt = /^bearer (\S+)$/.exec(authorization ?? '')?.[1];
    if (!jwt) throw new Refusal(403, 'MissingProviderToken');
    if (this.expired.has(jwt)) throw new Refusal(403, 'ExpiredProviderToken');
    const verified = await jose.jwtVerify(jwt, this.key.publicKey, { algorithms: ['ES256'], issuer: this.key.teamId }).catch(() => {
      throw new Refusal(403, 'InvalidProviderToken');
    });
    if (verified.protectedHeader.kid !== this.key.keyId) throw new Refusal(403, 'InvalidProviderToken');
    const iat = verified.payload.iat ?? 0;
    const age = Date.now() / 1000 - iat;
    if (age > 3600 || age < -60) throw new Refusal(403, 'ExpiredProviderToken');
    if (!this.accepted.includes(jwt)) {
      const previous = this.accepted.at(-1);
      if (previous && !this.expired.has(previous) && iat - jose.decodeJwt(previous).iat! < 1200) {
        throw new Refusal(429, 'TooManyProviderTokenUpdates');
      }
      this.accepted.push(jwt);
    }
    return jwt;
  }
}

/** The request headers APNs checks (token-based connections carry apns-topic on every request). */
export function checkHeaders(h: http2.IncomingHttpHeaders, topic: string, voip = false): void {
  // A PushKit token belongs to the app's `.voip` topic and takes `voip` pushes only; an ordinary token neither.
  if (h['apns-topic'] === (voip ? topic : `${topic}.voip`)) throw new Refusal(400, 'DeviceTokenNotForTopic');
  if (h['apns-topic'] !== (voip ? `${topic}.voip` : topic)) throw new Refusal(400, 'TopicDisallowed');
  if (h['apns-push-type'] !== (voip ? 'voip' : 'alert')) throw new Refusal(400, 'InvalidPushType');
  if (h['apns-priority'] !== '10' && h['apns-priority'] !== '5') throw new Refusal(400, 'BadPriority');
  if (!/^\d+$/.test(String(h['apns-expiration']))) throw new Refusal(400, 'BadExpirationDate');
  if (Buffer.byteLength(String(h['apns-collapse-id'] ?? '')) > 64) throw new Refusal(400, 'BadCollapseId');
}

/** The JSON body: at most 4 KB, an object with `aps` and an alert title (a VoIP push: `aps` and the app's fields). */
export function checkBody(raw: Buffer, voip = false): any {
  if (raw.length > (voip ? 5120 : 4096)) throw new Refusal(413, 'PayloadTooLarge');
  const body = JSON.parse(raw.toString('utf8'));
  if (voip ? typeof body?.aps !== 'object' : typeof body?.aps?.alert?.title !== 'string') throw new Refusal(400, 'PayloadEmpty');
  return body;
}
