import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

/** Persistence behind one interface: every query is written once against `db` (Kysely). */
export interface Store {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /** Where the data lives, with any password removed: safe to print. */
  readonly location: string;
  close(): Promise<void>;
}
