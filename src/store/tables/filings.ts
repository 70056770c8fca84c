/** Registry: inventory, filings and their transitions, evidence, and the hash-chained audit log. */
export interface RegistryTables {
  registry_meta: { key: string; value: string };
  registry_services: {
    id: string;
    name: string;
    owner: string | null;
    description: string | null;
    launch_date: string | null;
    ended_on: string | null;
    answers_json: string;
    /** 1 while the service is in beian.yaml; 0 once removed from it (kept for history) */
    active: number;
    updated_at: string;
  };
  registry_subjects: {
    service_id: string;
    type: string; // algorithm | model | service
    id: string;
    name: string;
    details_json: string;
    active: number;
  };
  registry_filings: {
    id: string;
    service_id: string;
    subject_type: string;
    subject_id: string;
    kind: string;
    basis: string;
    state: string;
    state_since: string;
    filing_number: string | null;
    created_at: string;
    updated_at: string;
    /** optimistic concurrency: a transition only applies if the version is unchanged */
    version: number;
  };
  registry_transitions: {
    id: string;
    filing_id: string;
    /** the filing's version after this transition: orders transitions within a filing */
    seq: number;
    from_state: string;
    to_state: string;
    actor: string;
    at: string;
    reason: string | null;
    filing_number: string | null;
    evidence_json: string; // sha256 list
  };
  registry_evidence: {
    sha256: string;
    name: string;
    media_type: string;
    size: number;
    content_base64: string;
    created_at: string;
  };
  registry_evidence_links: {
    sha256: string;
    filing_id: string;
    actor: string;
    at: string;
    note: string | null;
  };
  audit_log: {
    seq: number;
    at: string;
    actor: string;
    action: string;
    subject: string;
    details_json: string;
    prev_hash: string;
    hash: string;
  };
}
