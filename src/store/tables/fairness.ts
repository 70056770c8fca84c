/** Stored results of `beian audit` (price, disparity, optout, checklist): evidence for the materials. */
export interface FairnessTables {
  fairness_audits: {
    id: string;
    created_at: string;
    /** price | disparity | optout | checklist */
    kind: string;
    /** what was audited: the log file, the endpoint (without credentials) or the project file */
    subject: string;
    /** the service or algorithm the result belongs to, when known */
    service_id: string | null;
    /** 1 when the audit raised a flag or the checklist has required gaps */
    failed: number;
    flag_count: number;
    data_version: string;
    result_json: string;
  };
}
