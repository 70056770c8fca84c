/** Red-team runs, every case's request/answer/verdict, the response cache and human overrides. */
export interface RedteamTables {
  redteam_runs: {
    id: string;
    /** hash of what was planned: the same arguments resume the same run */
    fingerprint: string;
    created_at: string;
    updated_at: string;
    status: string; // running | done
    total: number;
    kb_version: string;
    /** targets (identities, no secrets), bank files, variants, judges, sample */
    plan_json: string;
    /** the scored summary (RunJson) when the run ended; null while running */
    summary_json: string | null;
  };
  redteam_results: {
    run_id: string;
    case_key: string;
    target_id: string;
    item_id: string;
    parent_id: string | null;
    variant: string | null;
    kind: string;
    category: string;
    prompt: string;
    /** the whole conversation sent, with earlier turns' answers */
    messages_json: string;
    answer: string | null;
    status: string; // ok | error
    error: string | null;
    attempts: number;
    latency_ms: number;
    cached: number;
    verdict: string;
    reason: string;
    judge: string;
    created_at: string;
  };
  redteam_cache: {
    key: string;
    target_id: string;
    model: string;
    answer: string;
    created_at: string;
  };
  redteam_overrides: {
    id: string;
    run_id: string;
    case_key: string;
    verdict: string;
    reviewer: string;
    comment: string;
    created_at: string;
  };
}
