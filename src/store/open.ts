import { BeianError } from '../errors.js';
import { openSqlite } from './sqlite.js';
import type { Store } from './store.js';

/** Opens the store named by a URL: a file path (SQLite) or postgres:// (PostgreSQL). */
export async function openStore(url: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(url)) {
    throw new BeianError(
      'USAGE',
      'The PostgreSQL driver is not available in this version; use a SQLite file path.',
    );
  }
  return openSqlite(url.replace(/^sqlite:(\/\/)?/, ''));
}
