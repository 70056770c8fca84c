import { existsSync } from 'node:fs';
import { BeianError, type Issue } from '../../errors.js';
import type { Kb } from '../../kb/index.js';
import { crescendo } from '../../redteam/attacks/crescendo.js';
import { pair } from '../../redteam/attacks/pair.js';
import type { AttackIo, AttackKind, AttackResult } from '../../redteam/attacks/types.js';
import type { ColumnMapping } from '../../redteam/banks/import.js';
import type { BankItem } from '../../redteam/banks/schema.js';
import { itemCategory } from '../../redteam/banks/schema.js';
import { generateVariants, type VariantStrategy } from '../../redteam/banks/variants.js';
import { judgeAnswer } from '../../redteam/judges/chain.js';
import { type GuardFormat, guardJudge } from '../../redteam/judges/guard.js';
import { llmJudge } from '../../redteam/judges/llm.js';
import { detectRefusal } from '../../redteam/judges/refusal.js';
import type { Judge, Verdict } from '../../redteam/judges/types.js';
import { createTarget } from '../../redteam/targets/catalogue.js';
import { type TargetConfig, targetId } from '../../redteam/targets/config.js';
import type { RateGate } from '../../redteam/targets/gate.js';
import { attemptsOf, Policy } from '../../redteam/targets/policy.js';
import { redact, redactor, secretsOf } from '../../redteam/targets/redact.js';
import type { ChatMessage, HttpTransport, Target } from '../../redteam/targets/types.js';
import type { Store } from '../../store/index.js';
import { type ResultRow, redteamRepo } from '../../store/repos/redteam.js';
import { appendAll } from '../../util/array.js';
import { readBanks } from './bank-files.js';
import { fingerprint, type PlannedCase, planCases, sampleItems, sha256, userTurns } from './plan.js';
import { type RunReport, summarise } from './summary.js';

export interface RunOptions {
  targets: TargetConfig[];
  bankFiles: string[];
  mapping?: ColumnMapping;
  /** the user's category maps, before the shipped ones */
  mapFiles?: string[];
  /** force the banks' encoding (detected otherwise) */
  encoding?: string;
  variants?: VariantStrategy[];
  /** original questions per bank (deterministic sample) */
  sample?: number;
  seed?: string;
  /** keyword judge lexicon: txt/csv/xlsx/json library, `naughty-words`, or a compiled .beianlx */
  keywordsFile?: string;
  /** LLM-as-judge target */
  judge?: TargetConfig;
  /**
   * attacks beyond templates, driven by an attacker model: each original generation/should-refuse
   * question also becomes a `<id>~crescendo` / `<id>~pair` case (variant = the attack)
   */
  attacks?: { kinds: AttackKind[]; attacker: TargetConfig; maxTurns?: number; maxCalls?: number };
  /** guard-model judge: a safety classifier behind an OpenAI-compatible endpoint */
  guard?: { target: TargetConfig; format?: GuardFormat };
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
  /** the HTTP targets' transport (fetch when absent) */
  transport?: HttpTransport;
  env: NodeJS.ProcessEnv;
  now: () => Date;
  onProgress?: (p: RunProgress) => void;
  /** stop taking new cases (a worker shutting down); the cases in flight finish and are stored */
  signal?: AbortSignal;
  /**
   * where each target's RPM, concurrency and 429 pauses are enforced; unset = in this process.
   * `beian worker` passes a Redis gate so the limits hold for every worker together.
   */
  gateFor?: (targetId: string, limits: GateLimits) => RateGate;
}

export interface GateLimits {
  rpm?: number;
  concurrency: number;
  timeoutMs: number;
}

/** The options a worker needs for a batch: the banks are already read, sampled and expanded. */
export type BatchOptions = Pick<
  RunOptions,
  'targets' | 'keywordsFile' | 'judge' | 'guard' | 'attacks' | 'noCache'
>;

/** What one invocation (a local run, or one batch on a worker) did. */
export interface ExecOutcome {
  ok: number;
  failed: number;
  causes: { cause: string; count: number; example: string }[];
}

