/** Scale-out runs (`beian worker`, `--queue`). */
export interface QueueTables {
  queue_runs: {
    id: string;
    kind: string; // scan | pii | redteam-batch …
    created_at: string;
    shards: number;
    spec_json: string; // what the submitter planned: options and shards (paths, no secrets)
    status: string; // running | done | failed
    report_json: string | null;
  };
  queue_partials: {
    run: string;
    shard: number;
    attempt: number;
    bytes: number;
    worker: string;
    created_at: string;
    result_json: string;
  };
  queue_failures: {
    run: string;
    shard: number;
    attempt: number;
    code: string;
    message: string;
    final: number; // 1: not retried
    created_at: string;
  };
}
