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
    const r = spawnSync(process.execPath, ['--conditions=source', '--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, PORT: '99999' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/PORT/);
  });

  it('LOG_FORMAT is auto, json or pretty (auto by default)', () => {
    expect(loadConfig({}).LOG_FORMAT).toBe('auto');
    expect(loadConfig({ LOG_FORMAT: 'pretty' }).LOG_FORMAT).toBe('pretty');
    expect(() => loadConfig({ LOG_FORMAT: 'loud' })).toThrow(/LOG_FORMAT/);
  });

  it('every variable is in .env.example and has exactly one row in the docs/configuration.md tables, and no other is there', () => {
    const example = fs.readFileSync('.env.example', 'utf8');
    const doc = fs.readFileSync('docs/configuration.md', 'utf8');
    const rows = [...doc.matchAll(/^\|\s*`([^`]+)`\s*\|/gm)].map((m) => m[1]!);
    const inExample = [...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!);
    expect({
      missingFromExample: keys.filter((k) => !inExample.includes(k)),
      unknownInExample: [...new Set(inExample.filter((k) => !keys.includes(k)))],
      undocumented: keys.filter((k) => !rows.includes(k)),
      unknownInDoc: rows.filter((r) => !keys.includes(r)),
      repeatedInDoc: rows.filter((r, i) => rows.indexOf(r) !== i),
    }).toEqual({ missingFromExample: [], unknownInExample: [], undocumented: [], unknownInDoc: [], repeatedInDoc: [] });
  });
});
