/**
 * The filing use cases the shells call. Each store function here is already a whole use case
 * (validates, writes and appends its audit entry in one transaction), so the shells reach them
 * through this module, never through store/ directly.
 */
export {
  attachEvidence,
  countAudit,
  endService,
  type FilingRow,
  getFiling,
  listEvidence,
  listFilings,
  listServices,
  listTransitions,
  readAudit,
  readEvidence,
  type ServiceRow,
  type TransitionRow,
  transitionFiling,
  verifyAudit,
} from '../../store/filings/index.js';
export { deadlinesFor, isoDay, listDeadlines, syncRegistry } from './filings.js';
