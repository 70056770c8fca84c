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
 * A fresh store per call on every driver: SQLite always, PostgreSQL (a throw-away schema, dropped
 * after the file's tests) when BEIAN_TEST_PG_URL is set. For `describe.each(storeDrivers(…))`.
 */
export function storeDrivers(tmpPrefix: string): Array<[string, () => Promise<Store>]> {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });
  const pgFresh = async (): Promise<Store> => {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    const u = new URL(PG_URL as string);
    u.searchParams.set('options', `-c search_path=${schema}`);
    cleanups.push(async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    });
    return openStore(u.toString());
  };
  const drivers: Array<[string, () => Promise<Store>]> = [
    ['sqlite', () => openStore(join(mkdtempSync(join(tmpdir(), tmpPrefix)), 'beian.db'))],
  ];
  if (PG_URL) drivers.push(['postgres', pgFresh]);
  return drivers;
}