export interface RunOutcome extends RunReport {
  resumed: boolean;
  /** cases run in this invocation (not counting earlier ones of a resumed run) */
  ranNow: number;
  warnings: Issue[];
  /** failed cases of this invocation grouped by cause, most frequent first */
  errorCauses: { cause: string; count: number; example: string }[];
}

/**
 * What a failure was, for grouping: the system error code (ECONNREFUSED …), the HTTP status, a
 * timeout, a malformed reply; else the message's first words.
 */
export function causeOf(message: string): string {
  const code = /\b(E[A-Z]{3,}[A-Z_]*)\b/.exec(message);
  if (code) return code[1] as string;
  const http = /\bHTTP (\d{3})\b/.exec(message);
  if (http) return `HTTP ${http[1]}`;
  if (/timed? ?out|no answer within/i.test(message)) return 'timeout';
  if (/malformed|no choices|truncated/i.test(message)) return 'bad response';
  if (/exceeds \d+ bytes/.test(message)) return 'too large';
  return message.slice(0, 40);
}

type CacheRow = { key: string; target_id: string; model: string; answer: string; created_at: string };

/**
 * Group commit: results are written as they arrive; while one transaction runs, the next
 * results queue and go in the following one. `write` resolves once its row is durable, and the
 * worker only then takes its next case: answered-but-unstored plus in-flight cases never exceed
 * the number of workers, so a kill makes a resume repeat at most that many answered requests.
 */
function resultSink(repo: ReturnType<typeof redteamRepo>) {
  let rows: ResultRow[] = [];
  let cacheRows: CacheRow[] = [];
  let waiters: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  let writing: Promise<void> | undefined;
  const drain = async (): Promise<void> => {
    while (rows.length) {
      const r = rows;
      const c = cacheRows;
      const w = waiters;
      rows = [];
      cacheRows = [];
      waiters = [];
      try {
        await repo.saveBatch(r, c);
        for (const x of w) x.resolve();
      } catch (e) {
        for (const x of w) x.reject(e);
      }
    }
    writing = undefined;
  };
  return {
    write(row: ResultRow, cache?: CacheRow): Promise<void> {
      rows.push(row);
      if (cache) cacheRows.push(cache);
      const p = new Promise<void>((resolve, reject) => waiters.push({ resolve, reject }));
      // start after this turn of the event loop: the answers that arrived with this one join
      // the same transaction (one commit per burst, not per row)
      writing ??= new Promise<void>((r) => setImmediate(r)).then(drain);
      return p;
    },
    async close(): Promise<void> {
      while (writing) await writing;
    },
  };
}

/**
 * The keyword judge over the lexicon engine, loaded and scored exactly as `beian scan` does (one
 * loading path, app/lexicon.ts): without a file it uses the shipped default library; keywords of a
 * plain list that name no category are "unclassified" there as here. Callers enable the judge;
 * `beian redteam run` does so when --keywords or `keywords:` is given.
 */
export async function loadKeywordJudge(kb: Kb, file?: string): Promise<{ judge: Judge; issues: Issue[] }> {
  // the lexicon engine (30 modules) loads only for runs that judge by keywords: start-up is part
  // of every run's wall time
  const [{ NAUGHTY_WORDS }, { keywordJudge, lexiconKeywordMatcher }, { loadLexicon }] = await Promise.all([
    import('../../lexicon/index.js'),
    import('../../redteam/judges/keyword.js'),
    import('../lexicon.js'),
  ]);
  if (file && file !== NAUGHTY_WORDS && !existsSync(file))
    throw BeianError.of('NOT_FOUND', 'redteam.run.noKeywordList', { file });
  const lex = await loadLexicon(kb, file ? { files: [file] } : {});
  return { judge: keywordJudge(lexiconKeywordMatcher(lex.matcher, lex.rules)), issues: lex.issues };
}

/** A target's policy, its limits enforced by the gate the deps name (this process by default). */
function policyFor(c: TargetConfig, deps: Pick<RunDeps, 'gateFor'>): Policy {
  const gate = deps.gateFor?.(targetId(c), {
    rpm: c.rpm,
    concurrency: c.concurrency,
    timeoutMs: c.timeoutMs,
  });
  return new Policy({
    concurrency: c.concurrency,
    rpm: c.rpm,
    timeoutMs: c.timeoutMs,
    retries: c.retries,
    ...(gate ? { gate } : {}),
  });
}

