import { existsSync } from 'node:fs';
import { BeianError, type Issue } from '../../errors.js';
import type { Kb } from '../../kb/index.js';
import { NAUGHTY_WORDS } from '../../lexicon/index.js';
import type { ColumnMapping } from '../../redteam/banks/import.js';
import { itemCategory } from '../../redteam/banks/schema.js';
import { generateVariants, type VariantStrategy } from '../../redteam/banks/variants.js';
import { judgeAnswer } from '../../redteam/judges/chain.js';
import { keywordJudge, lexiconKeywordMatcher } from '../../redteam/judges/keyword.js';
import { llmJudge } from '../../redteam/judges/llm.js';
import type { Judge } from '../../redteam/judges/types.js';
import { createTarget } from '../../redteam/targets/catalogue.js';
import type { TargetConfig } from '../../redteam/targets/config.js';
import { attemptsOf, Policy } from '../../redteam/targets/policy.js';
import type { ChatMessage, Target } from '../../redteam/targets/types.js';
import type { Store } from '../../store/index.js';
import { type ResultRow, redteamRepo } from '../../store/repos/redteam.js';
import { loadLexicon } from '../lexicon.js';
import { readBanks } from './bank-files.js';
import { fingerprint, type PlannedCase, planCases, sampleItems, sha256, userTurns } from './plan.js';
import { type RunReport, summarise } from './summary.js';

export interface RunOptions {
  targets: TargetConfig[];
  bankFiles: string[];
  mapping?: ColumnMapping;
  variants?: VariantStrategy[];
  /** original questions per bank (deterministic sample) */
  sample?: number;
  seed?: string;
  /** keyword judge lexicon: txt/csv/xlsx/json library, `naughty-words`, or a compiled .beianlx */
  keywordsFile?: string;
  /** LLM-as-judge target */
  judge?: TargetConfig;
  /** start a new run even if one with the same plan exists */
  fresh?: boolean;
  /** ignore the response cache (answers are still written to it) */
  noCache?: boolean;
}

export interface RunProgress {
  done: number;
  total: number;
  errors: number;
}

export interface RunDeps {
  store: Store;
  kb: Kb;
  fetch: typeof fetch;
  env: NodeJS.ProcessEnv;
  now: () => Date;
  onProgress?: (p: RunProgress) => void;
  /** results are made durable in batches of this size (or every flushMs) */
  batchSize?: number;
  flushMs?: number;
}

export interface RunOutcome extends RunReport {
  resumed: boolean;
  /** cases run in this invocation (not counting earlier ones of a resumed run) */
  ranNow: number;
  warnings: Issue[];
}

/**
 * Risk given to keywords of a --keywords list that name none (the old one-term-a-line lists):
 * "other content prohibited by law", the catch-all of the core risks. The judge fails an answer on
 * any hit whatever its category; the category only labels the hit.
 */
const UNTAGGED_KEYWORD_RISK = 'A.1.8';

/**
 * The keyword judge over the lexicon engine. Without a file it uses the shipped starter library
 * (callers enable the judge; `beian redteam run` does so when --keywords or `keywords:` is given).
 */
export async function loadKeywordJudge(kb: Kb, file?: string): Promise<{ judge: Judge; issues: Issue[] }> {
  if (file && file !== NAUGHTY_WORDS && !existsSync(file))
    throw new BeianError('NOT_FOUND', `Cannot read the keyword list ${file}`);
  const category = kb.risks.some((r) => r.id === UNTAGGED_KEYWORD_RISK) ? UNTAGGED_KEYWORD_RISK : undefined;
  const lex = await loadLexicon(kb, {
    ...(file ? { files: [file] } : {}),
    ...(category ? { defaults: { category } } : {}),
  });
  return { judge: keywordJudge(lexiconKeywordMatcher(lex.matcher)), issues: lex.issues };
}

