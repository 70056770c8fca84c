import { type Kysely, type MigrationProvider, Migrator } from 'kysely';
import { BeianError } from '../errors.js';
import { migrations } from './migrations/index.js';

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Applies every pending migration; a failure names the migration and leaves the rest unapplied. */
export async function migrate<T>(db: Kysely<T>, location: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'beian_migrations',
    migrationLockTableName: 'beian_migrations_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new BeianError(
      'ENVIRONMENT',
      `Migration ${failed} failed on ${location}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}
