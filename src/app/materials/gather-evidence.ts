import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ChecklistScore } from '../../fairness/checklist/score.js';
import { type Lang, translator } from '../../i18n/index.js';
import { type Kb, threshold } from '../../kb/index.js';
import { lexiconStats, libraryVersion, loadDefaultLibraries, mergeLibraries } from '../../lexicon/index.js';
import type { BankKind, Evidence } from '../../materials/evidence.js';
import { PII_LABELS } from '../../pii/labels.js';
import type { PiiType } from '../../pii/types.js';
import type { ProjectFile } from '../../project/schema.js';
import type { BankItem as RedteamBankItem } from '../../redteam/banks/schema.js';
import { parseLedger, type SourceEntry } from '../../sources/index.js';
import type { Store } from '../../store/index.js';
import { allAudits } from '../../store/repos/fairness.js';
import { latestPiiReport } from '../../store/repos/pii.js';
import { redteamRepo } from '../../store/repos/redteam.js';
import { latestScan } from '../../store/repos/scans.js';
import { guardEvidence } from '../guard/records.js';
import { labelOverview, labelRunToEvidence } from '../label/save.js';
import type { PiiReport } from '../pii/run.js';
import { readBanks } from '../redteam/bank-files.js';
import { describeGap, evidenceGaps, namedModels } from '../redteam/evidence.js';
import { summarise } from '../redteam/summary.js';
import type { ScanReport } from '../scan.js';
import {
  type AuditRef,
  auditsToEvidence,
  banksToEvidence,
  checklistToEvidence,
  type EvaluatedItem,
  lexiconToEvidence,
  piiToEvidence,
  redteamToEvidence,
  scanToEvidence,
  sourcesToEvidence,
} from './evidence-map.js';

export interface GatherOptions {
  /** path of beian.yaml: relative paths (bank files, the ledger beside it) resolve from its folder */
  projectFile: string;
  lang: Lang;
  /** the provenance ledger when the project has no `sources:` section; default sources.yaml beside the project file */
  ledgerFile?: string;
  /** include the shipped default keyword library's coverage and version (default true) */
  starterLexicon?: boolean;
}

/**
 * Reads the latest stored results of the other features (scan, pii, red team, fairness audits and
 * checklist) plus the ledger and keyword library, and maps them onto the materials' Evidence. A
 * result that does not exist leaves its part out (the documents then show a "to complete" box).
 * The determination is not read here: the materials evaluate it from the same project file.
 */
export async function gatherEvidence(
  store: Store,
  kb: Kb,
  project: ProjectFile,
  options: GatherOptions,
): Promise<Evidence> {
  const ev: Evidence = {};
  const base = dirname(resolve(options.projectFile));

  const guard = await guardEvidence(store, new Date());
  if (guard) ev.guard = guard;

  const scan = await latestScan(store);
  if (scan) ev.scan = scanToEvidence(JSON.parse(scan.report_json) as ScanReport, scan.created_at);

  const pii = await latestPiiReport(store);
  if (pii) {
    const label = (t: string): string => PII_LABELS[t as PiiType]?.[options.lang] ?? t;
    ev.pii = piiToEvidence(JSON.parse(pii.report_json) as PiiReport, pii.created_at, label);
  }

  const ledger = readLedger(project, options.ledgerFile ?? join(base, 'sources.yaml'));
  if (ledger?.length) ev.sources = sourcesToEvidence(ledger, threshold(kb, 'source.illegal-rate.max'));

  Object.assign(ev, await redteamEvidence(store, kb, project, base, options.lang));

  if (options.starterLexicon !== false) {
    const libs = await loadDefaultLibraries(new Set(kb.risks.map((r) => r.id)));
    const merged = mergeLibraries(libs);
    if (merged.entries.length)
      ev.lexicon = lexiconToEvidence(
        lexiconStats(merged.entries, kb),
        merged.entries,
        undefined,
        libraryVersion(merged.entries),
      );
  }

  Object.assign(ev, await fairnessEvidence(store, project, options.lang));

  const [labels] = await labelOverview(store, 0);
  if (labels) ev.labels = labelRunToEvidence(labels.run);
  return ev;
}

function readLedger(project: ProjectFile, file: string): SourceEntry[] | undefined {
  if (project.sources) return project.sources;
  if (!existsSync(file)) return undefined;
  return parseLedger(readFileSync(file, 'utf8'), file);
}

/** The latest red-team run, scored with overrides, and the banks it ran (else the project's banks). */
async function redteamEvidence(
  store: Store,
  kb: Kb,
  project: ProjectFile,
  base: string,
  lang: Lang,
): Promise<Evidence> {
  const run = await redteamRepo(store).latestRun();
  const plan = run
    ? (JSON.parse(run.plan_json) as { banks?: string[]; targets?: { id: string; model?: string }[] })
    : undefined;
  const files = plan?.banks ?? project.redteam?.banks.map((b) => resolve(base, b)) ?? [];
  let items: RedteamBankItem[] = [];
  if (files.length && files.every((f) => existsSync(f))) items = (await readBanks(kb, files)).items;
  const out: Evidence = {};
  const evaluated = new Map<string, EvaluatedItem>();
  if (run) {
    const report = await summarise(kb, store, run.id);
    const target = plan?.targets?.[0]?.id;
    for (const r of report.results)
      if (r.variant === null && (target === undefined || r.target_id === target) && !evaluated.has(r.item_id))
        evaluated.set(r.item_id, { answer: r.answer, verdict: r.effectiveVerdict });
    const sizes: Partial<Record<BankKind, number>> = {};
    for (const i of items) if (!i.parentId && !i.variant) sizes[i.kind] = (sizes[i.kind] ?? 0) + 1;
    // a failed, partial, undersized or other-model run is shown with what it lacks, not cited
    const gaps = evidenceGaps(run, report.json, plan?.targets ?? [], namedModels(project));
    out.redteam = {
      ...redteamToEvidence(report.json, {
        at: run.updated_at,
        ...(target ? { target } : {}),
        bankSizes: sizes,
      }),
      ...(gaps.length ? { gaps: gaps.map((g) => describeGap(g, translator(lang))) } : {}),
    };
  }
  if (items.length) out.banks = banksToEvidence(items, evaluated);
  return out;
}

/** The newest audit of each kind per service, and the newest checklist score per service. */
async function fairnessEvidence(store: Store, project: ProjectFile, lang: Lang): Promise<Evidence> {
  const rows = await allAudits(store);
  const seen = new Set<string>();
  const algorithmsOf = (service: string | null): string[] =>
    service === null
      ? []
      : (project.services.find((s) => s.id === service)?.algorithms ?? []).map((a) => a.id);
  const fairness: Evidence['fairness'] = [];
  const checklist: Evidence['checklist'] = [];
  for (const r of rows) {
    const result = JSON.parse(r.result_json) as unknown;
    const key =
      r.kind === 'checklist'
        ? `checklist|${r.service_id}|${(result as ChecklistScore).algorithm ?? ''}`
        : `${r.kind}|${r.service_id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (r.kind === 'checklist')
      checklist.push(...checklistToEvidence(result as ChecklistScore, lang, algorithmsOf(r.service_id)));
    else {
      const audit: AuditRef = {
        kind: r.kind as AuditRef['kind'],
        subject: r.subject,
        failed: r.failed === 1,
        flagCount: r.flag_count,
        result,
      };
      fairness.push(...auditsToEvidence([audit], algorithmsOf(r.service_id)));
    }
  }
  return {
    ...(fairness.length ? { fairness } : {}),
    ...(checklist.length ? { checklist } : {}),
  };
}
