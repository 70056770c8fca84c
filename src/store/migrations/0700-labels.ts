import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('label_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('service', 'text')
    .addColumn('inputs_json', 'text', (c) => c.notNull())
    .addColumn('platform', 'integer', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('passed', 'integer', (c) => c.notNull())
    .addColumn('failed', 'integer', (c) => c.notNull())
    .addColumn('by_format_json', 'text', (c) => c.notNull())
    .addColumn('by_class_json', 'text')
    .execute();
  await db.schema.createIndex('label_runs_created').on('label_runs').column('created_at').execute();
  await db.schema
    .createTable('label_results')
    .addColumn('run_id', 'text', (c) => c.notNull().references('label_runs.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('format', 'text')
    .addColumn('ok', 'integer', (c) => c.notNull())
    .addColumn('implicit_ok', 'integer', (c) => c.notNull())
    .addColumn('explicit', 'text', (c) => c.notNull())
    .addColumn('platform_class', 'text')
    .addColumn('issues_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('label_results_pk', ['run_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('label_results').execute();
  await db.schema.dropTable('label_runs').execute();
}
