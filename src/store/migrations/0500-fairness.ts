import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('fairness_audits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text')
    .addColumn('failed', 'integer', (c) => c.notNull())
    .addColumn('flag_count', 'integer', (c) => c.notNull())
    .addColumn('data_version', 'text', (c) => c.notNull())
    .addColumn('result_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('fairness_audits_kind')
    .on('fairness_audits')
    .columns(['kind', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('fairness_audits').execute();
}
