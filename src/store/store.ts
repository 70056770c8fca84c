import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

/** Persistence behind one interface: every query is written once against `db` (Kysely). */
export interface Store {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /** Where the data lives, with any password removed: safe to print. */
  readonly location: string;
  /**
   * SQLite only: the connection under `db`, for a repository's hot write path as prepared
   * statements (a red-team run writes a transaction per burst of answers; Kysely compiles and
   * prepares each one afresh, ~4× the CPU). Every other query goes through `db`.
   */
  readonly sqlite?: SQLite.Database;
  close(): Promise<void>;
}
