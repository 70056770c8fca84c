import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll } from 'vitest';
import { openStore } from '../../src/store/open.js';
import type { Store } from '../../src/store/store.js';

export const PG_URL = process.env.BEIAN_TEST_PG_URL;

/**
 * A new PostgreSQL schema on `pgUrl`: `url` reaches it (search_path), `drop` removes it with
 * everything in it.
 */
export async function throwAwaySchema(
  pgUrl: string,
  prefix = 't',
): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const u = new URL(pgUrl);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

/**
 * A fresh store per call on every driver: SQLite always, PostgreSQL (a throw-away schema, dropped
 * after the file's tests) when BEIAN_TEST_PG_URL is set. For `describe.each(storeDrivers(…))`.
 */
export function storeDrivers(tmpPrefix: string): Array<[string, () => Promise<Store>]> {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });
  const pgFresh = async (): Promise<Store> => {
    const schema = await throwAwaySchema(PG_URL as string);
    cleanups.push(schema.drop);
    return openStore(schema.url);
  };
  const drivers: Array<[string, () => Promise<Store>]> = [
    ['sqlite', () => openStore(join(mkdtempSync(join(tmpdir(), tmpPrefix)), 'beian.db'))],
  ];
  if (PG_URL) drivers.push(['postgres', pgFresh]);
  return drivers;
}
