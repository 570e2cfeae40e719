import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** One request as the receiver got it, its signature verified with the spec's reference implementation. */
export interface WebhookDelivery {
  path: string;
  id: string;
  timestamp: number;
  body: any;
  /** What the receiver answered. */
  status: number;
}

/**
 * An app's webhook endpoint on 127.0.0.1 for tests: each path is one webhook with its secret.
 * Every request is verified (`standardwebhooks`' `Webhook.verify`: the signature, and the timestamp
 * within its tolerance); one that fails is answered 400 and kept in `invalid`. `fail(path)` makes a
 * path answer 500 until `recover(path)`, `answer(path, ...)` plans the next answers; `stop()` closes the port (connections are refused) and
 * `restart()` listens on the same port again.
 */
export class WebhookReceiver {
  readonly deliveries: WebhookDelivery[] = [];
  readonly invalid: { path: string; reason: string }[] = [];
  private readonly secrets = new Map<string, string>();
  private readonly failing = new Set<string>();
  private readonly plans = new Map<string, number[]>();
  private stopAt: { path: string; count: number; stopped: () => void } | undefined;
  private server: http.Server;
  port = 0;

  private constructor() {
    this.server = this.newServer();
  }

  static async start(): Promise<WebhookReceiver> {
    const r = new WebhookReceiver();
    await r.listen(0);
    return r;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The URL of a path, to register as a webhook's. */
  url(path: string): string {
    return `${this.origin}${path}`;
  }

  /** Requests to `path` are verified with this secret (the one POST /server/webhooks returned). */
  expect(path: string, secret: string): void {
    this.secrets.set(path, secret);
  }

  fail(path: string): void {
    this.failing.add(path);
  }

  recover(path: string): void {
    this.failing.delete(path);
  }

  /** The next answers to `path`, in order (200 or 500); after them, as `fail` / `recover` say. */
  answer(path: string, ...statuses: (200 | 500)[]): void {
    this.plans.set(path, [...(this.plans.get(path) ?? []), ...statuses]);
  }

  /**
   * Stops the receiver (as `stop`) right after answering the `count`th accepted request to `path`:
   * killed mid-stream, possibly before that answer reached the sender. Resolves once stopped.
   */
  stopAfter(path: string, count: number): Promise<void> {
    return new Promise((resolve) => {
      this.stopAt = { path, count, stopped: resolve };
    });
  }

  /** Every verified request to `path`, in the order they arrived. */
  to(path: string): WebhookDelivery[] {
    return this.deliveries.filter((d) => d.path === path);
  }

  /** The accepted deliveries to `path`, one per `webhook-id` (the first), in arrival order. */
  accepted(path: string): WebhookDelivery[] {
    const seen = new Set<string>();
    return this.to(path).filter((d) => d.status === 200 && !seen.has(d.id) && seen.add(d.id));
  }

  async waitFor(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline)
        throw new Error(`webhook receiver: ${what} not there in ${timeoutMs} ms (${this.deliveries.length} requests)`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Closes the port and every connection: deliveries get "connection refused" until `restart`. */
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((r) => this.server.close(r));
  }

  async restart(): Promise<void> {
    this.server = this.newServer();
    await this.listen(this.port);
  }

  close(): Promise<void> {
    return this.server.listening ? this.stop() : Promise.resolve();
  }

  private newServer(): http.Server {
    return http.createServer((req, res) => void this.handle(req, res));
  }

  private async listen(port: number): Promise<void> {
    await new Promise<void>((r) => this.server.listen(port, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = req.url ?? '';
    const secret = this.secrets.get(path);
    if (req.method !== 'POST' || !secret) return void res.writeHead(404).end();
    const headers = {
      'webhook-id': String(req.headers['webhook-id']),
      'webhook-timestamp': String(req.headers['webhook-timestamp']),
      'webhook-signature': String(req.headers['webhook-signature']),
    };
    let body: unknown;
    try {
      if (req.headers['content-type'] !== 'application/json') throw new Error(`content-type ${req.headers['content-type']}`);
      body = new Webhook(secret).verify(raw, headers);
    } catch (err) {
      this.invalid.push({ path, reason: (err as Error).message });
      return void res.writeHead(400).end();
    }
    const status = this.plans.get(path)?.shift() ?? (this.failing.has(path) ? 500 : 200);
    this.deliveries.push({ path, id: headers['webhook-id'], timestamp: Number(headers['webhook-timestamp']), body, status });
    res.writeHead(status).end();
    const at = this.stopAt;
    if (at && at.path === path && this.to(path).filter((d) => d.status === 200).length >= at.count) {
      this.stopAt = undefined;
      void this.stop().then(at.stopped);
    }
  }
}
