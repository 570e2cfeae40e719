import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../../config.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Delivers one mail, or throws (the outbox retries it). */
export interface Mailer {
  readonly kind: 'smtp' | 'log';
  send(mail: Mail): Promise<void>;
  close(): void;
}

interface Logger {
  warn(obj: unknown, msg?: string): void;
}

/** Through the SMTP server of SMTP_URL (nodemailer), from MAIL_FROM. */
class SmtpMailer implements Mailer {
  readonly kind = 'smtp';
  private readonly transport: Transporter;
  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  }

  async send(mail: Mail): Promise<void> {
    await this.transport.sendMail({ from: this.from, ...mail });
  }

  close(): void {
    this.transport.close();
  }
}

/** Development: the mail goes to the log instead of a mailbox. Never used in production. */
class LogMailer implements Mailer {
  readonly kind = 'log';
  constructor(private readonly log: Logger) {}

  async send(mail: Mail): Promise<void> {
    this.log.warn({ to: mail.to, subject: mail.subject }, `mail to ${mail.to} (log mailer: set SMTP_URL to send mail)\n${mail.text}`);
  }

  close(): void {}
}

/** SMTP when SMTP_URL is set; else the log outside production; else none (mails wait in the outbox). */
export function createMailer(config: Config, log: Logger): Mailer | null {
  if (config.SMTP_URL) return new SmtpMailer(config.SMTP_URL, config.MAIL_FROM);
  if (config.NODE_ENV !== 'production') return new LogMailer(log);
  return null;
}
