/** Saved applicability determinations (`beian assess`). */
export interface AssessmentTables {
  assessments: {
    id: string;
    created_at: string;
    source: string; // the input file, or "interactive"
    service_id: string;
    service_name: string;
    ruleset_version: string;
    result_json: string; // the ServiceDetermination as JSON
  };
}