async function buildJudges(opts: BatchOptions, deps: RunDeps): Promise<{ judges: Judge[]; issues: Issue[] }> {
  const judges: Judge[] = [];
  const issues: Issue[] = [];
  if (opts.keywordsFile) {
    const k = await loadKeywordJudge(deps.kb, opts.keywordsFile);
    judges.push(k.judge);
    appendAll(issues, k.issues);
  }
  if (opts.guard) {
    const c = opts.guard.target;
    judges.push(guardJudge(createTarget(c, deps), policyFor(c, deps), opts.guard.format ?? 'auto'));
  }
  if (opts.judge) {
    const t = createTarget(opts.judge, deps);
    judges.push(llmJudge(t, policyFor(opts.judge, deps)));
  }
  return { judges, issues };
}

/**
 * Sends a (possibly multi-turn) conversation: a benchmark's fixed history as is, then the user
 * turns, the model's own earlier answers fed back as assistant turns.
 */
async function converse(
  target: Target,
  policy: Policy,
  turns: string[],
  history: readonly ChatMessage[] = [],
): Promise<{ answer: string; messages: ChatMessage[]; attempts: number }> {
  const messages: ChatMessage[] = history.map((m) => ({ ...m }));
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

/** Reads, samples and expands the banks: the items a run plans its cases from. */
async function readItems(opts: RunOptions, kb: Kb): Promise<{ items: BankItem[]; issues: Issue[] }> {
  if (opts.bankFiles.length === 0) throw BeianError.of('USAGE', 'redteam.run.noBank');
  if (opts.targets.length === 0) throw BeianError.of('USAGE', 'redteam.run.noTarget');
  const { items: base, issues } = await readBanks(kb, opts.bankFiles, {
    ...(opts.mapping ? { mapping: opts.mapping } : {}),
    ...(opts.mapFiles ? { mapFiles: opts.mapFiles } : {}),
    ...(opts.encoding ? { encoding: opts.encoding } : {}),
  });
  if (base.length === 0)
    throw BeianError.of('INPUT_INVALID', 'redteam.run.noValidItem', undefined, { issues });
  let items = opts.sample ? sampleItems(base, opts.sample, opts.seed ?? 'beian') : base;
  if (opts.variants?.length) items = [...items, ...generateVariants(items, opts.variants)];
  if (opts.attacks?.kinds.length) {
    const extra: BankItem[] = [];
    for (const it of items)
      if (!it.parentId && it.kind !== 'should-not-refuse')
        for (const kind of opts.attacks.kinds)
          extra.push({ ...it, id: `${it.id}~${kind}`, parentId: it.id, variant: kind });
    items = [...items, ...extra];
  }
  return { items, issues };
}

/** The attack an item stands for (`<id>~crescendo` …), when attacks are on. */
function attackOf(item: BankItem, kinds: readonly AttackKind[] | undefined): AttackKind | undefined {
  const kind = kinds?.find((k) => item.variant === k);
  return kind && item.parentId && item.id === `${item.parentId}~${kind}` ? kind : undefined;
}

/** Targets, judges and the attacker as the options name them: built alike locally and on a worker. */
async function buildRunners(opts: BatchOptions, deps: RunDeps) {
  const targets = opts.targets.map((c) => ({ target: createTarget(c, deps), config: c }));
  const ids = new Set<string>();
  for (const { target } of targets) {
    if (ids.has(target.id))
      throw BeianError.of('CONFIG_INVALID', 'redteam.run.duplicateTarget', { id: target.id });
    ids.add(target.id);
  }
  const attacker = opts.attacks
    ? {
        target: createTarget(opts.attacks.attacker, deps),
        policy: policyFor(opts.attacks.attacker, deps),
        budget: { maxTurns: opts.attacks.maxTurns ?? 5, maxCalls: opts.attacks.maxCalls ?? 12 },
      }
    : undefined;
  const { judges, issues } = await buildJudges(opts, deps);
  return { targets, attacker, judges, issues };
}

type Runners = Awaited<ReturnType<typeof buildRunners>>;

/** A planned run, its row created or found again (resume by fingerprint). */
export interface OpenedRun {
  runId: string;
  resumed: boolean;
  items: BankItem[];
  total: number;
  issues: Issue[];
}

async function openRun(
  opts: RunOptions,
  deps: RunDeps,
): Promise<OpenedRun & { runners: Runners; cases: PlannedCase[] }> {
  const { kb, store } = deps;
  const { items, issues } = await readItems(opts, kb);
  const runners = await buildRunners(opts, deps);
  appendAll(issues, runners.issues);
  const { targets, judges, attacker } = runners;
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
      attacks: opts.attacks
        ? { kinds: opts.attacks.kinds, attacker: opts.attacks.attacker.model, ...attacker?.budget }
        : null,
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
  return { runId: run.id, resumed, items, total: cases.length, issues, runners, cases };
}

/**
 * Runs the given cases of a run that the store does not hold as answered yet, judges each answer
 * and writes results in small transactions. The (run, case) key makes a repeat (a resume, a
 * retried batch) overwrite, never add.
 */
async function executeCases(
  runId: string,
  opts: BatchOptions,
  runners: Runners,
  cases: readonly PlannedCase[],
  deps: RunDeps,
  progressBase: { done: number; total: number },
): Promise<ExecOutcome> {
  const { targets, attacker, judges } = runners;
  const repo = redteamRepo(deps.store);
  const nowIso = () => deps.now().toISOString();
  const done = await repo.okKeys(runId);
  const pending = cases.filter((c) => !done.has(c.key));
  const cached = opts.noCache
    ? new Map<string, string>()
    : await repo.cacheLookup([...new Set(pending.map((c) => c.cacheKey))]);

  const policies = new Map(targets.map(({ target, config }) => [target.id, policyFor(config, deps)]));
  const progress: RunProgress = { done: progressBase.done, total: progressBase.total, errors: 0 };
  deps.onProgress?.(progress);
  // keys and header tokens of every target and the judge never reach the store or a report
  const secrets = secretsOf(
    [...opts.targets, opts.judge, opts.guard?.target, opts.attacks?.attacker],
    deps.env,
  );
  const clean = redactor(secrets);
  const causes = new Map<string, { count: number; example: string }>();
  let okNow = 0;
  let failedNow = 0;
  let stop = false;
  // one worker per request slot: the per-target policies decide the real concurrency
  const window = Math.max(
    1,
    targets.reduce((s, t) => s + t.config.concurrency, 0),
  );
  const abortAfter = Math.min(pending.length, Math.max(8, window));
  const sink = resultSink(repo);
  const runCase = async (c: PlannedCase) => {
    const started = Date.now();
    const turns = userTurns(c.item);
    let answer: string | null = null;
    let messages: ChatMessage[] = [
      ...(c.item.history ?? []),
      ...turns.map((t): ChatMessage => ({ role: 'user', content: t })),
    ];
    let error: string | null = null;
    let attempts = 0;
    let fromCache = false;
    const attack = attackOf(c.item, opts.attacks?.kinds);
    // attacks are not cached: the attacker is asked afresh, so a replay would not be the same attack
    const hit = attack ? undefined : cached.get(c.cacheKey);
    let cacheRow: CacheRow | undefined;
    let attackVerdict: Verdict | undefined;
    if (attack && attacker) {
      try {
        const r = await runAttack(attack, c, attacker);
        answer = r.answer;
        messages = r.conversation;
        attempts = r.calls.attacker + r.calls.target;
        attackVerdict = {
          ...r.verdict,
          reason: `${attack}: ${r.stopped} after ${r.steps.length} turns (${r.calls.attacker} attacker + ${r.calls.target} target calls; ${r.steps.filter((x) => x.backtracked).length} taken back) → ${r.verdict.reason}`,
        };
      } catch (e) {
        error = redact((e as Error).message, secrets);
        attempts = attemptsOf(e);
      }
    } else if (hit !== undefined) {
      answer = hit;
      fromCache = true;
    } else {
      try {
        const r = await converse(c.target, policies.get(c.target.id)!, turns, c.item.history);
        answer = r.answer;
        messages = r.messages;
        attempts = r.attempts;
        cacheRow = {
          key: c.cacheKey,
          target_id: c.target.id,
          model: c.target.identity.model,
          answer: clean(answer),
          created_at: nowIso(),
        };
      } catch (e) {
        error = redact((e as Error).message, secrets);
        attempts = attemptsOf(e);
      }
    }
    const verdict: Verdict =
      answer === null
        ? { verdict: 'error' as const, reason: error ?? 'no answer', judge: 'target' }
        : (attackVerdict ?? (await judgeAnswer({ item: c.item, prompt: c.item.text, answer }, judges)));
    if (answer === null) {
      failedNow += 1;
      const cause = causeOf(error ?? 'no answer');
      const g = causes.get(cause);
      if (g) g.count += 1;
      else causes.set(cause, { count: 1, example: error ?? 'no answer' });
      // nothing has ever answered and the first requests all failed: the endpoint is down or
      // refuses us; stop asking (resume later) instead of failing every case one by one
      if (okNow === 0 && failedNow >= abortAfter) stop = true;
    } else okNow += 1;
    const row: ResultRow = {
      run_id: runId,
      case_key: c.key,
      target_id: c.target.id,
      item_id: c.item.id,
      parent_id: c.item.parentId ?? null,
      variant: c.item.variant ?? null,
      kind: c.item.kind,
      category: itemCategory(c.item),
      prompt: clean(c.item.text),
      messages_json: clean(JSON.stringify(messages)),
      answer: clean(answer),
      status: answer === null ? 'error' : 'ok',
      error,
      attempts,
      latency_ms: Date.now() - started,
      cached: fromCache ? 1 : 0,
      verdict: verdict.verdict,
      reason: clean(verdict.reason),
      judge: verdict.judge,
      created_at: nowIso(),
    };
    // the next case only once this result is durable (see resultSink)
    await sink.write(row, cacheRow);
    progress.done += answer === null ? 0 : 1;
    if (answer === null) progress.errors += 1;
    deps.onProgress?.(progress);
  };

  const contentJudged = judges.length > 0;
  /** One attack on one question: the attacker and the target through their own policies. */
  async function runAttack(
    kind: AttackKind,
    c: PlannedCase,
    a: NonNullable<typeof attacker>,
  ): Promise<AttackResult> {
    const policy = policies.get(c.target.id)!;
    const send = async (t: Target, p: Policy, messages: ChatMessage[]) =>
      (await p.run((signal) => t.send({ messages, signal }))).value.text;
    const io: AttackIo = {
      attacker: (m) => send(a.target, a.policy, m),
      target: (m) => send(c.target, policy, [...(c.item.history ?? []), ...m]),
      refused: (answer) => detectRefusal(answer).refused,
      judgesContent: contentJudged,
      // with content judges the goal counts as reached only on harmful content, so even a
      // should-refuse goal is judged like generated content; without them, answering is enough
      judge: (answer, conversation) =>
        judgeAnswer(
          {
            item: contentJudged ? { ...c.item, kind: 'generation' } : c.item,
            prompt: [...conversation].reverse().find((m) => m.role === 'user')?.content ?? c.item.text,
            answer,
          },
          judges,
        ),
    };
    return kind === 'crescendo' ? crescendo(c.item.text, a.budget, io) : pair(c.item.text, a.budget, io);
  }
  let next = 0;
  const worker = async () => {
    for (;;) {
      if (stop || deps.signal?.aborted) return;
      const c = pending[next++];
      if (!c) return;
      await runCase(c);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(window, pending.length) }, worker));
  } finally {
    await sink.close();
    await Promise.all(targets.map(({ target }) => target.close?.()));
  }
  return {
    ok: okNow,
    failed: failedNow,
    causes: [...causes.entries()]
      .map(([cause, g]) => ({ cause, count: g.count, example: g.example }))
      .sort((x, y) => y.count - x.count),
  };
}

