import path from 'node:path';
import { z } from 'zod';
import { limitSpec } from './lib/rateLimit.js';

const int = (def: number, min = 0, max = Number.MAX_SAFE_INTEGER) => z.coerce.number().int().min(min).max(max).default(def);
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v));

/** Claim names that carry each profile field, when an issuer uses other names than the OpenID Connect standard ones. */
const claimName = z.string().min(1).max(100);
/** One OpenID Connect issuer (or the app's own backend) whose ID tokens sign in through POST /auth/token. */
export const authIssuerSchema = z
  .object({
    /** How clients name it in POST /auth/token, and the key its accounts are stored under (do not rename it later). */
    name: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'must be 1-40 characters of a-z, 0-9, _ and -, starting with a letter or digit'),
    /** The `iss` its tokens carry (default for the `google` preset: GOOGLE_ISSUER). */
    issuer: z.string().min(1).max(2048).optional(),
    /** The `aud` its tokens must carry (one of them, if a list). */
    audience: z.union([z.string().min(1).max(2048), z.array(z.string().min(1).max(2048)).min(1).max(20)]),
    /** Its public keys (default for the `google` preset: GOOGLE_JWKS_URL). */
    jwksUrl: z
      .string()
      .url()
      .regex(/^https?:\/\//, 'must be an http or https URL')
      .optional(),
    claims: z
      .object({ name: claimName, email: claimName, emailVerified: claimName, username: claimName, avatarUrl: claimName })
      .partial()
      .strict()
      .optional(),
  })
  .strict();
export type AuthIssuerConfig = z.infer<typeof authIssuerSchema>;

const authIssuers = optionalString
  .transform((v, ctx): unknown => {
    if (v === undefined) return [];
    try {
      return JSON.parse(v);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON list of {name, issuer, audience, jwksUrl, claims?}' });
      return z.NEVER;
    }
  })
  .pipe(z.array(authIssuerSchema, 'must be a JSON list of {name, issuer, audience, jwksUrl, claims?}').max(50));

