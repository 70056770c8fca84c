import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('redteam_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('kb_version', 'text', (c) => c.notNull())
    .addColumn('plan_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('redteam_runs_fingerprint')
    .on('redteam_runs')
    .columns(['fingerprint', 'created_at'])
    .execute();
  await db.schema
    .createTable('redteam_results')
    .addColumn('run_id', 'text', (c) => c.notNull().references('redteam_runs.id').onDelete('cascade'))
    .addColumn('case_key', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text')
    .addColumn('variant', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('prompt', 'text', (c) => c.notNull())
    .addColumn('messages_json', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('latency_ms', 'integer', (c) => c.notNull())
    .addColumn('cached', 'integer', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('judge', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // one row per case: a resumed run can never record a case twice
    .addPrimaryKeyConstraint('redteam_results_pk', ['run_id', 'case_key'])
    .execute();
  await db.schema
    .createIndex('redteam_results_kind')
    .on('redteam_results')
    .columns(['run_id', 'kind', 'category'])
    .execute();
  await db.schema
    .createTable('redteam_cache')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('redteam_overrides')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('run_id', 'text', (c) => c.notNull().references('redteam_runs.id').onDelete('cascade'))
    .addColumn('case_key', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('reviewer', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('redteam_overrides_case')
    .on('redteam_overrides')
    .columns(['run_id', 'case_key', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['redteam_overrides', 'redteam_cache', 'redteam_results', 'redteam_runs'])
    await db.schema.dropTable(t).ifExists().execute();
}
