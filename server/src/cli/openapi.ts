import { systemClock } from '../clock';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { loadConfig } from '../config';
import { openDb } from '../db/client';
import { buildApp } from '../http/app';

/** The committed OpenAPI document (reviewed like code; a test fails when it is stale). */
export const OPENAPI_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../docs/openapi.json',
);

export async function generateOpenApi(): Promise<string> {
  const db = await openDb({ memory: true });
  try {
    const app = await buildApp(
      { db, config: loadConfig({}), log: pino({ level: 'silent' }), clock: systemClock },
      { logger: false, webDist: null },
    );
    await app.ready();
    const doc = JSON.stringify(app.swagger(), null, 2) + '\n';
    await app.close();
    return doc;
  } finally {
    await db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  fs.writeFileSync(OPENAPI_FILE, await generateOpenApi());
  console.log(`wrote ${path.relative(process.cwd(), OPENAPI_FILE)}`);
}
