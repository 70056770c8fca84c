import { type Kysely, type MigrationProvider, Migrator } from 'kysely';
import { BeianError } from '../errors.js';
import { migrations } from './migrations/index.js';

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Applies every pending migration; a failure names the migration and leaves the rest unapplied. */
export async function migrate<T>(db: Kysely<T>, location: string, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'beian_migrations',
    migrationLockTableName: 'beian_migrations_lock',
    // PostgreSQL: pin the bookkeeping tables to the connection's schema; otherwise Kysely finds a
    // beian_migrations table in any other schema of the database and skips creating its own.
    ...(schema ? { migrationTableSchema: schema } : {}),
    // Each feature owns a number block and they are merged in any order: a database migrated by
    // an older build must accept a lower-numbered migration added later.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw BeianError.of(
      'ENVIRONMENT',
      'store.migrationFailed',
      { name: failed, location, reason: (error as Error).message },
      {
        cause: error,
      },
    );
  }
}
