import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clientTypesFile, clientTypesSource } from '../scripts/generate-client-types.js';

describe("the SDK's REST types (packages/client/src/openapi.ts)", () => {
  it('are what the generator makes from the OpenAPI document now', async () => {
    const expected = await clientTypesSource();
    const actual = fs.existsSync(clientTypesFile) ? fs.readFileSync(clientTypesFile, 'utf8') : '';
    // One boolean, not a 10,000-line diff: the fix is to regenerate.
    expect(actual === expected, 'packages/client/src/openapi.ts is stale: run `npm run generate:client`').toBe(true);
  }, 120_000);
});
