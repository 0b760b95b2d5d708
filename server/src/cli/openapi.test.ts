import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateOpenApi, OPENAPI_FILE } from './openapi';

describe('committed OpenAPI document', () => {
  it('matches the routes (run `npm run openapi` after changing an API)', async () => {
    const committed = fs.existsSync(OPENAPI_FILE) ? fs.readFileSync(OPENAPI_FILE, 'utf8') : '';
    expect(JSON.parse(await generateOpenApi())).toEqual(
      committed ? JSON.parse(committed) : 'docs/openapi.json is missing',
    );
    // Building the whole app and its document takes 20–50 s while the other test files load the machine.
  }, 120_000);
});
