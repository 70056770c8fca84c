import { resolve } from 'node:path';
import type { PortfolioDetermination } from '../../assess/determination.js';
import type { WorkCalendar } from '../../filings/calendar.js';
import { chinaCalendar } from '../../filings/cn-calendar.js';
import { computeDeadlines, type DueItem } from '../../filings/deadlines.js';
import { buildInventory } from '../../filings/inventory.js';
import type { Kb } from '../../kb/index.js';
import type { ProjectFile } from '../../project/schema.js';
import { type FilingRow, listFilings, type SyncResult, syncInventory } from '../../store/filings/index.js';
import type { Store } from '../../store/index.js';
import { readProjectFile } from '../project-file.js';
import { assertNumbers } from './numbers.js';

/**
 * Which filings the project needs. Set by the assess engine when it is available (the same function
 * `beian assess` uses), so the registry, the CLI and the web form agree; without it the inventory
 * fallback in registry/inventory.ts applies.
 */
export type Determine = (project: ProjectFile, kb: Kb) => PortfolioDetermination | undefined;

export async function syncRegistry(
  store: Store,
  kb: Kb,
  opts: { config: string; actor: string; now: Date; determine?: Determine | undefined },
): Promise<SyncResult & { config: string }> {
  const config = resolve(opts.config);
  const project = await readProjectFile(config);
  assertNumbers(project, kb, opts.config);
  const determination = opts.determine?.(project, kb);
  const inv = buildInventory(project, determination);
  const result = await syncInventory(store.db, inv, {
    actor: opts.actor,
    now: opts.now.toISOString(),
    source: config,
  });
  return { ...result, config };
}

export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/** Everything due and overdue, in Chinese working days, as of `today`. */
export function deadlinesFor(
  filings: readonly FilingRow[],
  kb: Kb,
  today: string,
  cal: WorkCalendar = chinaCalendar,
): DueItem[] {
  return computeDeadlines(
    filings
      .filter((f) => f.serviceActive || f.serviceEndedOn)
      .map((f) => ({
        id: f.id,
        serviceId: f.serviceId,
        serviceName: f.serviceName,
        kind: f.kind,
        state: f.state,
        launchDate: f.launchDate,
        stateSince: f.stateSince,
        serviceEndedOn: f.serviceEndedOn,
      })),
    kb,
    cal,
    today,
  );
}

export async function listDeadlines(store: Store, kb: Kb, now: Date): Promise<DueItem[]> {
  return deadlinesFor(await listFilings(store.db), kb, isoDay(now));
}

/** The calendar years the holiday data covers, for messages and docs. */
export const calendarYears = () => chinaCalendar.years;
