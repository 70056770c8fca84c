import { join } from 'node:path';

export const DEFAULT_DB_DIR = '.beian';
export const DEFAULT_DB_FILE = 'beian.db';

/** Resolves `--db`, then BEIAN_DB, then `.beian/beian.db` in the working directory. */
export function resolveDbUrl(flag: string | undefined, env: NodeJS.ProcessEnv, cwd: string): string {
  return flag ?? env.BEIAN_DB ?? join(cwd, DEFAULT_DB_DIR, DEFAULT_DB_FILE);
}
