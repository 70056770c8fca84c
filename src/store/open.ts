import { BeianError } from '../errors.js';
import { redactUrl } from './redact.js';
import { openSqlite } from './sqlite.js';
import type { Store } from './store.js';

/** Opens the store named by a URL: a file path (SQLite) or postgres:// (PostgreSQL). */
export async function openStore(url: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const { openPostgres } = await import('./postgres.js');
    return openPostgres(url);
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url) && !url.startsWith('sqlite:') && !url.startsWith('file:')) {
    throw BeianError.of('USAGE', 'store.badScheme', { url: redactUrl(url) });
  }
  return openSqlite(url.replace(/^(sqlite|file):(\/\/)?/, ''));
}
