/** Saved `beian label check` runs and their per-file results (labels, never file contents). */
export interface LabelTables {
  label_runs: {
    id: string;
    created_at: string;
    service: string | null; // the beian.yaml service the files belong to, when given
    inputs_json: string;
    platform: number; // 1 = --as-platform
    total: number;
    passed: number;
    failed: number;
    by_format_json: string;
    by_class_json: string | null;
  };
  label_results: {
    run_id: string;
    seq: number;
    file: string;
    format: string | null;
    ok: number;
    implicit_ok: number;
    explicit: string; // ok | missing | n/a
    platform_class: string | null;
    issues_json: string;
  };
}
