export { type AuditInput, appendAudit, countAudit, readAudit, verifyAudit, withAuditRetry } from './audit.js';
export {
  attachEvidence,
  countEvidenceByFiling,
  type EvidenceMeta,
  listEvidence,
  readEvidence,
  sha256Hex,
} from './evidence.js';
export {
  endService,
  type FilingRow,
  getFiling,
  listFilings,
  listTransitions,
  type TransitionInput,
  type TransitionRow,
  transitionFiling,
} from './filings.js';
export { listServices, type ServiceRow, type SyncResult, syncInventory } from './inventory.js';