/** Adds up what the batches of one run did (causes merged, most frequent first). */
export function mergeOutcomes(parts: readonly ExecOutcome[]): ExecOutcome {
  const causes = new Map<string, { count: number; example: string }>();
  let ok = 0;
  let failed = 0;
  for (const p of parts) {
    ok += p.ok;
    failed += p.failed;
    for (const c of p.causes) {
      const g = causes.get(c.cause);
      if (g) g.count += c.count;
      else causes.set(c.cause, { count: c.count, example: c.example });
    }
  }
  return {
    ok,
    failed,
    causes: [...causes.entries()]
      .map(([cause, g]) => ({ cause, count: g.count, example: g.example }))
      .sort((x, y) => y.count - x.count),
  };
}

/**
 * Closes a run once its cases ran (here or on the workers): status, the stored summary, and the
 * outcome. Nothing answered though something was asked → TARGET_FAILED, as a local run.
 */
export async function finishRun(
  run: Pick<OpenedRun, 'runId' | 'resumed' | 'issues'>,
  exec: ExecOutcome,
  /** cases that were still to run when this invocation started */
  pendingCount: number,
  deps: Pick<RunDeps, 'store' | 'kb' | 'now'>,
): Promise<RunOutcome> {
  const repo = redteamRepo(deps.store);
  const { runId } = run;
  const allFailed = exec.ok === 0 && exec.failed > 0;
  await repo.setRunStatus(runId, allFailed ? 'failed' : 'done', deps.now().toISOString());
  const report = await summarise(deps.kb, deps.store, runId);
  await repo.saveSummary(runId, JSON.stringify(report.json));
  if (allFailed) {
    const notAsked = pendingCount - exec.failed;
    throw BeianError.of('TARGET_FAILED', 'redteam.allFailed', {
      failed: exec.failed,
      tried: pendingCount,
      notAsked,
      runId,
      causes: exec.causes
        .slice(0, 5)
        .map((g) => `  ${g.cause} × ${g.count}: ${g.example.slice(0, 300)}`)
        .join('\n'),
    });
  }
  return {
    ...report,
    resumed: run.resumed,
    ranNow: exec.ok + exec.failed,
    warnings: run.issues,
    errorCauses: exec.causes,
  };
}

