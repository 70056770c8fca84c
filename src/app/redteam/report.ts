import type { Lang } from '../../i18n/index.js';
import { writeFileAtomicSync } from '../../io/atomic.js';
import type { Kb } from '../../kb/index.js';
import type { BankKind } from '../../redteam/banks/schema.js';
import { renderHtml } from '../../redteam/report/html.js';
import { renderJunit } from '../../redteam/report/junit.js';
import type { ReportCase, ReportSummary } from '../../redteam/report/types.js';
import { redact } from '../../redteam/targets/redact.js';
import type { RunReport } from './summary.js';
import { writeBankXlsx } from './xlsx.js';

/** The messages before the last user turn, from a stored conversation (undefined for one turn). */
export function earlierTurns(messagesJson: string | null, answered: boolean): ReportCase['conversation'] {
  if (!messagesJson) return undefined;
  let msgs: unknown;
  try {
    msgs = JSON.parse(messagesJson);
  } catch {
    return undefined;
  }
  if (!Array.isArray(msgs)) return undefined;
  const list = msgs.filter(
    (m): m is { role: string; content: string } =>
      typeof m?.role === 'string' && typeof m?.content === 'string',
  );
  const earlier = list.slice(0, Math.max(0, list.length - (answered ? 2 : 1)));
  return earlier.length ? earlier : undefined;
}

export function reportCases(report: RunReport): ReportCase[] {
  return report.results.map((r) => ({
    caseKey: r.case_key,
    itemId: r.item_id,
    kind: r.kind,
    category: r.category,
    variant: r.variant,
    target: r.target_id,
    prompt: r.prompt,
    ...(earlierTurns(r.messages_json, r.answer !== null)
      ? { conversation: earlierTurns(r.messages_json, r.answer !== null) }
      : {}),
    answer: r.answer,
    judge: r.judge,
    machineVerdict: r.machineVerdict,
    verdict: r.effectiveVerdict,
    reason: r.override ? `${r.override.comment} (${r.reason})` : r.reason,
    ...(r.override ? { reviewer: r.override.reviewer, reviewComment: r.override.comment } : {}),
    // runs stored before redaction existed: credential-shaped echoes are removed when shown
    error: r.error === null ? null : redact(r.error),
  }));
}

export function riskTitles(kb: Kb, lang: Lang): Record<string, string> {
  const titles: Record<string, string> = {};
  for (const r of kb.risks) titles[r.id] = r.title[lang];
  for (const a of kb.nonRefusalAspects) titles[a.id] = a.title[lang];
  return titles;
}

export interface ReportFiles {
  html?: string;
  xlsx?: string;
  junit?: string;
}

/** Writes the requested report files; returns the paths written. */
export async function writeReports(
  kb: Kb,
  report: RunReport,
  files: ReportFiles,
  lang: Lang,
  now: Date,
): Promise<string[]> {
  const cases = reportCases(report);
  const summary = report.json as unknown as ReportSummary;
  const written: string[] = [];
  if (files.html) {
    writeFileAtomicSync(
      files.html,
      renderHtml(summary, cases, { lang, titles: riskTitles(kb, lang), generatedAt: now.toISOString() }),
    );
    written.push(files.html);
  }
  if (files.junit) {
    writeFileAtomicSync(files.junit, renderJunit(summary, cases));
    written.push(files.junit);
  }
  if (files.xlsx) {
    await writeBankXlsx(
      kb,
      report.results.map((r) => ({
        item: {
          id: r.item_id,
          text: r.prompt,
          kind: r.kind as BankKind,
          ...(r.kind === 'should-not-refuse' ? { aspect: r.category } : { risk: r.category }),
          ...(r.variant ? { variant: r.variant } : {}),
        },
        answer: r.answer,
        verdict: r.effectiveVerdict,
        machineVerdict: r.machineVerdict,
        reason: r.reason,
        target: r.target_id,
        ...(r.override ? { reviewer: r.override.reviewer } : {}),
      })),
      files.xlsx,
      true,
    );
    written.push(files.xlsx);
  }
  return written;
}
