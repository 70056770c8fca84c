/** Stored fairness audits: the evidence the materials generator cites (use-case entry for the shells). */
export { type AuditEvidence, latestAudits, type StoredAudit, saveAudit } from '../../store/repos/fairness.js';
