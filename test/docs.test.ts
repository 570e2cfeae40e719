import fs from 'node:fs';
import path from 'node:path';
import { clientEventNames, serverEventSchemas, storedEventTypes } from '@parley/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../src/config.js';
import { routingKey } from '../src/export/amqpExporter.js';
import { auditActions } from '../src/features/admin/audit.js';
import { errorStatus } from '../src/lib/errors.js';
import { TestServer } from './helpers/server.js';

/**
 * Docs that stay true: what README.md and docs/ name (endpoints, socket events, error codes,
 * configuration variables) must exist, and docs/api.md must name every one that does. Each
 * failure lists exactly what is missing or extra.
 */

const read = (file: string) => fs.readFileSync(file, 'utf8');
/** Every doc a reader is sent to; docs/benchmarks.md records past runs and is left as it was measured. */
const docFiles = ['README.md', ...fs.readdirSync('docs').flatMap((f) => (f.endsWith('.md') && f !== 'benchmarks.md' ? [`docs/${f}`] : []))];
const API = 'docs/api.md';

/** The text of every `inline code` span (fenced code blocks are left out). */
function codeSpans(markdown: string): string[] {
  const prose = markdown.replace(/^```[^\n]*\n[\s\S]*?^```[^\n]*$/gm, '');
  return [...prose.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
}

/** The contents of fenced code blocks. */
function codeBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```[^\n]*\n([\s\S]*?)^```/gm)].map((m) => m[1]!);
}

