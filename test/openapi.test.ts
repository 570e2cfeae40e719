import { createConfig, lintFromString } from '@redocly/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer } from './helpers/server.js';

let server: TestServer;
let doc: any;
beforeAll(async () => {
  server = await TestServer.start();
  doc = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
});
afterAll(() => server.close());

const operations = () =>
  Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ where: `${method.toUpperCase()} ${path}`, op })),
  );

describe('the OpenAPI document', () => {
  it('passes redocly lint with the recommended rules', async () => {
    const config = await createConfig({
      extends: ['recommended'],
      rules: {
        // /media/tus/{id} and /media/{id}/thumbnail can both match /media/tus/thumbnail: the contract's paths;
        // ids are UUIDs, so the server never confuses them.
        'no-ambiguous-paths': 'off',
      },
    });
    const problems = await lintFromString({ source: JSON.stringify(doc), config, absoluteRef: 'openapi.json' });
    const found = problems.map((p) => `${p.ruleId}: ${p.message} (${p.location?.[0]?.pointer ?? ''})`);
    expect(found).toEqual([]);
  });

  it('names, summarises and describes every operation, with unique operationIds', () => {
    const missing = operations()
      .filter(({ op }) => !op.operationId || !op.summary || !op.description)
      .map(({ where }) => where);
    expect(missing).toEqual([]);
    const ids = operations().map(({ op }) => op.operationId);
    expect(ids.length).toBe(new Set(ids).size);
  });

  it('documents problem+json for every error status an operation declares, and a 2xx for each', () => {
    const wrong = operations().flatMap(({ where, op }) => {
      const statuses = Object.keys(op.responses ?? {});
      const bad = statuses.filter((s) => Number(s) >= 400 && !op.responses[s].content?.['application/problem+json']);
      return [...bad.map((s) => `${where} ${s}`), ...(statuses.some((s) => s.startsWith('2')) ? [] : [`${where}: no 2xx`])];
    });
    expect(wrong).toEqual([]);
  });
});
