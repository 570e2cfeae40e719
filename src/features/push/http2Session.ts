import http2 from 'node:http2';

export interface Http2Answer {
  status: number;
  headers: http2.IncomingHttpHeaders;
  body: string;
}

/**
 * One HTTP/2 connection to one origin, kept open and shared by every request (APNs asks
 * providers to reuse connections rather than open one per push). A session that got GOAWAY,
 * failed or closed is left to finish its streams, and the next request opens a new one.
 */
export class Http2Connection {
  private session: http2.ClientHttp2Session | undefined;
  /** Sessions opened so far (logged: a count that keeps rising means the provider keeps closing them). */
  opened = 0;

  constructor(
    private readonly origin: URL,
    private readonly opts: { ca: string[] | undefined; timeoutMs: number; onClose?: (why: string) => void },
  ) {}

  request(headers: http2.OutgoingHttpHeaders, body: string): Promise<Http2Answer> {
    const session = this.current();
    return new Promise((resolve, reject) => {
      const stream = session.request(headers);
      let status = 0;
      let answer: http2.IncomingHttpHeaders = {};
      const chunks: Buffer[] = [];
      stream.setTimeout(this.opts.timeoutMs, () => stream.close(http2.constants.NGHTTP2_CANCEL));
      stream.on('response', (h) => {
        answer = h;
        status = Number(h[':status']);
      });
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => resolve({ status, headers: answer, body: Buffer.concat(chunks).toString('utf8') }));
      stream.on('error', reject);
      stream.on('close', () => {
        if (status === 0) reject(new Error(`no answer from ${this.origin.origin} (stream closed, code ${stream.rstCode})`));
      });
      stream.end(body);
    });
  }

  /** Waits for the requests in flight, then closes. */
  async close(): Promise<void> {
    const s = this.session;
    this.session = undefined;
    if (s && !s.closed) await new Promise<void>((r) => s.close(r));
  }

  private current(): http2.ClientHttp2Session {
    if (this.session && !this.session.closed && !this.session.destroyed) return this.session;
    const session = http2.connect(this.origin, this.opts.ca ? { ca: this.opts.ca } : {});
    this.opened++;
    const forget = (why: string) => {
      if (this.session !== session) return;
      this.session = undefined;
      this.opts.onClose?.(why);
    };
    session.on('goaway', (code) => forget(`GOAWAY ${code}`));
    session.on('error', (err: Error) => forget(err.message));
    session.on('close', () => forget('closed'));
    session.unref();
    this.session = session;
    return session;
  }
}
