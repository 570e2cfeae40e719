import type { Config } from '../../config.js';

/** Delivers a sign-in code to a phone. */
export interface OtpSender {
  readonly kind: 'webhook' | 'console';
  send(phoneNumber: string, code: string, ttlSeconds: number): Promise<void>;
}

interface Logger {
  warn(obj: unknown, msg?: string): void;
}

const text = (code: string, ttlSeconds: number) =>
  `Your Parley code is ${code}. It expires in ${Math.round(ttlSeconds / 60) || 1} minute(s). Do not share it.`;

/**
 * POSTs `{phoneNumber, code, message}` as JSON to SMS_WEBHOOK_URL (with `Authorization: Bearer
 * SMS_WEBHOOK_TOKEN` when set): a small relay turns that into an SMS through any provider.
 * Anything but a 2xx within 5 s is a failure.
 */
export class WebhookOtpSender implements OtpSender {
  readonly kind = 'webhook';
  constructor(
    private readonly url: string,
    private readonly token: string | undefined,
  ) {}

  async send(phoneNumber: string, code: string, ttlSeconds: number): Promise<void> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: JSON.stringify({ phoneNumber, code, message: text(code, ttlSeconds) }),
      signal: AbortSignal.timeout(5000),
    });
    await res.body?.cancel();
    if (!res.ok) throw new Error(`SMS webhook answered ${res.status}`);
  }
}

/** Development: the code goes to the log instead of a phone. Never used in production. */
export class ConsoleOtpSender implements OtpSender {
  readonly kind = 'console';
  constructor(private readonly log: Logger) {}

  async send(phoneNumber: string, code: string): Promise<void> {
    this.log.warn({ phoneNumber }, `sign-in code for ${phoneNumber}: ${code} (console OTP sender: set SMS_WEBHOOK_URL to send SMS)`);
  }
}

/** The webhook when SMS_WEBHOOK_URL is set; else the log outside production; else none (phone sign-in is off). */
export function createOtpSender(config: Config, log: Logger): OtpSender | null {
  if (config.SMS_WEBHOOK_URL) return new WebhookOtpSender(config.SMS_WEBHOOK_URL, config.SMS_WEBHOOK_TOKEN);
  if (config.NODE_ENV !== 'production') return new ConsoleOtpSender(log);
  return null;
}
