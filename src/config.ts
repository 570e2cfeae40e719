import path from 'node:path';
import { z } from 'zod';

const int = (def: number, min = 0, max = Number.MAX_SAFE_INTEGER) => z.coerce.number().int().min(min).max(max).default(def);
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v));

/** Every environment variable Parley reads. `.env.example` mirrors this list. */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: int(3000, 0, 65535),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: optionalString.pipe(z.string().url().optional()),
  DATABASE_POOL_SIZE: int(10, 1, 500),
  /** PGlite's folder (default DATA_DIR/pglite), or memory:// for a throwaway database. */
  PGLITE_PATH: optionalString,
  JWT_PRIVATE_KEY: optionalString,
  JWT_ISSUER: z.string().default('parley'),
  ACCESS_TOKEN_TTL_SECONDS: int(900, 30, 86_400),
  REFRESH_TOKEN_TTL_DAYS: int(30, 1, 365),
  CORS_ORIGINS: z.string().default('*'),
  BODY_LIMIT_BYTES: int(1_048_576, 1024, 100 * 1_048_576),
  MESSAGE_MAX_LENGTH: int(10_000, 1, 1_000_000),
  EDIT_WINDOW_SECONDS: int(900, 0),
  DELETE_WINDOW_SECONDS: int(172_800, 0),
  /** Days of event log kept for sync (fractions allowed); older cursors get sync.cursor_expired. */
  EVENT_RETENTION_DAYS: z.coerce.number().positive().max(3650).default(30),
  EVENT_PRUNE_INTERVAL_MS: int(3_600_000, 100, 86_400_000),
  EMITTER_POLL_MS: int(1000, 10, 60_000),
  SHUTDOWN_GRACE_MS: int(10_000, 0, 600_000),
});

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
