import type { FilingState } from './lifecycle.js';

/**
 * How ready a portfolio is, for the dashboard's overview: each filing's lifecycle state folded into
 * a few phases a compliance officer reads at a glance, counted per service, with the overdue
 * deadlines and the filings that have no evidence yet. Pure.
 */
export const READINESS_PHASES = ['done', 'in-review', 'in-progress', 'todo', 'attention'] as const;
export type ReadinessPhase = (typeof READINESS_PHASES)[number];

const PHASE: Record<FilingState, ReadinessPhase | undefined> = {
  assessing: 'todo',
  preparing: 'in-progress',
  submitted: 'in-review',
  'under-review': 'in-review',
  'expert-review': 'in-review',
  resubmitted: 'in-review',
  rejected: 'attention',
  'change-pending': 'attention',
  filed: 'done',
  published: 'done',
  updated: 'done',
  // a cancelled filing is no longer part of what must be ready
  cancelled: undefined,
};

export const phaseOf = (state: FilingState): ReadinessPhase | undefined => PHASE[state];

export interface ReadinessFiling {
  id: string;
  serviceId: string;
  serviceName: string;
  state: FilingState;
  /** evidence files attached, when known */
  evidence?: number;
}

export interface ServiceReadiness {
  serviceId: string;
  serviceName: string;
  phases: Record<ReadinessPhase, number>;
  filings: number;
  /** share of its filings that are done, 0..1 (1 when it has none) */
  ready: number;
  overdue: number;
  withoutEvidence: number;
}

const zero = (): Record<ReadinessPhase, number> => ({
  done: 0,
  'in-review': 0,
  'in-progress': 0,
  todo: 0,
  attention: 0,
});

export function portfolioReadiness(
  filings: readonly ReadinessFiling[],
  due: readonly { service: string; overdue: boolean }[],
): { services: ServiceReadiness[]; total: Record<ReadinessPhase, number> } {
  const by = new Map<string, ServiceReadiness>();
  const total = zero();
  for (const f of filings) {
    const phase = phaseOf(f.state);
    if (!phase) continue;
    let s = by.get(f.serviceId);
    if (!s) {
      s = {
        serviceId: f.serviceId,
        serviceName: f.serviceName,
        phases: zero(),
        filings: 0,
        ready: 1,
        overdue: 0,
        withoutEvidence: 0,
      };
      by.set(f.serviceId, s);
    }
    s.phases[phase]++;
    s.filings++;
    total[phase]++;
    if (f.evidence === 0) s.withoutEvidence++;
  }
  for (const d of due) {
    const s = by.get(d.service);
    if (s && d.overdue) s.overdue++;
  }
  for (const s of by.values()) s.ready = s.filings ? s.phases.done / s.filings : 1;
  // Least ready first: that is where the morning's work is.
  const services = [...by.values()].sort(
    (a, b) => b.overdue - a.overdue || a.ready - b.ready || a.serviceName.localeCompare(b.serviceName),
  );
  return { services, total };
}
