import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('pii_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('inputs_json', 'text', (c) => c.notNull())
    .addColumn('records', 'bigint', (c) => c.notNull())
    .addColumn('bytes', 'bigint', (c) => c.notNull())
    .addColumn('findings', 'bigint', (c) => c.notNull())
    .addColumn('by_type_json', 'text', (c) => c.notNull())
    .addColumn('malformed', 'integer', (c) => c.notNull())
    .addColumn('redacted', 'bigint', (c) => c.notNull())
    .addColumn('residual_high', 'integer')
    .addColumn('report_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pii_reports_created').on('pii_reports').column('created_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('pii_reports').execute();
}
