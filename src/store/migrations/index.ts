import type { Migration } from 'kysely';
import * as assessments from './0001-assessments.js';
import * as scans from './0100-scans.js';
import * as redteam from './0200-redteam.js';
import * as redteamSummary from './0210-redteam-summary.js';
import * as piiReports from './0300-pii-reports.js';
import * as registry from './0400-registry.js';
import * as fairness from './0500-fairness.js';
import * as labels from './0700-labels.js';
import * as guard from './0900-guard.js';
import * as queue from './1000-queue.js';

/**
 * Every migration, by name; applied in name order on open. Names are never changed once
 * released. Each domain owns a number block: 0001–0099 core/assess, 0100 lexicon/scan,
 * 0200 redteam, 0300 pii/sources, 0400 registry, 0500 fairness, 0600 materials, 0700 labels,
 * 0900 guard, 1000 queue (scale-out).
 */
export const migrations: Record<string, Migration> = {
  '0001-assessments': assessments,
  '0100-scans': scans,
  '0500-fairness': fairness,
  '0400-registry': registry,
  '0300-pii-reports': piiReports,
  '0200-redteam': redteam,
  '0900-guard': guard,
  '0700-labels': labels,
  '0210-redteam-summary': redteamSummary,
  '1000-queue': queue,
};
