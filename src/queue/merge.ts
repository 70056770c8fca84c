/**
 * Merging partial results, pure. A shard may have run more than once (a worker died mid-shard, a
 * stalled job was retried): its partial results are keyed by (run, shard, attempt), and exactly
 * one is taken per shard (the earliest attempt that completed), so nothing is counted twice.
 */
export interface Partial<R> {
  shard: number;
  attempt: number;
  result: R;
}

export interface PickedPartials<R> {
  /** one result per shard, in shard order, when every shard has one */
  results: R[] | undefined;
  /** shards still without a result */
  missing: number[];
}

export function pickPartials<R>(partials: Iterable<Partial<R>>, shards: number): PickedPartials<R> {
  const best = new Map<number, Partial<R>>();
  for (const p of partials) {
    if (p.shard < 0 || p.shard >= shards) continue;
    const cur = best.get(p.shard);
    if (!cur || p.attempt < cur.attempt) best.set(p.shard, p);
  }
  const missing: number[] = [];
  for (let s = 0; s < shards; s++) if (!best.has(s)) missing.push(s);
  if (missing.length) return { results: undefined, missing };
  return { results: [...best.values()].sort((a, b) => a.shard - b.shard).map((p) => p.result), missing };
}
