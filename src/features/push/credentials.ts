import crypto from 'node:crypto';
import fs from 'node:fs';
import tls from 'node:tls';
import { z } from 'zod';
import type { Config } from '../../config.js';
import type { PushPlatform } from './devices.js';

/** The fields of a Google service-account key (the JSON the Firebase console downloads) that FCM needs. */
const serviceAccount = z.object({
  type: z.literal('service_account'),
  project_id: z.string().min(1),
  private_key_id: z.string().min(1),
  private_key: z.string().includes('PRIVATE KEY'),
  client_email: z.string().min(3),
  token_uri: z.url(),
});
export type ServiceAccount = z.infer<typeof serviceAccount>;

export interface ApnsCredentials {
  key: crypto.KeyObject;
  keyId: string;
  teamId: string;
  topic: string;
  url: URL;
  /** Trusted CAs for the connection (the system's, plus APNS_CA_FILE). */
  ca: string[] | undefined;
}

/** A secret given inline (it starts like its format) or as the path of a file holding it. */
function readSecret(value: string, inlineStart: string, variable: string): string {
  if (value.trimStart().startsWith(inlineStart)) return value;
  try {
    return fs.readFileSync(value, 'utf8');
  } catch (err) {
    throw new Error(`${variable}: cannot read ${value}: ${(err as Error).message}`, { cause: err });
  }
}

/** The FCM service account, or undefined when FCM is not configured. Throws naming the variable: a bad key stops the start. */
export function fcmAccount(config: Pick<Config, 'FCM_SERVICE_ACCOUNT_JSON'>): ServiceAccount | undefined {
  if (!config.FCM_SERVICE_ACCOUNT_JSON) return undefined;
  const text = readSecret(config.FCM_SERVICE_ACCOUNT_JSON, '{', 'FCM_SERVICE_ACCOUNT_JSON');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error('FCM_SERVICE_ACCOUNT_JSON is not JSON (a path to the key file, or the file’s contents)', { cause: err });
  }
  const parsed = serviceAccount.safeParse(json);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new Error(`FCM_SERVICE_ACCOUNT_JSON is not a service-account key (${fields})`);
  }
  return parsed.data;
}

/** The APNs token-signing key and its identifiers, or undefined when APNs is not configured (the config requires all four together). */
export function apnsCredentials(
  config: Pick<Config, 'APNS_KEY' | 'APNS_KEY_ID' | 'APNS_TEAM_ID' | 'APNS_TOPIC' | 'APNS_URL' | 'APNS_CA_FILE'>,
): ApnsCredentials | undefined {
  if (!config.APNS_KEY) return undefined;
  const pem = readSecret(config.APNS_KEY, '-----BEGIN', 'APNS_KEY');
  let key: crypto.KeyObject;
  try {
    key = crypto.createPrivateKey(pem);
  } catch (err) {
    throw new Error('APNS_KEY is not a PEM private key (the .p8 file from the Apple Developer account, or its contents)', { cause: err });
  }
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new Error('APNS_KEY must be a P-256 (ES256) key, as Apple issues them');
  }
  const extraCa = config.APNS_CA_FILE ? readSecret(config.APNS_CA_FILE, '-----BEGIN', 'APNS_CA_FILE') : undefined;
  return {
    key,
    keyId: config.APNS_KEY_ID!,
    teamId: config.APNS_TEAM_ID!,
    topic: config.APNS_TOPIC!,
    url: new URL(config.APNS_URL),
    ca: extraCa ? [...tls.rootCertificates, extraCa] : undefined,
  };
}

/** Whether this platform's provider is configured (registering its devices makes sense); Web Push always is. */
export function platformConfigured(config: Pick<Config, 'FCM_SERVICE_ACCOUNT_JSON' | 'APNS_KEY'>, platform: PushPlatform): boolean {
  if (platform === 'fcm') return config.FCM_SERVICE_ACCOUNT_JSON !== undefined;
  if (platform === 'apns' || platform === 'apns-voip') return config.APNS_KEY !== undefined;
  return true;
}
