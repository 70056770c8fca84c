import type { AssessmentTables } from './tables/assessments.js';
import type { FairnessTables } from './tables/fairness.js';
import type { RegistryTables } from './tables/registry.js';
import type { ScanTables } from './tables/scans.js';

/**
 * The whole database as Kysely sees it: one interface per domain in tables/, merged here.
 * Columns are portable between SQLite and PostgreSQL: text ids, ISO-8601 text timestamps,
 * JSON documents as text, integers and reals.
 */
export interface Database extends AssessmentTables, ScanTables {}
export interface Database extends AssessmentTables, FairnessTables {}
export interface Database extends AssessmentTables, RegistryTables {}