/**
 * Plans banks × variants × targets, runs what the store does not hold yet, judges each answer and
 * writes results in small transactions. Killed at any point and started again with the same
 * arguments, it finds the run by its fingerprint and runs only the missing or failed cases: the
 * (run, case) primary key makes double counting impossible.
 */
export async function runRedteam(opts: RunOptions, deps: RunDeps): Promise<RunOutcome> {
  const run = await openRun(opts, deps);
  const done = await redteamRepo(deps.store).okKeys(run.runId);
  const pending = run.cases.filter((c) => !done.has(c.key)).length;
  const exec = await executeCases(run.runId, opts, run.runners, run.cases, deps, {
    done: done.size,
    total: run.total,
  });
  return finishRun(run, exec, pending, deps);
}

/**
 * The submitting half of a queued run: plans and opens the run exactly as a local one (same
 * fingerprint, so it resumes the same way) without asking anything; the caller enqueues the items.
 */
export async function openQueuedRun(
  opts: RunOptions,
  deps: RunDeps,
): Promise<OpenedRun & { pending: number }> {
  const run = await openRun(opts, deps);
  await Promise.all(run.runners.targets.map(({ target }) => target.close?.()));
  const done = await redteamRepo(deps.store).okKeys(run.runId);
  const pending = run.cases.filter((c) => !done.has(c.key)).length;
  return {
    runId: run.runId,
    resumed: run.resumed,
    items: run.items,
    total: run.total,
    issues: run.issues,
    pending,
  };
}

/** One batch of a queued run, as a worker runs it: the run's own case keys, the same use case. */
export async function runBatch(
  batch: { runId: string; options: BatchOptions; items: BankItem[] },
  deps: RunDeps,
): Promise<ExecOutcome> {
  const run = await redteamRepo(deps.store).getRun(batch.runId);
  if (!run) throw BeianError.of('NOT_FOUND', 'redteam.queue.noRun', { runId: batch.runId });
  const runners = await buildRunners(batch.options, deps);
  const cases = planCases(
    batch.items,
    runners.targets.map((t) => t.target),
  );
  return executeCases(batch.runId, batch.options, runners, cases, deps, { done: 0, total: cases.length });
}
