import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema, ConfigError, loadConfig } from '../src/config.js';

const keys = Object.keys(configSchema.shape);

describe('configuration', () => {
  it('parses an empty environment into the documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, DATA_DIR: './data', NODE_ENV: 'development' });
  });

  it('stops on a bad variable with a message that names it', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });

  it('the process exits non-zero naming the variable, before listening', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, PORT: '99999' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/PORT/);
  });

  it('every variable is in .env.example and in the README configuration table', () => {
    const example = fs.readFileSync('.env.example', 'utf8');
    const readme = fs.readFileSync('README.md', 'utf8');
    const missing = keys.filter((k) => !new RegExp(`^#?\\s*${k}=`, 'm').test(example));
    const undocumented = keys.filter((k) => !readme.includes(`\`${k}\``));
    expect({ missing, undocumented }).toEqual({ missing: [], undocumented: [] });
  });
});
