import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { BeianError, osReason } from '../errors.js';
import { migrate } from './migrate.js';
import { redactUrl } from './redact.js';
import type { Database } from './schema.js';
import type { Store } from './store.js';

/** The team driver: a connection pool to PostgreSQL, same Kysely queries and migrations as SQLite. */
export async function openPostgres(url: string): Promise<Store> {
  const location = redactUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  // An idle client error (server restart) must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    client.release();
  } catch (cause) {
    await pool.end().catch(() => undefined);
    // The driver's message never contains the password, but say where we tried with the redacted URL.
    throw BeianError.of(
      'ENVIRONMENT',
      'store.cannotConnectPg',
      { location, reason: osReason(cause) },
      {
        cause,
      },
    );
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  await migrate(db, location, rows[0]?.schema ?? 'public');
  return { db, dialect: 'postgres', location, close: () => db.destroy() };
}
