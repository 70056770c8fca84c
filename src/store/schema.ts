import type { AssessmentTables } from './tables/assessments.js';
import type { FairnessTables } from './tables/fairness.js';
import type { RegistryTables } from './tables/filings.js';
import type { GuardTables } from './tables/guard.js';
import type { LabelTables } from './tables/labels.js';
import type { PiiTables } from './tables/pii.js';
import type { QueueTables } from './tables/queue.js';
import type { RedteamTables } from './tables/redteam.js';
import type { ScanTables } from './tables/scans.js';

/**
 * The whole database as Kysely sees it: one interface per domain in tables/, merged here.
 * Columns are portable between SQLite and PostgreSQL: text ids, ISO-8601 text timestamps,
 * JSON documents as text, integers and reals.
 */
// One declaration per feature: TypeScript merges them, and merges of feature branches never collide.
export interface Database extends AssessmentTables {}
export interface Database extends RegistryTables {}
export interface Database extends FairnessTables {}
export interface Database extends PiiTables {}
export interface Database extends RedteamTables {}
export interface Database extends ScanTables {}
export interface Database extends GuardTables {}
export interface Database extends LabelTables {}
export interface Database extends QueueTables {}
