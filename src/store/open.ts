import { join } from 'node:path';
import { BeianError } from '../errors.js';
import { redactUrl } from './redact.js';
import { openSqlite } from './sqlite.js';
import type { Store } from './store.js';

export const DEFAULT_DB_DIR = '.beian';
export const DEFAULT_DB_FILE = 'beian.db';

/** Resolves `--db`, then BEIAN_DB, then `.beian/beian.db` in the working directory. */
export function resolveDbUrl(flag: string | undefined, env: NodeJS.ProcessEnv, cwd: string): string {
  return flag ?? env.BEIAN_DB ?? join(cwd, DEFAULT_DB_DIR, DEFAULT_DB_FILE);
}

/** Opens the store named by a URL: a file path (SQLite) or postgres:// (PostgreSQL). */
export async function openStore(url: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const { openPostgres } = await import('./postgres.js');
    return openPostgres(url);
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url) && !url.startsWith('sqlite:') && !url.startsWith('file:')) {
    throw new BeianError(
      'USAGE',
      `Unsupported database URL scheme in ${redactUrl(url)}: use a file path or postgres://`,
    );
  }
  return openSqlite(url.replace(/^(sqlite|file):(\/\/)?/, ''));
}
