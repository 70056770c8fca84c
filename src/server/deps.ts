import type { AssessFn } from '../app/filings/determine.js';
import type { Lang } from '../i18n/index.js';
import type { Kb } from '../kb/index.js';
import type { Store } from '../store/index.js';

/**
 * Read interfaces for results other features own (red teaming, scans). The dashboard renders
 * whatever a source returns; the lead wires the real sources at integration.
 */
export interface RedteamRunSummary {
  id: string;
  serviceId?: string | undefined;
  createdAt: string;
  target: string;
  total: number;
  passed: number;
  perRisk: { riskId: string; total: number; passed: number }[];
}

export type Verdict = 'pass' | 'fail' | 'uncertain';

export interface RedteamResultView {
  id: string;
  riskId: string;
  bank: string;
  prompt: string;
  answer: string;
  verdict: Verdict;
  judge: string;
  /** how the judge chain decided, step by step */
  reason?: string | undefined;
  override?: { verdict: Verdict; comment: string; actor: string; at: string } | undefined;
}

/** Which results of a run to show: filtered by machine verdict and/or risk, one page at a time. */
export interface RedteamRunQuery {
  verdict?: string | undefined;
  risk?: string | undefined;
  offset: number;
  limit: number;
}

export interface RedteamRunPage {
  run: RedteamRunSummary;
  /** the requested page (all results when the source does not page) */
  results: RedteamResultView[];
  /** results matching the filter, and the filter choices with their counts */
  total?: number;
  facets?: { verdicts: Record<string, number>; risks: Record<string, number> };
}

export interface RedteamSource {
  listRuns(serviceId?: string): Promise<RedteamRunSummary[]>;
  getRun(id: string, query?: RedteamRunQuery): Promise<RedteamRunPage | undefined>;
  overrideVerdict(
    runId: string,
    resultId: string,
    o: { verdict: Verdict; comment: string; actor: string; at: string },
  ): Promise<void>;
}

export interface ScanSummary {
  id: string;
  serviceId?: string | undefined;
  createdAt: string;
  kind: string;
  /** named measurements to chart, e.g. pass rate; with the KB threshold they are compared against */
  metrics: {
    label: string;
    value: number;
    threshold?: number | undefined;
    comparator?: '>=' | '<=' | undefined;
  }[];
}

export interface ScanSource {
  listScans(serviceId?: string): Promise<ScanSummary[]>;
}

/** Batches of one queued run by state (a local run has none). */
export interface JobCounts {
  waiting: number;
  active: number;
  completed: number;
  failed: number;
  /** no longer on the queue (a Redis restarted without its data); the submitter puts them back */
  lost: number;
}

/**
 * The queue's view of a run, wired by `beian serve --queue redis://…`; absent, the dashboard needs
 * no Redis and says the queue is not configured.
 */
export interface JobsSource {
  /** undefined: the queue holds no batch of this run */
  runJobs(runId: string): Promise<JobCounts | undefined>;
}

export type { AssessFn };

export interface ServerDeps {
  /** request body caps in bytes (defaults in app.ts) */
  limits?: { formBytes?: number; evidenceBytes?: number };
  store: Store;
  kb: Kb;
  clock: () => Date;
  lang: Lang;
  /** editor token (write) and viewer token (read); none = single local user with editor rights */
  auth: { editorToken?: string | undefined; viewerToken?: string | undefined };
  /** true when bound to loopback: requests must then carry a loopback Host (blocks DNS rebinding) */
  loopbackOnly: boolean;
  assess?: AssessFn | undefined;
  redteam?: RedteamSource | undefined;
  scans?: ScanSource | undefined;
  jobs?: JobsSource | undefined;
  /** per-process secret for CSRF tokens; random if not given */
  secret?: string | undefined;
}
