import type { Kysely } from 'kysely';

/** Scale-out runs (`--queue`): the run's plan, and each shard's partial result per attempt. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('queue_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('shards', 'integer', (c) => c.notNull())
    .addColumn('spec_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('report_json', 'text')
    .execute();
  await db.schema
    .createTable('queue_partials')
    .addColumn('run', 'text', (c) => c.notNull())
    .addColumn('shard', 'integer', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'bigint', (c) => c.notNull())
    .addColumn('worker', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('result_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('queue_partials_pk', ['run', 'shard', 'attempt'])
    .execute();
  await db.schema
    .createTable('queue_failures')
    .addColumn('run', 'text', (c) => c.notNull())
    .addColumn('shard', 'integer', (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('final', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('queue_failures_pk', ['run', 'shard', 'attempt'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('queue_failures').execute();
  await db.schema.dropTable('queue_partials').execute();
  await db.schema.dropTable('queue_runs').execute();
}
