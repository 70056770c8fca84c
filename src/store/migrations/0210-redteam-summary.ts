import type { Kysely } from 'kysely';

/**
 * A run's scored summary (the `--json` contract) stored when the run ends, so listings and the
 * dashboard need not re-score every result; indexes for paging a run's results by verdict/risk.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('redteam_runs').addColumn('summary_json', 'text').execute();
  await db.schema
    .createIndex('redteam_results_run_verdict')
    .on('redteam_results')
    .columns(['run_id', 'verdict'])
    .execute();
  await db.schema
    .createIndex('redteam_results_run_category')
    .on('redteam_results')
    .columns(['run_id', 'category'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('redteam_results_run_category').execute();
  await db.schema.dropIndex('redteam_results_run_verdict').execute();
  await db.schema.alterTable('redteam_runs').dropColumn('summary_json').execute();
}
