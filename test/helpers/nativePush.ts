import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApnsService } from './apnsService.js';
import { FcmService } from './fcmService.js';
import { settle } from './server.js';

export const until = async (check: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not in ${timeoutMs} ms: ${what}`);
    await settle(25);
  }
};

/** The FCM and APNs stand-ins together, and the configuration that points a server at them. */
export class NativeProviders {
  private constructor(
    readonly fcm: FcmService,
    readonly apns: ApnsService,
    private readonly keyDir: string,
  ) {}

  static async start(): Promise<NativeProviders> {
    const [fcm, apns] = await Promise.all([FcmService.start(), ApnsService.start()]);
    const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'parley-fcm-'));
    fs.writeFileSync(path.join(keyDir, 'service-account.json'), JSON.stringify(fcm.serviceAccount()));
    return new NativeProviders(fcm, apns, keyDir);
  }

  /** The FCM key as a file (as the console downloads it), the APNs key inline: both forms are in use. */
  env(): Record<string, string> {
    return {
      FCM_SERVICE_ACCOUNT_JSON: path.join(this.keyDir, 'service-account.json'),
      FCM_API_URL: this.fcm.origin,
      APNS_KEY: this.apns.p8,
      APNS_KEY_ID: this.apns.keyId,
      APNS_TEAM_ID: this.apns.teamId,
      APNS_TOPIC: this.apns.topic,
      APNS_URL: this.apns.origin,
      APNS_CA_FILE: this.apns.caFile,
    };
  }

  /** Waits for this message's accepted FCM send to the token and returns it. */
  async fcmPush(token: string, messageId: string) {
    const find = () => this.fcm.delivered(token).find((r) => r.message.data.messageId === messageId);
    await until(() => find() !== undefined, `FCM push of ${messageId}`);
    return find()!;
  }

  async apnsPush(token: string, messageId: string) {
    const find = () => this.apns.delivered(token).find((r) => r.body.messageId === messageId);
    await until(() => find() !== undefined, `APNs push of ${messageId}`);
    return find()!;
  }

  async close(): Promise<void> {
    await Promise.all([this.fcm.close(), this.apns.close()]);
    fs.rmSync(this.keyDir, { recursive: true, force: true });
  }
}
