/** Corpus scan reports (`beian scan`). */
export interface ScanTables {
  scans: {
    id: string;
    created_at: string;
    inputs: string; // JSON array of the input paths
    records: number;
    flagged: number;
    verdict: string; // pass | fail
    report_json: string; // the ScanReport (examples included: corpus excerpts, no secrets)
  };
}
