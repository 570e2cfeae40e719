import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A local SMTP server (smtp-server) that keeps every mail it receives, parsed (mailparser).
 * `stop()` and `start()` again on the same port stand for a mail server outage.
 */
export class LocalSmtp {
  readonly mails: ParsedMail[] = [];
  private server: SMTPServer | undefined;
  private waiters: { match: (m: ParsedMail) => boolean; resolve: (m: ParsedMail) => void }[] = [];
  port = 0;

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            this.mails.push(mail);
            for (const w of this.waiters.filter((w) => w.match(mail))) {
              this.waiters.splice(this.waiters.indexOf(w), 1);
              w.resolve(mail);
            }
            callback();
          })
          .catch((err: Error) => callback(err));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((r) => server.close(() => r()));
  }

  /** The next mail (already received or still to come) to this address. */
  mailTo(address: string, opts: { after?: number; timeoutMs?: number } = {}): Promise<ParsedMail> {
    const match = (m: ParsedMail) => recipients(m).includes(address.toLowerCase());
    const seen = this.mails.slice(opts.after ?? 0).find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no mail to ${address}`)), opts.timeoutMs ?? 10_000);
      this.waiters.push({
        match,
        resolve: (m) => {
          clearTimeout(t);
          resolve(m);
        },
      });
    });
  }

  /** How many mails so far went to this address. */
  countTo(address: string): number {
    return this.mails.filter((m) => recipients(m).includes(address.toLowerCase())).length;
  }
}

function recipients(m: ParsedMail): string[] {
  const to = Array.isArray(m.to) ? m.to : m.to ? [m.to] : [];
  return to.flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase()));
}

/** The token of the link in a mail's text (`…/#/verify-email?token=…`). */
export function linkToken(mail: ParsedMail, screen: 'verify-email' | 'reset-password'): string {
  const m = new RegExp(`/#/${screen}\\?token=([A-Za-z0-9_%-]+)`).exec(mail.text ?? '');
  if (!m) throw new Error(`no ${screen} link in: ${mail.text}`);
  return decodeURIComponent(m[1]!);
}
