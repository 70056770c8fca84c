/**
 * Precision/recall of the judges on our own labelled set of Chinese answers
 * (test/fixtures/redteam/answers-zh-v1.jsonl: 25 refusals, 25 compliances of which 9 harmful,
 * written for beian; the odd lines are held out and were never used to tune anything), and
 * agreement with stored human overrides.
 *   npx tsx bench/redteam/judges.ts [--judge-base-url URL --judge-model M [--judge-api-key-env NAME]]
 *                                   [--guard-base-url URL --guard-model M [--guard-format F]] [--db FILE]
 * Without an endpoint only the offline judges (refusal detector, starter keyword library) are measured.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadKeywordJudge } from '../../src/app/redteam/run.js';
import { summarise } from '../../src/app/redteam/summary.js';
import { loadKb } from '../../src/kb/index.js';
import { judgeAnswer } from '../../src/redteam/judges/chain.js';
import { type GuardFormat, guardJudge } from '../../src/redteam/judges/guard.js';
import { llmJudge } from '../../src/redteam/judges/llm.js';
import { calibrate, detectRefusal } from '../../src/redteam/judges/refusal.js';
import type { Judge } from '../../src/redteam/judges/types.js';
import { createTarget } from '../../src/redteam/targets/catalogue.js';
import { Policy } from '../../src/redteam/targets/policy.js';
import { openStore } from '../../src/store/index.js';
import { redteamRepo } from '../../src/store/repos/redteam.js';

const { values: a } = parseArgs({
  options: {
    'judge-base-url': { type: 'string' },
    'judge-model': { type: 'string' },
    'judge-api-key-env': { type: 'string' },
    'guard-base-url': { type: 'string' },
    'guard-model': { type: 'string' },
    'guard-format': { type: 'string', default: 'auto' },
    db: { type: 'string' },
  },
});
const kb = loadKb();
const rows = readFileSync(new URL('../../test/fixtures/redteam/answers-zh-v1.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { id: string; answer: string; refused: boolean; harmful: boolean });

const pr = (pairs: { got: boolean; want: boolean }[]) => {
  const tp = pairs.filter((p) => p.got && p.want).length;
  const fp = pairs.filter((p) => p.got && !p.want).length;
  const fn = pairs.filter((p) => !p.got && p.want).length;
  return {
    n: pairs.length,
    tp,
    fp,
    fn,
    precision: +(tp / (tp + fp || 1)).toFixed(3),
    recall: +(tp / (tp + fn || 1)).toFixed(3),
  };
};
const out: Record<string, unknown> = {};
// even lines were the dev half (three colloquial-refusal patterns were added from them); odd lines are held out
const half = (k: number) =>
  rows.filter((_, i) => i % 2 === k).map((r) => ({ text: r.answer, refused: r.refused }));
out['refusal detector, dev half (refused?)'] = calibrate(half(0));
out['refusal detector, held-out half (refused?)'] = calibrate(half(1));
// answers-zh-v2.jsonl: 196 answers in seven shapes (hard refusals, redirects, partial refusals,
// refuse-then-comply, harmful compliance, safe completions with warnings, benign answers), split
// dev/heldout within each shape; only the dev half was looked at while tuning the detector.
const v2 = readFileSync(new URL('../../test/fixtures/redteam/answers-zh-v2.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map(
    (l) =>
      JSON.parse(l) as { shape: string; split: string; answer: string; refused: boolean; harmful: boolean },
  );
for (const split of ['dev', 'heldout']) {
  const part = v2.filter((r) => r.split === split);
  const got = part.map((r) => ({ r, got: detectRefusal(r.answer).refused }));
  const shapes: Record<string, string> = {};
  for (const shape of [...new Set(part.map((r) => r.shape))]) {
    const xs = got.filter((g) => g.r.shape === shape);
    shapes[`${shape} (${xs[0]?.r.refused ? 'refused' : 'not refused'})`] =
      `${xs.filter((g) => g.got === g.r.refused).length}/${xs.length} right`;
  }
  out[`refusal detector, answers-zh-v2 ${split} half`] = {
    'class refused': pr(got.map((g) => ({ got: g.got, want: g.r.refused }))),
    'class not refused': pr(got.map((g) => ({ got: !g.got, want: !g.r.refused }))),
    shapes,
  };
}
// answers-zh-v3-dev.jsonl: 58 more answers written in session 4 to tune on (36 refusals phrased
// unlike v2's dev half: idioms, 不予…, object-first 我这边不提供, and 22 look-alikes that are not
// refusals: idioms explained, 不能 in advice, apologies that then answer). Tuning only: the held-out
// figures stay those of v1's odd lines and v2's held-out half, which tuning never looked at.
{
  const v3 = readFileSync(
    new URL('../../test/fixtures/redteam/answers-zh-v3-dev.jsonl', import.meta.url),
    'utf8',
  )
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { answer: string; refused: boolean });
  const got = v3.map((r) => ({ got: detectRefusal(r.answer).refused, want: r.refused }));
  out['refusal detector, answers-zh-v3-dev (tuning set)'] = {
    'class refused': pr(got),
    'class not refused': pr(got.map((g) => ({ got: !g.got, want: !g.want }))),
  };
}
const kw = await loadKeywordJudge(kb);
const item = { id: 'x', kind: 'generation' as const, risk: 'A.1.8', text: '（用户问题）' };
const harmfulBy = async (judges: Judge[]) => {
  const pairs = [];
  for (const r of rows.filter((x) => !x.refused)) {
    const v = await judgeAnswer({ item, prompt: item.text, answer: r.answer }, judges);
    pairs.push({ got: v.verdict === 'fail' || v.verdict === 'uncertain', want: r.harmful });
  }
  return pr(pairs);
};
out['keyword judge, starter library (harmful? among compliances)'] = await harmfulBy([kw.judge]);
const policy = () => new Policy({ concurrency: 4, timeoutMs: 60_000, retries: 2 });
if (a['judge-base-url'] && a['judge-model']) {
  const t = createTarget(
    {
      type: 'openai',
      baseUrl: a['judge-base-url'],
      model: a['judge-model'],
      ...(a['judge-api-key-env'] ? { apiKeyEnv: a['judge-api-key-env'] } : {}),
      params: {},
      concurrency: 4,
      timeoutMs: 60_000,
      retries: 2,
      maxResponseBytes: 1 << 20,
    },
    { fetch, env: process.env },
  );
  out['LLM judge (harmful? among compliances)'] = await harmfulBy([llmJudge(t, policy())]);
} else out['LLM judge'] = 'not measured: pass --judge-base-url and --judge-model (no model endpoint offline)';
if (a['guard-base-url'] && a['guard-model']) {
  const t = createTarget(
    {
      type: 'openai',
      baseUrl: a['guard-base-url'],
      model: a['guard-model'],
      params: {},
      concurrency: 4,
      timeoutMs: 60_000,
      retries: 2,
      maxResponseBytes: 1 << 20,
    },
    { fetch, env: process.env },
  );
  out['guard judge (harmful? among compliances)'] = await harmfulBy([
    guardJudge(t, policy(), a['guard-format'] as GuardFormat),
  ]);
} else out['guard judge'] = 'not measured: pass --guard-base-url and --guard-model';
if (a.db) {
  // the same outcome-level comparison `beian redteam report --json` shows per run (`review`), summed
  const store = await openStore(a.db);
  const total = { runs: 0, reviewed: 0, agreeing: 0, undecided: 0 };
  for (const run of await redteamRepo(store).listRuns()) {
    const r = (await summarise(kb, store, run.id)).json.review;
    total.runs++;
    total.reviewed += r.reviewed;
    total.agreeing += r.agreeing;
    total.undecided += r.undecided;
  }
  out['agreement with stored human overrides'] = {
    ...total,
    rate: total.reviewed ? +(total.agreeing / total.reviewed).toFixed(3) : null,
  };
  await store.close();
}
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
