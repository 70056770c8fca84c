import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { BeianError } from '../errors.js';
import { migrate } from './migrate.js';
import type { Database } from './schema.js';
import type { Store } from './store.js';

/** The embedded default: one SQLite file in WAL mode (or `:memory:` for tests). */
export async function openSqlite(file: string): Promise<Store> {
  let raw: SQLite.Database;
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    raw = new SQLite(file);
  } catch (cause) {
    throw new BeianError(
      'ENVIRONMENT',
      `Cannot open the SQLite database ${file}: ${(cause as Error).message}`,
      {
        cause,
      },
    );
  }
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  await migrate(db, file);
  return {
    db,
    dialect: 'sqlite',
    location: file,
    close: () => db.destroy(),
  };
}
