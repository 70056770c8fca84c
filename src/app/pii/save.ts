/** Saving a PII report (counts and masked examples only): the use-case entry for the shells. */
export { savePiiReport } from '../../store/repos/pii.js';
