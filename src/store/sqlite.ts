import { closeSync, mkdirSync, openSync, statSync, unlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  SqliteDialect,
  SqliteDriver,
} from 'kysely';
import { BeianError, osReason } from '../errors.js';
import { migrate } from './migrate.js';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';
import type { Store } from './store.js';

/** The embedded default: one SQLite file in WAL mode (or `:memory:` for tests). */
export async function openSqlite(file: string): Promise<Store> {
  let raw: SQLite.Database;
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    raw = new SQLite(file);
  } catch (cause) {
    throw BeianError.of(
      'ENVIRONMENT',
      'store.cannotOpenSqlite',
      { file, reason: osReason(cause) },
      {
        cause,
      },
    );
  }
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 30000');
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: raw }) });
  // Kysely's SQLite migrator takes no lock (it assumes one connection): several processes opening
  // a fresh database at once would each create the tables. A lock file serialises them.
  if (file === ':memory:') await migrate(db, file);
  else if (!isCurrent(raw)) await withLockFile(`${file}.migrate-lock`, () => migrate(db, file));
  return {
    db,
    dialect: 'sqlite',
    location: file,
    sqlite: raw,
    close: () => db.destroy(),
  };
}

/**
 * True when the file has applied exactly this build's migrations: then the migrator would do
 * nothing, and its lock file and bookkeeping queries are skipped (they dominate a command's start).
 * Any other state (fresh file, pending or unknown migrations) goes through the migrator.
 */
function isCurrent(raw: SQLite.Database): boolean {
  let applied: Set<string>;
  try {
    const rows = raw.prepare('select name from beian_migrations').all() as Array<{ name: string }>;
    applied = new Set(rows.map((r) => r.name));
  } catch {
    return false; // no bookkeeping table yet
  }
  const known = Object.keys(migrations);
  return applied.size === known.length && known.every((n) => applied.has(n));
}

const LOCK_STALE_MS = 120_000;
const LOCK_WAIT_MS = 60_000;

/** Runs `fn` while holding an exclusive lock file (created with O_EXCL); waits for other holders. */
async function withLockFile<T>(lock: string, fn: () => Promise<T>): Promise<T> {
  const started = Date.now();
  let fd: number | undefined;
  for (let pause = 5; fd === undefined; pause = Math.min(pause * 2, 200)) {
    try {
      fd = openSync(lock, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      // a holder that died (SIGKILL) leaves its file behind: old enough means abandoned
      try {
        if (Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS) unlinkSync(lock);
      } catch {
        // gone meanwhile: try again
      }
      if (Date.now() - started > LOCK_WAIT_MS)
        throw BeianError.of('ENVIRONMENT', 'store.migrationLockTimeout', { lock });
      await new Promise((r) => setTimeout(r, pause + Math.random() * pause));
    }
  }
  try {
    return await fn();
  } finally {
    closeSync(fd);
    try {
      unlinkSync(lock);
    } catch {
      // already removed as stale by another process: nothing to release
    }
  }
}

/**
 * Transactions that take the write lock when they begin (BEGIN IMMEDIATE). A deferred transaction
 * that reads first and then writes cannot wait for another process's lock: SQLite answers
 * "database is locked" at once instead of using the busy timeout. Concurrent commands then queue.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: ConstructorParameters<typeof SqliteDialect>[0];
  constructor(config: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}
