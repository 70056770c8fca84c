import type { Kb } from '../kb/index.js';
import type { FilingKindId } from '../kb/schema.js';
import { addWorkingDays, type WorkCalendar } from './calendar.js';
import { type FilingState, PRE_SUBMISSION } from './lifecycle.js';

/** What the deadline computation needs to know about one filing. */
export interface FilingFacts {
  id: string;
  serviceId: string;
  serviceName: string;
  kind: FilingKindId;
  state: FilingState;
  /** ISO date the service started (answers.launchDate) */
  launchDate?: string | null | undefined;
  /** ISO date the filing entered its current state */
  stateSince: string;
  /** ISO date the service ended, if it did */
  serviceEndedOn?: string | null | undefined;
}

export type DeadlineEvent = 'launch' | 'change' | 'cancel';

/** One line of `beian deadlines --json` (the contract: service, filing, kind, dueDate, overdue). */
export interface DueItem {
  service: string;
  serviceName: string;
  filing: string;
  kind: FilingKindId;
  event: DeadlineEvent;
  /** the date the period starts from */
  from: string;
  workingDays: number;
  dueDate: string;
  overdue: boolean;
  /** true when the period runs outside the years the holiday data covers (weekends only) */
  approximate: boolean;
}

const FILED_STATES: readonly FilingState[] = ['filed', 'published', 'change-pending', 'updated'];

/**
 * Legal deadlines from the KB (filing-kinds.yaml `deadlines`), in Chinese working days:
 * file within N days of launch until submitted; update within N days of a change;
 * cancel within N days of the service ending. Kinds without a deadline in the KB get none.
 */
export function computeDeadlines(
  filings: readonly FilingFacts[],
  kb: Pick<Kb, 'filingKinds'>,
  cal: WorkCalendar,
  today: string,
): DueItem[] {
  const due: DueItem[] = [];
  for (const f of filings) {
    const kind = kb.filingKinds.find((k) => k.id === f.kind);
    if (!kind || f.state === 'cancelled') continue;
    const rule = (event: DeadlineEvent) => kind.deadlines.find((d) => d.event === event);
    const push = (event: DeadlineEvent, from: string) => {
      const r = rule(event);
      if (!r) return;
      const { date, approximate } = addWorkingDays(cal, from, r.workingDays);
      due.push({
        service: f.serviceId,
        serviceName: f.serviceName,
        filing: f.id,
        kind: f.kind,
        event,
        from,
        workingDays: r.workingDays,
        dueDate: date,
        overdue: today > date,
        approximate,
      });
    };
    if (f.serviceEndedOn && FILED_STATES.includes(f.state)) push('cancel', f.serviceEndedOn);
    else if (PRE_SUBMISSION.includes(f.state) && f.launchDate) push('launch', f.launchDate);
    else if (f.state === 'change-pending') push('change', f.stateSince.slice(0, 10));
  }
  return due.sort((a, b) =>
    a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.filing < b.filing ? -1 : 1,
  );
}