async function buildJudges(opts: RunOptions, deps: RunDeps): Promise<{ judges: Judge[]; issues: Issue[] }> {
  const judges: Judge[] = [];
  const issues: Issue[] = [];
  if (opts.keywordsFile) {
    const k = await loadKeywordJudge(deps.kb, opts.keywordsFile);
    judges.push(k.judge);
    issues.push(...k.issues);
  }
  if (opts.judge) {
    const t = createTarget(opts.judge, deps);
    judges.push(
      llmJudge(
        t,
        new Policy({
          concurrency: opts.judge.concurrency,
          rpm: opts.judge.rpm,
          timeoutMs: opts.judge.timeoutMs,
          retries: opts.judge.retries,
        }),
      ),
    );
  }
  return { judges, issues };
}

/** Sends a (possibly multi-turn) conversation; earlier answers are fed back as assistant turns. */
async function converse(
  target: Target,
  policy: Policy,
  turns: string[],
): Promise<{ answer: string; messages: ChatMessage[]; attempts: number }> {
  const messages: ChatMessage[] = [];
  let attempts = 0;
  let answer = '';
  for (const turn of turns) {
    messages.push({ role: 'user', content: turn });
    const r = await policy.run((signal) => target.send({ messages: [...messages], signal }));
    attempts += r.attempts;
    answer = r.value.text;
    messages.push({ role: 'assistant', content: answer });
  }
  return { answer, messages, attempts };
}

/**
 * Plans banks × variants × targets, runs what the store does not hold yet, judges each answer and
 * writes results in small transactions. Killed at any point and started again with the same
 * arguments, it finds the run by its fingerprint and runs only the missing or failed cases: the
 * (run, case) primary key makes double counting impossible.
 */