/** The lines of one `## heading` section, up to the next heading of the same level or above. */
function section(markdown: string, heading: string): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.trim() === heading);
  if (start < 0) throw new Error(`${API} has no "${heading}" section`);
  const level = heading.indexOf(' ');
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && l.indexOf(' ') <= level);
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** The backticked names in the first column of a section's table rows. */
function firstColumn(markdown: string): string[] {
  return markdown
    .split('\n')
    .filter((l) => l.startsWith('|') && !/^\|\s*-/.test(l))
    .flatMap((l) => [...(l.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
}

const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();
const minus = (a: Iterable<string>, b: Iterable<string>) => {
  const drop = new Set(b);
  return sorted([...a].filter((x) => !drop.has(x)));
};
/** Where each name was found, for the failure message. */
const where = (names: string[], found: Map<string, Set<string>>) => names.map((n) => `${n} (${sorted(found.get(n) ?? []).join(', ')})`);
function note(found: Map<string, Set<string>>, name: string, file: string) {
  if (!found.has(name)) found.set(name, new Set());
  found.get(name)!.add(file);
}

describe('docs name only what exists, and docs/api.md names all of it', () => {
  let server: TestServer;
  beforeAll(async () => {
    // With GET /metrics on, so the route tree has every route there can be.
    server = await TestServer.start({ METRICS_TOKEN: 'docs-test-metrics-token' });
  });
  afterAll(async () => {
    await server?.close();
  });

  describe('REST endpoints', () => {
    const METHOD = 'GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS';

    /** Every route Fastify serves, read from its route tree (`printRoutes`) and checked with `hasRoute`. */
    function realRoutes(): { method: string; url: string }[] {
      const http = server.app.http;
      const routes: { method: string; url: string }[] = [];
      const stack: string[] = [];
      for (const line of http.printRoutes({ commonPrefix: false }).split('\n')) {
        const m = /^((?:[│ ] {3})*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
        if (!m) continue;
        const depth = m[1]!.length / 4;
        stack.length = depth;
        const url = (stack[depth - 1] ?? '') + m[2]!;
        stack.push(url);
        for (const method of m[3]?.split(', ') ?? []) routes.push({ method, url });
      }
      const misread = routes.filter((r) => !r.url.includes('*') && !http.hasRoute({ method: r.method, url: r.url }));
      expect(misread, 'printRoutes lines this test misread').toEqual([]);
      // Fastify answers HEAD for every GET by itself; a HEAD of its own (tus) stays.
      const gets = new Set(routes.filter((r) => r.method === 'GET').map((r) => r.url));
      return routes.filter((r) => !(r.method === 'HEAD' && gets.has(r.url)));
    }

    /** `/users/:id` and `/users/{id}` and `/users/<id>` alike: a parameter segment is `:`. */
    const paramSegment = (s: string) => /^:\w+$|^\{\w+\}$|<[^>]+>/.test(s);
    const shape = (url: string) =>
      url
        .split('/')
        .map((s) => (paramSegment(s) ? ':' : s))
        .join('/');

    /** A documented path is relative to /api/v1 unless it is one of the few routes outside it. */
    function normalise(docPath: string): string {
      let p = docPath.replace(/[?#].*$/, '').replace(/[.,;:)]+$/, '');
      if (p.length > 1) p = p.replace(/\/$/, '');
      if (!/^\/(api\/v1|\.well-known|docs|metrics)(\/|$)/.test(p)) p = `/api/v1${p}`;
      return shape(p);
    }

    function documented(files: string[]): Map<string, Set<string>> {
      const found = new Map<string, Set<string>>();
      for (const file of files) {
        for (const span of codeSpans(read(file))) {
          const m = new RegExp(`^(${METHOD})\\s+(/\\S*)`).exec(span);
          if (m) note(found, `${m[1]} ${normalise(m[2]!)}`, file);
        }
      }
      return found;
    }

    it('every `METHOD /path` in the README and docs is a real route', () => {
      const real = realRoutes();
      const found = documented(docFiles);
      const unknown = [...found.keys()].filter((entry) => {
        const [method, url] = entry.split(' ') as [string, string];
        const segs = url.split('/');
        return !real.some((r) => {
          const rs = shape(r.url).split('/');
          return r.method === method && rs.length === segs.length && rs.every((s, i) => s === segs[i] || (s === ':' && segs[i] !== ''));
        });
      });
      expect(where(sorted(unknown), found), 'documented endpoints that do not exist').toEqual([]);
    });

    it(`every real route is documented in ${API} (Swagger UI's own /docs pages aside)`, () => {
      const real = realRoutes().filter((r) => !r.url.includes('*') && !/^\/docs(\/|$)/.test(r.url));
      const found = documented([API]);
      const undocumented = sorted(real.filter((r) => !found.has(`${r.method} ${shape(r.url)}`)).map((r) => `${r.method} ${r.url}`));
      expect(undocumented, `routes ${API} does not list as \`METHOD /path\``).toEqual([]);
    });

    it('the OpenAPI document lists no route that the route tree lacks', async () => {
      const real = new Set(realRoutes().map((r) => `${r.method} ${shape(r.url)}`));
      const res = await fetch(`${server.url}/api/v1/openapi.json`);
      const doc = (await res.json()) as { paths: Record<string, Record<string, unknown>> };
      const listed = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${shape(p)}`));
      expect(listed.length).toBeGreaterThan(20);
      expect(minus(listed, real)).toEqual([]);
    });
  });

  describe('socket events', () => {
    /** Events Socket.IO itself defines; docs may name them. */
    const builtIn = ['connect', 'connect_error', 'disconnect', 'disconnecting'];

    const client = () => sorted([...clientEventNames]);

    /** The protocol's server events (packages/protocol) and the names emitted directly in src/realtime. */
    function serverEvents(): string[] {
      const stored: string[] = Object.keys(serverEventSchemas);
      const direct: string[] = [];
      const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
          const p = path.join(dir, entry.name);
          if (entry.isDirectory()) walk(p);
          else if (p.endsWith('.ts') && !p.endsWith('.spec.ts'))
            direct.push(...[...read(p).matchAll(/\.emit\(\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!));
        }
      };
      walk('src/realtime');
      expect(stored.length).toBeGreaterThan(5);
      expect(direct.length).toBeGreaterThan(0);
      return sorted([...stored, ...direct]);
    }

    it(`${API} lists every client → server event in its table, and only those`, () => {
      const listed = firstColumn(section(read(API), '## Client → server'));
      const real = client();
      expect({ undocumented: minus(real, listed), unknown: minus(listed, real) }).toEqual({ undocumented: [], unknown: [] });
    });

    it(`${API} lists every server → client event in its table, and only those`, () => {
      const listed = firstColumn(section(read(API), '## Server → client'));
      const real = serverEvents();
      expect({ undocumented: minus(real, listed), unknown: minus(listed, real) }).toEqual({ undocumented: [], unknown: [] });
    });

    it('every event name in the README and docs exists', () => {
      const real = new Set([...client(), ...serverEvents(), ...builtIn]);
      const found = new Map<string, Set<string>>();
      const eventName = /^([a-z]+:[a-z][a-z-]*)(?=$|[\s{(])/;
      for (const file of docFiles) {
        const md = read(file);
        for (const span of codeSpans(md)) {
          const m = eventName.exec(span);
          if (m) note(found, m[1]!, file);
        }
        // In code: socket.on('message:new', …), emitWithAck('sync:request', …).
        for (const block of codeBlocks(md)) {
          for (const m of block.matchAll(/['"]([a-z]+:[a-z][a-z-]*)['"]/g)) note(found, m[1]!, file);
        }
      }
      expect(where(minus(found.keys(), real), found), 'event names that do not exist').toEqual([]);
    });
  });

  describe('error codes', () => {
    const codes = Object.keys(errorStatus);

    it(`${API}'s error table has every code of src/lib/errors.ts, once, with its status, and no other`, () => {
      const rows = section(read(API), '## REST errors')
        .split('\n')
        .map((l) => /^\|\s*`([^`]+)`\s*\|\s*(\d{3})\s*\|/.exec(l))
        .filter((m) => m !== null)
        .map((m) => ({ code: m[1]!, status: Number(m[2]) }));
      const listed = rows.map((r) => r.code);
      expect({
        undocumented: minus(codes, listed),
        unknown: minus(listed, codes),
        repeated: sorted(listed.filter((c, i) => listed.indexOf(c) !== i)),
        wrongStatus: rows
          .filter((r) => r.code in errorStatus && errorStatus[r.code as keyof typeof errorStatus] !== r.status)
          .map((r) => `${r.code}: documented ${r.status}, is ${errorStatus[r.code as keyof typeof errorStatus]}`),
      }).toEqual({ undocumented: [], unknown: [], repeated: [], wrongStatus: [] });
    });

    it('every `area.code` named in the README and docs is a real error code', () => {
      // Dotted names that are not error codes: AMQP routing keys, audit log actions, and field paths the docs name.
      const storedTypes: string[] = storedEventTypes;
      const notCodes = new Set<string>([
        ...storedTypes.map(routingKey),
        ...auditActions,
        'auth.token',
        'message.id',
        'message.seq',
        'message.text',
        'message.type',
        'media.id',
        'conversation.id',
        'user.id',
      ]);
      const areas = new Set(codes.filter((c) => c.includes('.')).map((c) => c.split('.')[0]));
      const found = new Map<string, Set<string>>();
      for (const file of docFiles) {
        for (const span of codeSpans(read(file))) {
          const m = /^([a-z]+)\.([a-z_]+)$/.exec(span);
          if (m && areas.has(m[1]) && !notCodes.has(span) && !/\.(ts|js|mjs|json|md|sh|ya?ml)$/.test(span)) note(found, span, file);
        }
      }
      expect(found.size).toBeGreaterThan(20);
      expect(where(minus(found.keys(), codes), found), 'error codes that do not exist').toEqual([]);
    });
  });

  it('every relative link in the README and docs leads to a file, and to a heading of it', () => {
    /** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
    const slug = (heading: string) =>
      heading
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-');
    const broken: string[] = [];
    for (const file of docFiles) {
      const prose = read(file).replace(/^```[^\n]*\n[\s\S]*?^```[^\n]*$/gm, '');
      for (const [, target] of prose.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target!)) continue; // http:, https:, mailto:
        const [rel, anchor] = target!.split('#') as [string, string | undefined];
        const dest = rel ? path.join(path.dirname(file), rel) : file;
        if (!fs.existsSync(dest)) {
          broken.push(`${file}: ${target} (no such file)`);
          continue;
        }
        if (anchor && dest.endsWith('.md')) {
          const headings = [...read(dest).matchAll(/^#+ (.+)$/gm)].map((m) => slug(m[1]!));
          if (!headings.includes(anchor)) broken.push(`${file}: ${target} (no such heading)`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('every source file the README and docs name exists', () => {
    const missing: string[] = [];
    for (const file of [...docFiles, 'docs/benchmarks.md']) {
      for (const [, named] of read(file).matchAll(/`((?:src|test|packages|bench|deploy)\/[\w./*-]+\.(?:ts|json|yml|yaml|md|sh))`/g)) {
        if (!named!.includes('*') && !fs.existsSync(named!)) missing.push(`${file}: ${named}`);
      }
    }
    expect(missing).toEqual([]);
  });

  describe('configuration variables', () => {
    /** Variables of the test harness (vitest.config.ts, test/helpers, .ci/run), not of Parley. */
    const harness = [
      'TEST_DATABASE_URL',
      'TEST_REDIS_URL',
      'TEST_AMQP_URL',
      'TEST_AMQP_RESTART_CMD',
      'PARLEY_TEST_DB',
      'PARLEY_TEST_WORKERS',
    ];

    it('the harness variables the docs may name are really read by the harness', () => {
      const sources = ['vitest.config.ts', '.ci/run', ...fs.readdirSync('test/helpers').map((f) => `test/helpers/${f}`)]
        .concat(fs.readdirSync('test').flatMap((f) => (f.endsWith('.ts') ? [`test/${f}`] : [])))
        .map(read)
        .join('\n');
      expect(harness.filter((v) => !sources.includes(v))).toEqual([]);
    });

    it('every variable named in the README and docs exists in src/config.ts', () => {
      const keys = Object.keys(configSchema.shape);
      const found = new Map<string, Set<string>>();
      for (const file of docFiles) {
        for (const span of codeSpans(read(file))) {
          // MEDIA_DIR/files, DATA_DIR=/data, RATE_LIMIT_*; a bare word without "_" only as `NAME=value`.
          for (const m of span.matchAll(/(?<![\w$])([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)(_\*)?(?![\w-])/g))
            note(found, m[1]! + (m[2] ?? ''), file);
          const bare = /^([A-Z][A-Z0-9]*)=/.exec(span);
          if (bare) note(found, bare[1]!, file);
        }
      }
      const exists = (name: string) =>
        harness.includes(name) ||
        (name.endsWith('_*') ? keys.some((k) => k.startsWith(name.slice(0, -1))) : keys.includes(name)) ||
        // The image's entrypoint reads NAME_FILE=/path into NAME (deploy/Dockerfile).
        (name.endsWith('_FILE') && keys.includes(name.slice(0, -'_FILE'.length)));
      expect(found.size).toBeGreaterThan(30);
      expect(where(sorted([...found.keys()].filter((n) => !exists(n))), found), 'variables that src/config.ts does not read').toEqual([]);
    });
  });
});
