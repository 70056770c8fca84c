import type { Kb } from '../../kb/index.js';
import { dedupAgainst, expandPrompt, generatedItems, parseGenerated } from '../../redteam/banks/expand.js';
import { type BankItem, type BankKind, itemCategory } from '../../redteam/banks/schema.js';
import { bankStats } from '../../redteam/banks/stats.js';
import { createTarget } from '../../redteam/targets/catalogue.js';
import type { TargetConfig } from '../../redteam/targets/config.js';
import { Policy } from '../../redteam/targets/policy.js';
import type { TargetDeps } from '../../redteam/targets/types.js';
import { appendAll } from '../../util/array.js';

export interface ExpandOptions {
  attacker: TargetConfig;
  /** banks to grow (default: all three) */
  kinds?: BankKind[];
  /** questions asked for per call */
  batch?: number;
  /** calls per under-filled risk at most (a model that keeps repeating itself cannot loop forever) */
  maxCallsPerRisk?: number;
  onProgress?: (p: { category: string; kind: BankKind; added: number; missing: number }) => void;
}

export interface ExpandOutcome {
  items: BankItem[];
  /** per bank and risk/aspect: how many were missing, added, and the calls made */
  filled: { kind: BankKind; category: string; missing: number; added: number; calls: number }[];
}

/**
 * `bank expand`: for every risk (or aspect) a bank lacks questions for, asks the attacker model
 * for new ones, drops repeats and near-copies of the bank, and tags what remains
 * `generated`/`needs-review` for a human. Returns only the new items.
 */
export async function expandBank(
  kb: Kb,
  bank: readonly BankItem[],
  opts: ExpandOptions,
  deps: TargetDeps,
): Promise<ExpandOutcome> {
  const target = createTarget(opts.attacker, deps);
  const policy = new Policy({
    concurrency: opts.attacker.concurrency,
    rpm: opts.attacker.rpm,
    timeoutMs: opts.attacker.timeoutMs,
    retries: opts.attacker.retries,
  });
  const stats = bankStats(kb, bank);
  const texts = bank.map((i) => i.text);
  const out: ExpandOutcome = { items: [], filled: [] };
  const batch = opts.batch ?? 20;
  for (const kind of opts.kinds ?? (['generation', 'should-refuse', 'should-not-refuse'] as BankKind[])) {
    for (const s of stats.kinds[kind].shortfalls) {
      if (s.scope === 'total') continue;
      const examples = bank
        .filter((i) => i.kind === kind && itemCategory(i) === s.scope)
        .slice(0, 5)
        .map((i) => i.text);
      let added = 0;
      let calls = 0;
      while (added < s.missing && calls < (opts.maxCallsPerRisk ?? 5)) {
        calls += 1;
        const n = Math.min(batch, s.missing - added);
        const { value } = await policy.run((signal) =>
          target.send({
            messages: [{ role: 'user', content: expandPrompt(kb, kind, s.scope, n, examples) }],
            signal,
          }),
        );
        const fresh = dedupAgainst(texts, parseGenerated(value.text)).slice(0, s.missing - added);
        appendAll(texts, fresh);
        appendAll(out.items, generatedItems(kind, s.scope, fresh, opts.attacker.model));
        added += fresh.length;
        opts.onProgress?.({ category: s.scope, kind, added, missing: s.missing });
      }
      out.filled.push({ kind, category: s.scope, missing: s.missing, added, calls });
    }
  }
  await target.close?.();
  return out;
}