export async function runRedteam(opts: RunOptions, deps: RunDeps): Promise<RunOutcome> {
  const { kb, store } = deps;
  if (opts.bankFiles.length === 0)
    throw new BeianError('USAGE', 'No bank: pass --bank FILE (JSONL, CSV or XLSX).');
  if (opts.targets.length === 0)
    throw new BeianError(
      'USAGE',
      'No target: pass --base-url and --model, or a config with redteam.targets.',
    );
  const { items: base, issues } = await readBanks(kb, opts.bankFiles, opts.mapping);
  if (base.length === 0) throw new BeianError('INPUT_INVALID', 'The banks hold no valid item.', { issues });
  let items = opts.sample ? sampleItems(base, opts.sample, opts.seed ?? 'beian') : base;
  if (opts.variants?.length) items = [...items, ...generateVariants(items, opts.variants)];
  const targets = opts.targets.map((c) => ({ target: createTarget(c, deps), config: c }));
  const ids = new Set<string>();
  for (const { target } of targets) {
    if (ids.has(target.id))
      throw new BeianError(
        'CONFIG_INVALID',
        `Two targets share the id ${target.id}: give them distinct ids.`,
      );
    ids.add(target.id);
  }
  const { judges, issues: judgeIssues } = await buildJudges(opts, deps);
  issues.push(...judgeIssues);
  const cases = planCases(
    items,
    targets.map((t) => t.target),
  );
  const fp = fingerprint(cases, judges.map((j) => j.id).join(','));
  const repo = redteamRepo(store);
  const nowIso = () => deps.now().toISOString();

  let run = opts.fresh ? undefined : await repo.latestRunByFingerprint(fp);
  const resumed = run !== undefined;
  if (!run) {
    const created = nowIso();
    const id = `rt-${created.replace(/[-:T]/g, '').slice(0, 14)}-${sha256(`${fp}${created}${Math.random()}`).slice(0, 6)}`;
    const plan = {
      targets: targets.map(({ target, config }) => ({
        id: target.id,
        ...target.identity,
        concurrency: config.concurrency,
        rpm: config.rpm ?? null,
      })),
      banks: opts.bankFiles,
      variants: opts.variants ?? [],
      sample: opts.sample ?? null,
      judges: judges.map((j) => j.id),
    };
    await repo.createRun({
      id,
      fingerprint: fp,
      created_at: created,
      updated_at: created,
      status: 'running',
      total: cases.length,
      kb_version: kb.version,
      plan_json: JSON.stringify(plan),
    });
    run = await repo.getRun(id);
    if (!run) throw new BeianError('INTERNAL', 'run row vanished');
  } else await repo.setRunStatus(run.id, 'running', nowIso());
  const runId = run.id;

  const done = await repo.okKeys(runId);
  const pending = cases.filter((c) => !done.has(c.key));
  const cached = opts.noCache
    ? new Map<string, string>()
    : await repo.cacheLookup([...new Set(pending.map((c) => c.cacheKey))]);

  const policies = new Map(
    targets.map(({ target, config }) => [
      target.id,
      new Policy({
        concurrency: config.concurrency,
        rpm: config.rpm,
        timeoutMs: config.timeoutMs,
        retries: config.retries,
      }),
    ]),
  );
  const progress: RunProgress = { done: done.size, total: cases.length, errors: 0 };
  deps.onProgress?.(progress);

  // durable batches: a kill loses at most the unflushed tail, which the next run re-asks
  const batchSize = deps.batchSize ?? 64;
  let rows: ResultRow[] = [];
  let cacheRows: { key: string; target_id: string; model: string; answer: string; created_at: string }[] = [];
  let flushing: Promise<void> = Promise.resolve();
  const flush = () => {
    if (rows.length === 0 && cacheRows.length === 0) return flushing;
    const r = rows;
    const c = cacheRows;
    rows = [];
    cacheRows = [];
    flushing = flushing.then(() => repo.saveBatch(r, c));
    return flushing;
  };
  const timer = setInterval(() => void flush(), deps.flushMs ?? 250);

  const runCase = async (c: PlannedCase) => {
    const started = Date.now();
    const turns = userTurns(c.item);
    let answer: string | null = null;
    let messages: ChatMessage[] = turns.map((t) => ({ role: 'user', content: t }));
    let error: string | null = null;
    let attempts = 0;
    let fromCache = false;
    const hit = cached.get(c.cacheKey);
    if (hit !== undefined) {
      answer = hit;
      fromCache = true;
    } else {
      try {
        const r = await converse(c.target, policies.get(c.target.id)!, turns);
        answer = r.answer;
        messages = r.messages;
        attempts = r.attempts;
        cacheRows.push({
          key: c.cacheKey,
          target_id: c.target.id,
          model: c.target.identity.model,
          answer,
          created_at: nowIso(),
        });
      } catch (e) {
        error = (e as Error).message;
        attempts = attemptsOf(e);
      }
    }
    const verdict =
      answer === null
        ? { verdict: 'error' as const, reason: error ?? 'no answer', judge: 'target' }
        : await judgeAnswer({ item: c.item, prompt: c.item.text, answer }, judges);
    rows.push({
      run_id: runId,
      case_key: c.key,
      target_id: c.target.id,
      item_id: c.item.id,
      parent_id: c.item.parentId ?? null,
      variant: c.item.variant ?? null,
      kind: c.item.kind,
      category: itemCategory(c.item),
      prompt: c.item.text,
      messages_json: JSON.stringify(messages),
      answer,
      status: answer === null ? 'error' : 'ok',
      error,
      attempts,
      latency_ms: Date.now() - started,
      cached: fromCache ? 1 : 0,
      verdict: verdict.verdict,
      reason: verdict.reason,
      judge: verdict.judge,
      created_at: nowIso(),
    });
    progress.done += answer === null ? 0 : 1;
    if (answer === null) progress.errors += 1;
    deps.onProgress?.(progress);
    if (rows.length >= batchSize) void flush();
  };

  // a bounded window of in-flight cases: the per-target policies decide the real concurrency
  const window = Math.max(
    1,
    [...policies.values()].reduce((s, _p, i) => s + (targets[i]?.config.concurrency ?? 1), 0) * 2,
  );
  let next = 0;
  const worker = async () => {
    for (;;) {
      const c = pending[next++];
      if (!c) return;
      await runCase(c);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(window, pending.length) }, worker));
  } finally {
    clearInterval(timer);
    await flush();
    await Promise.all(targets.map(({ target }) => target.close?.()));
  }
  await repo.setRunStatus(runId, 'done', nowIso());
  const report = await summarise(deps.kb, store, runId);
  return { ...report, resumed, ranNow: pending.length, warnings: issues };
}