/** Every environment variable Parley reads. `.env.example` mirrors this list. */
export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().default('0.0.0.0'),
    PORT: int(3000, 0, 65535),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** auto: human-readable (pino-pretty) when stdout is a terminal, JSON lines otherwise; json or pretty force one. */
    LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
    DATA_DIR: z.string().default('./data'),
    DATABASE_URL: optionalString.pipe(z.string().url().optional()),
    DATABASE_POOL_SIZE: int(10, 1, 500),
    /**
     * PostgreSQL: how many statements each pooled connection prepares (parsed once, its plan kept)
     * once their text has run three times; 0 = none (a pooler that cannot keep prepared statements).
     */
    DATABASE_STATEMENT_CACHE: int(256, 0, 10_000),
    /**
     * PostgreSQL session timeouts in seconds (fractions allowed, 0 = off), set on every pooled
     * connection: a stuck statement, a wait for a lock, or a transaction left open by a frozen
     * node ends instead of stalling every node (docs/scaling.md).
     */
    DATABASE_STATEMENT_TIMEOUT_SECONDS: z.coerce.number().min(0).max(86_400).default(30),
    DATABASE_LOCK_TIMEOUT_SECONDS: z.coerce.number().min(0).max(86_400).default(5),
    DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS: z.coerce.number().min(0).max(86_400).default(5),
    /** How long a request waits for a pooled connection (or a new one to open) before 503 service.unavailable. */
    DATABASE_CONNECT_TIMEOUT_SECONDS: z.coerce.number().min(0).max(3600).default(10),
    /** PGlite's folder (default DATA_DIR/pglite), or memory:// for a throwaway database. */
    PGLITE_PATH: optionalString,
    JWT_PRIVATE_KEY: optionalString,
    JWT_ISSUER: z.string().default('parley'),
    ACCESS_TOKEN_TTL_SECONDS: int(900, 30, 86_400),
    REFRESH_TOKEN_TTL_DAYS: int(30, 1, 365),
    /** Browser origins allowed (REST and Socket.IO), comma-separated, or *; unset: any outside production, none in production. */
    CORS_ORIGINS: optionalString,
    /**
     * Slow clients: the headers must arrive within this, a body within HTTP_REQUEST_TIMEOUT_SECONDS,
     * an upload within HTTP_UPLOAD_TIMEOUT_SECONDS.
     */
    HTTP_HEADERS_TIMEOUT_SECONDS: int(10, 1, 3600),
    HTTP_REQUEST_TIMEOUT_SECONDS: int(30, 1, 3600),
    /** A whole multipart upload, or one tus PATCH (cut off, it keeps its bytes and the client resumes). */
    HTTP_UPLOAD_TIMEOUT_SECONDS: int(600, 1, 86_400),
    BODY_LIMIT_BYTES: int(1_048_576, 1024, 100 * 1_048_576),
    MESSAGE_MAX_LENGTH: int(10_000, 1, 1_000_000),
    GROUP_MAX_MEMBERS: int(1024, 2, 100_000),
    /** Broadcast groups (`postPermission: 'admins'`): only admins post, so they may be far bigger than a group. */
    BROADCAST_MAX_MEMBERS: int(10_000, 2, 1_000_000),
    /** Group commit: at most this many sends per transaction. */
    SEND_BATCH_MAX: int(200, 1, 5000),
    /** Group commit lanes (by conversation), each with one transaction in flight: throughput for answer time. */
    SEND_PARALLEL: int(1, 1, 64),
    EDIT_WINDOW_SECONDS: int(900, 0),
    DELETE_WINDOW_SECONDS: int(172_800, 0),
    /** Days of event log kept for sync (fractions allowed); older cursors get sync.cursor_expired. */
    EVENT_RETENTION_DAYS: z.coerce.number().positive().max(3650).default(30),
    EVENT_PRUNE_INTERVAL_MS: int(3_600_000, 100, 86_400_000),
    /** Days a message is kept (fractions allowed) before the retention purge deletes it; unset: kept forever. A group's own setting wins. */
    MESSAGE_RETENTION_DAYS: optionalString
      .transform((v) => (v === undefined ? undefined : Number(v)))
      .pipe(z.number().positive().max(36_500).optional()),
    MESSAGE_PURGE_INTERVAL_MS: int(3_600_000, 100, 86_400_000),
    /** How often the disappearing sweep deletes expired messages (read paths hide them from their expiresAt on anyway). */
    DISAPPEARING_SWEEP_MS: int(10_000, 50, 3_600_000),
    /** Messages the retention purge deletes per transaction. */
    MESSAGE_PURGE_BATCH_SIZE: int(500, 1, 10_000),
    EMITTER_POLL_MS: int(1000, 10, 60_000),
    /** How often the search indexer looks for new messages to index: how long a message may wait to be found by search. */
    SEARCH_INDEX_INTERVAL_MS: int(500, 10, 60_000),
    /** Where uploads live with the local storage driver (default DATA_DIR/media). */
    MEDIA_DIR: optionalString,
    /** Largest file POST /media/upload (and an avatar) accepts; 413 beyond. */
    MEDIA_MAX_BYTES: int(25 * 1_048_576, 1, 1024 * 1_048_576 * 1024),
    /** Largest resumable (tus) upload. */
    TUS_MAX_BYTES: int(2 * 1024 * 1_048_576, 1, 1024 * 1_048_576 * 1024),
    /** Unfinished tus uploads one user may have at once; 429 media.too_many_uploads beyond. */
    TUS_MAX_PENDING_PER_USER: int(10, 1, 10_000),
    /** Bytes one user may store: their media plus the full length of their unfinished tus uploads; 413 media.quota_exceeded beyond. 0: no quota. */
    MEDIA_QUOTA_BYTES_PER_USER: int(5 * 1024 * 1_048_576, 0, 1024 ** 5),
    /** Largest image, in pixels (width × height × frames), that is decoded; 413 beyond (from the header, before decoding). */
    MEDIA_MAX_PIXELS: int(40_000_000, 1, 1_000_000_000),
    /** Images decoded at once per process; more wait their turn, so decoding memory stays near this × MEDIA_MAX_PIXELS × 4 bytes. */
    MEDIA_DECODE_CONCURRENCY: int(2, 1, 64),
    /** Uploads never attached to a message are deleted after this many hours (fractions allowed). */
    MEDIA_ORPHAN_HOURS: z.coerce.number().positive().max(87_600).default(24),
    MEDIA_CLEANUP_INTERVAL_MS: int(600_000, 100, 86_400_000),
    /** S3-compatible shared storage for media and avatars: used instead of MEDIA_DIR/files when S3_BUCKET is set. */
    S3_ENDPOINT: optionalString.pipe(z.string().url().optional()),
    S3_BUCKET: optionalString,
    S3_REGION: z.string().min(1).default('us-east-1'),
    S3_ACCESS_KEY_ID: optionalString,
    S3_SECRET_ACCESS_KEY: optionalString,
    /** Path-style URLs (endpoint/bucket/key); unset: true when S3_ENDPOINT is set, else virtual-hosted. */
    S3_FORCE_PATH_STYLE: optionalString
      .pipe(z.enum(['true', 'false']).optional())
      .transform((v) => (v === undefined ? undefined : v === 'true')),
    SHUTDOWN_GRACE_MS: int(10_000, 0, 600_000),
    /** Turns GET /metrics (Prometheus) on behind `Authorization: Bearer <token>`; on METRICS_PORT if that is set. */
    METRICS_TOKEN: optionalString.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
    /** Serves GET /metrics on this port only (the main port then has none); without METRICS_TOKEN, to anyone who reaches it. */
    METRICS_PORT: optionalString.pipe(z.coerce.number<string>().int().min(1).max(65_535).optional()),
    /** on: the reference web client (packages/web/dist) at `/`; off: the API alone (src/boot/webClient.ts). */
    WEB_CLIENT: z.enum(['on', 'off']).default('on'),
    /** Sockets one user may hold open on one node; the next handshake fails with connect_error socket.too_many. */
    MAX_SOCKETS_PER_USER: int(20, 1, 10_000),
    /** With REDIS_URL: how often a node renews its presence heartbeat, and when a silent node counts as gone. */
    PRESENCE_HEARTBEAT_MS: int(10_000, 100, 600_000),
    PRESENCE_TTL_MS: int(30_000, 300, 3_600_000),
    PRESENCE_GROUP_MAX_MEMBERS: int(256, 0, 100_000),
    /** Proxies whose X-Forwarded-For names the client: true (any), false (none), or addresses/CIDRs/loopback,linklocal,uniquelocal. */
    TRUST_PROXY: z
      .string()
      .default('loopback,linklocal,uniquelocal')
      .transform((v): boolean | string => (v === 'true' ? true : v === 'false' ? false : v)),
    /** Shared state for several nodes (rate-limit counters); unset keeps it in memory. */
    REDIS_URL: optionalString.pipe(z.string().url().optional()),
    /** Every Redis key and channel Parley uses starts with this, so deployments can share a Redis. */
    REDIS_KEY_PREFIX: z.string().min(1).max(100).default('parley:'),
    /** RabbitMQ URL: when set, committed events are published to AMQP_EXCHANGE (src/export/amqpExporter.ts). */
    AMQP_URL: optionalString.pipe(z.string().url().optional()),
    /** The durable topic exchange events are published to (routing keys such as message.created). */
    AMQP_EXCHANGE: z.string().min(1).default('parley.events'),
    /** Comma-separated URL prefixes the server may call even when not https to a public address (push endpoints, webhooks). */
    OUTBOUND_ALLOWED_URLS: optionalString,
    /** Link previews of the first http(s) URL of a message's text, fetched by this server (src/features/linkPreviews). */
    LINK_PREVIEWS: z.enum(['on', 'off']).default('on'),
    /** A preview's page (and, separately, its image) must arrive within this, redirects included, in ms. */
    LINK_PREVIEW_TIMEOUT_MS: int(5000, 100, 60_000),
    /** A preview's page or image larger than this is not used. */
    LINK_PREVIEW_MAX_BYTES: int(524_288, 1024, 10_485_760),
    /** Webhooks (POST /server/webhooks): one request's timeout, in seconds. */
    WEBHOOK_TIMEOUT_SECONDS: z.coerce.number().positive().max(300).default(15),
    /** The longest wait between attempts at a failing webhook (0.5 s, doubling, up to this; the leased reader's doubling stops at 256 s). */
    WEBHOOK_MAX_BACKOFF_SECONDS: z.coerce.number().positive().max(256).default(240),
    /** A webhook failing continuously this long (minutes, fractions allowed) is disabled, with the reason shown. */
    WEBHOOK_DISABLE_AFTER_MINUTES: z.coerce.number().positive().max(525_600).default(4320),
    /** How often a node looks for webhooks created, enabled or deleted on other nodes. */
    WEBHOOK_SYNC_INTERVAL_MS: int(5000, 100, 3_600_000),
    /** false: no push worker on this node (devices can still be registered). */
    PUSH_ENABLED: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true'),
    /** The VAPID `sub` claim: how a push service contacts the operator (mailto: or https:). */
    VAPID_SUBJECT: z
      .string()
      .regex(/^(mailto:|https:\/\/)\S+$/, 'must be a mailto: or https: URL')
      .default('mailto:push@parley.invalid'),
    /** How long a push service keeps a notification for an unreachable device (Web Push TTL, FCM ttl, apns-expiration). */
    PUSH_TTL_SECONDS: int(86_400, 0, 2_419_200),
    /** FCM is on when this is set: the Firebase service-account key, as a path to its JSON file or the JSON itself. */
    FCM_SERVICE_ACCOUNT_JSON: optionalString,
    /** The FCM HTTP v1 API's origin (tests point it at a stand-in); the OAuth2 token URL is the key's `token_uri`. */
    FCM_API_URL: z.string().url().default('https://fcm.googleapis.com'),
    /** APNs is on when this is set: the .p8 token-signing key, as a path or the PEM itself; with APNS_KEY_ID, APNS_TEAM_ID, APNS_TOPIC. */
    APNS_KEY: optionalString,
    APNS_KEY_ID: optionalString.pipe(
      z
        .string()
        .regex(/^[A-Z0-9]{10}$/, 'must be the 10-character key ID')
        .optional(),
    ),
    APNS_TEAM_ID: optionalString.pipe(
      z
        .string()
        .regex(/^[A-Z0-9]{10}$/, 'must be the 10-character team ID')
        .optional(),
    ),
    /** The app's bundle ID (apns-topic). */
    APNS_TOPIC: optionalString,
    /** https://api.push.apple.com (production) or https://api.sandbox.push.apple.com (development builds). */
    APNS_URL: z
      .string()
      .url()
      .regex(/^https:\/\//, 'must be an https URL')
      .default('https://api.push.apple.com'),
    /** A PEM file of CA certificates trusted for the APNs connection besides the system's (tests). */
    APNS_CA_FILE: optionalString,
    /** off turns every request rate limit off (load tests, trusted networks); the OTP rules stay. */
    RATE_LIMITS: z.enum(['on', 'off']).default('on'),
    RATE_LIMIT_REGISTER_PER_IP: limitSpec.prefault('300/1h'),
    RATE_LIMIT_LOGIN_PER_IP: limitSpec.prefault('300/5m'),
    RATE_LIMIT_LOGIN_FAILURES_PER_ACCOUNT: limitSpec.prefault('20/15m'),
    RATE_LIMIT_OTP_PER_IP: limitSpec.prefault('30/1h'),
    RATE_LIMIT_OTP_PER_PHONE: limitSpec.prefault('10/1h'),
    RATE_LIMIT_MESSAGES_PER_USER: limitSpec.prefault('600/1m'),
    RATE_LIMIT_SOCKET_EVENTS: limitSpec.prefault('1000/10s'),
    RATE_LIMIT_CONTACT_SYNC_PER_USER: limitSpec.prefault('30/1h'),
    RATE_LIMIT_KEY_CLAIMS_PER_USER: limitSpec.prefault('300/1h'),
    /** Counted on POST /media/upload, tus creations and POST /users/me/avatar together. */
    RATE_LIMIT_UPLOADS_PER_USER: limitSpec.prefault('200/1h'),
    /** POST /groups per user: each creation can add up to 256 members at once. */
    RATE_LIMIT_GROUPS_PER_USER: limitSpec.prefault('30/1h'),
    /** POST /push/devices per user: each registration resolves a URL the server will call. */
    RATE_LIMIT_PUSH_DEVICES_PER_USER: limitSpec.prefault('30/1h'),
    /** GET /users/me/export per user: each reads everything the account holds. */
    RATE_LIMIT_EXPORTS_PER_USER: limitSpec.prefault('10/1h'),
    /** POST /groups/:id/members requests per user (each adds up to 256 members). */
    RATE_LIMIT_GROUP_MEMBER_ADDS_PER_USER: limitSpec.prefault('300/1h'),
    /** Key-bundle claims of one target by everyone together, so strangers cannot drain a user's one-time prekeys. */
    RATE_LIMIT_KEY_CLAIMS_PER_TARGET: limitSpec.prefault('100/1h'),
    /** POST /reports per user: each one lands in the admins' queue. */
    RATE_LIMIT_REPORTS_PER_USER: limitSpec.prefault('20/1h'),
    /** GET /users?search= per user: searching is how accounts are enumerated. */
    RATE_LIMIT_USER_SEARCH_PER_USER: limitSpec.prefault('60/1m'),
    /** Requests to /server routes per server API key (each key its own budget, whatever IP or user it acts for). */
    RATE_LIMIT_SERVER_PER_KEY: limitSpec.prefault('6000/1m'),
    OTP_TTL_SECONDS: int(300, 1, 3600),
    OTP_MAX_ATTEMPTS: int(3, 1, 20),
    OTP_COOLDOWN_SECONDS: int(60, 0, 3600),
    /** Development only: every OTP is this code (refused when NODE_ENV=production). */
    OTP_DEV_CODE: optionalString.pipe(
      z
        .string()
        .regex(/^\d{6}$/, 'must be 6 digits')
        .optional(),
    ),
    /** Where codes are POSTed as JSON {phoneNumber, code, message}; unset: logged (not in production). */
    SMS_WEBHOOK_URL: optionalString.pipe(z.string().url().optional()),
    SMS_WEBHOOK_TOKEN: optionalString,
    /** Where the web client is, for the links in mails (`${PUBLIC_URL}/#/verify-email?token=…`); default http://localhost:PORT. */
    PUBLIC_URL: optionalString.pipe(z.string().url().optional()),
    /** The SMTP server mail goes through, e.g. smtp://user:pass@mail.example.com:587 or smtps://…; unset: mails are logged (not in production: not sent). */
    SMTP_URL: optionalString.pipe(z.string().url().optional()),
    MAIL_FROM: z.string().default('Parley <no-reply@localhost>'),
    /** How often the mail sender looks for mail due (it is also woken at once by new mail on this node). */
    MAIL_POLL_MS: int(5000, 50, 600_000),
    /** Days a sent mail stays in mail_outbox (fractions allowed); older ones are pruned every EVENT_PRUNE_INTERVAL_MS. */
    MAIL_OUTBOX_RETENTION_DAYS: z.coerce.number().positive().max(3650).default(7),
    EMAIL_VERIFY_TTL_HOURS: int(24, 1, 720),
    PASSWORD_RESET_TTL_MINUTES: int(60, 5, 1440),
    /** Verification and reset mails per address (and per account), whoever asks. */
    RATE_LIMIT_ACCOUNT_MAIL_PER_EMAIL: limitSpec.prefault('5/1h'),
    /** Google sign-in is on when this is set: the audience ID tokens must carry. */
    GOOGLE_CLIENT_ID: optionalString,
    GOOGLE_ISSUER: z.string().default('https://accounts.google.com,accounts.google.com'),
    GOOGLE_JWKS_URL: z.string().url().default('https://www.googleapis.com/oauth2/v3/certs'),
    /**
     * OpenID Connect issuers (or the app's own backend) for POST /auth/token: a JSON list of
     * {name, issuer, audience, jwksUrl, claims?}; `name: "google"` is the Google preset (issuer and jwksUrl optional).
     */
    AUTH_ISSUERS: authIssuers,
    /**
     * After fetching an issuer's key set (Google's too), a token naming an unknown `kid` fetches it again only after this
     * many seconds (fractions allowed), so forged kids cannot make the server hammer the issuer.
     */
    AUTH_JWKS_COOLDOWN_SECONDS: z.coerce.number().min(0).max(3600).default(30),
    /**
     * Comma-separated emails of admins: an account with one of them, VERIFIED, becomes an admin at sign-up,
     * sign-in, email verification and boot (src/features/admin/roles.ts). Unverified, it stays a user.
     */
    ADMIN_EMAILS: optionalString.transform((v) =>
      (v ?? '')
        .split(',')
        .map((e) => e.trim().toLowerCase())
        .filter(Boolean),
    ),
    /** How long a call rings (every device of the callee) before it is missed: a missed-call message in the direct chat. */
    CALL_RING_TIMEOUT_SECONDS: int(45, 1, 600),
    /** coturn's `static-auth-secret` (use-auth-secret): GET /calls/turn-credentials signs time-limited credentials with it; unset: 503. */
    TURN_SECRET: optionalString,
    /** Comma-separated STUN/TURN URIs given to clients with the credentials, e.g. turn:turn.example.com:3478?transport=udp. */
    TURN_URIS: optionalString.transform((v) =>
      (v ?? '')
        .split(',')
        .map((u) => u.trim())
        .filter(Boolean),
    ),
    /** How long TURN credentials stay valid (the expiry in their username). */
    TURN_TTL_SECONDS: int(86_400, 60, 604_800),
    /** Days the audit log (GET /admin/audit-log) keeps an entry (fractions allowed); pruned in batches with the events. */
    AUDIT_LOG_RETENTION_DAYS: z.coerce.number().positive().max(36_500).default(365),
  })
  .superRefine((c, issue) => {
    const badOrigins = corsOriginList(c.CORS_ORIGINS).filter((o) => o !== '*' && !isOrigin(o));
    if (badOrigins.length > 0) {
      issue.addIssue({
        code: 'custom',
        path: ['CORS_ORIGINS'],
        message: `${badOrigins.join(', ')}: each must be an origin such as https://chat.example.com (scheme, host, optional port; no path), or *`,
      });
    }
    if (c.HTTP_HEADERS_TIMEOUT_SECONDS > c.HTTP_REQUEST_TIMEOUT_SECONDS || c.HTTP_REQUEST_TIMEOUT_SECONDS > c.HTTP_UPLOAD_TIMEOUT_SECONDS) {
      issue.addIssue({
        code: 'custom',
        path: ['HTTP_REQUEST_TIMEOUT_SECONDS'],
        message: 'must be at least HTTP_HEADERS_TIMEOUT_SECONDS and at most HTTP_UPLOAD_TIMEOUT_SECONDS',
      });
    }
    if (c.METRICS_PORT !== undefined && c.METRICS_PORT === c.PORT) {
      issue.addIssue({ code: 'custom', path: ['METRICS_PORT'], message: 'must differ from PORT' });
    }
    if (c.NODE_ENV === 'production' && c.OTP_DEV_CODE) {
      issue.addIssue({ code: 'custom', path: ['OTP_DEV_CODE'], message: 'is not allowed when NODE_ENV=production' });
    }
    const apns = ['APNS_KEY', 'APNS_KEY_ID', 'APNS_TEAM_ID', 'APNS_TOPIC'] as const;
    const apnsMissing = apns.filter((k) => !c[k]);
    if (apnsMissing.length > 0 && apnsMissing.length < apns.length) {
      issue.addIssue({
        code: 'custom',
        path: [apnsMissing[0]!],
        message: `is required with ${apns.filter((k) => c[k]).join(', ')} (APNs needs the key, its ID, the team ID and the topic)`,
      });
    }
    const seen = new Set<string>();
    c.AUTH_ISSUERS.forEach((entry, i) => {
      if (seen.has(entry.name))
        issue.addIssue({ code: 'custom', path: ['AUTH_ISSUERS', i, 'name'], message: `${entry.name} is listed twice` });
      seen.add(entry.name);
      if (entry.name === 'google' && c.GOOGLE_CLIENT_ID) {
        issue.addIssue({
          code: 'custom',
          path: ['AUTH_ISSUERS', i, 'name'],
          message: 'google is already configured by GOOGLE_CLIENT_ID; set one or the other',
        });
      }
      if (entry.name !== 'google') {
        for (const key of ['issuer', 'jwksUrl'] as const) {
          if (!entry[key]) issue.addIssue({ code: 'custom', path: ['AUTH_ISSUERS', i, key], message: 'is required' });
        }
      }
    });
    const s3Missing = (['S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const).filter((k) => !c[k]);
    if (c.S3_BUCKET && s3Missing.length > 0) {
      issue.addIssue({
        code: 'custom',
        path: ['S3_BUCKET'],
        message: `is set, so ${s3Missing.join(' and ')} ${s3Missing.length > 1 ? 'are' : 'is'} required too`,
      });
    }
    const s3Set = (['S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE'] as const).filter(
      (k) => c[k] !== undefined,
    );
    if (!c.S3_BUCKET && s3Set.length > 0) {
      issue.addIssue({
        code: 'custom',
        path: ['S3_BUCKET'],
        message: `is required when ${s3Set.join(', ')} ${s3Set.length > 1 ? 'are' : 'is'} set`,
      });
    }
  });

function corsOriginList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
}

function isOrigin(o: string): boolean {
  try {
    return new URL(o).origin === o;
  } catch {
    return false;
  }
}

/**
 * Who may call from a browser: CORS_ORIGINS, else any origin outside production and none in
 * production (no Access-Control-Allow-Origin at all). Never with credentials: auth is a bearer header.
 */
export function allowedOrigins(c: Pick<Config, 'CORS_ORIGINS' | 'NODE_ENV'>): string[] | boolean {
  const list = corsOriginList(c.CORS_ORIGINS);
  if (list.includes('*')) return true;
  if (list.length > 0) return list;
  return c.NODE_ENV !== 'production';
}

export type Config = z.infer<typeof configSchema> & {
  /** Absolute DATA_DIR. */
  dataDir: string;
};

export class ConfigError extends Error {}

/** Parses the environment once; a bad variable stops the start with a message that names it. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR) };
}
