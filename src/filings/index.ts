export {
  type AuditEntry,
  type AuditEntryContent,
  type ChainProblem,
  canonicalJson,
  chainEntry,
  GENESIS_HASH,
  hashEntry,
  verifyChain,
} from './audit-chain.js';
export { addWorkingDays, buildCalendar, type HolidayData, type WorkCalendar } from './calendar.js';
export { chinaCalendar } from './cn-calendar.js';
export { computeDeadlines, type DeadlineEvent, type DueItem, type FilingFacts } from './deadlines.js';
export { canonicalFilingNumber, type NumberCheck, validateFilingNumber } from './filing-number.js';
export { deadlinesToIcs } from './ics.js';
export {
  buildInventory,
  filingId,
  type Inventory,
  type InventoryService,
  type InventorySubject,
  type PlannedFiling,
  type SubjectType,
} from './inventory.js';
export {
  checkTransition,
  FILING_STATES,
  type FilingState,
  isFilingState,
  nextStates,
  PRE_SUBMISSION,
  stepFor,
  type TransitionRequest,
} from './lifecycle.js';
