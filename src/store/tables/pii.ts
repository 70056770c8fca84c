/** Saved `beian pii` reports: counts and masked examples only, never raw values or keys. */
export interface PiiTables {
  pii_reports: {
    id: string;
    created_at: string;
    inputs_json: string; // the input paths as a JSON array
    records: number;
    bytes: number;
    findings: number;
    by_type_json: string;
    malformed: number;
    redacted: number; // 0 = detection only
    residual_high: number | null; // null = no redaction run
    report_json: string; // the PiiReport as JSON
  };
}
