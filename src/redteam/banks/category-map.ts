import { z } from 'zod';
import type { Kb } from '../../kb/index.js';

const Target = z.string().regex(/^(A\.[1-5]\.[1-9]|aspect:[a-z-]+)$/, 'a risk id (A.x.y) or aspect:<id>');

/**
 * A category map: a benchmark's labels → the 31 risks of Appendix A (or a non-refusal aspect,
 * written `aspect:<id>`). Keys are labels as the benchmark writes them; a key `parent/child`
 * applies only to that child under that parent (JADE's 其他 means A.1.8 under 违法犯罪 but A.2.9
 * under 歧视偏见). A value may carry a note saying why the label lands where it does.
 */
export const CategoryMapFile = z
  .object({
    id: z.string().min(1),
    source: z.string().min(1),
    version: z
      .union([z.string(), z.date()])
      .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v)),
    note: z.string().optional(),
    /** a label that is a plain synonym of another label in the same map */
    aliases: z.record(z.string(), z.string()).optional(),
    labels: z.record(
      z.string(),
      z.union([Target, z.object({ risk: Target, note: z.string().optional() }).strict()]),
    ),
  })
  .strict();
export type CategoryMapFile = z.infer<typeof CategoryMapFile>;

export interface MapEntry {
  target: string;
  note?: string;
  /** which map file said so */
  mapId: string;
}

/** Maps merged in precedence order (the user's --map first, then the shipped ones). */
export interface CategoryMaps {
  readonly entries: ReadonlyMap<string, MapEntry>;
  readonly ids: readonly string[];
}

/** Labels compare after width folding, case folding and dropping spaces and separators' variants. */
export function normaliseLabel(label: string): string {
  return label
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_]+/g, ' ')
    .replace(/\s*[/／]\s*/g, '/')
    .replace(/[，,、]/g, '、')
    .trim();
}

/** Merges maps; an earlier map wins on a label both define. */
export function mergeMaps(files: readonly CategoryMapFile[]): CategoryMaps {
  const entries = new Map<string, MapEntry>();
  for (const f of files) {
    const add = (label: string, v: CategoryMapFile['labels'][string]) => {
      const key = normaliseLabel(label);
      if (entries.has(key)) return;
      entries.set(
        key,
        typeof v === 'string'
          ? { target: v, mapId: f.id }
          : { target: v.risk, mapId: f.id, ...(v.note ? { note: v.note } : {}) },
      );
    };
    for (const [label, v] of Object.entries(f.labels)) add(label, v);
    for (const [alias, of] of Object.entries(f.aliases ?? {})) {
      // an alias of a parent label renames it inside scoped keys too (JADE's 侵犯权益 typo)
      for (const [label, v] of Object.entries(f.labels)) {
        const n = normaliseLabel(label);
        const o = normaliseLabel(of);
        if (n === o) add(alias, v);
        else if (n.startsWith(`${o}/`)) add(`${alias}/${label.slice(label.indexOf('/') + 1)}`, v);
      }
    }
  }
  return { entries, ids: files.map((f) => f.id) };
}

export interface Resolution {
  /** the risk id (A.x.y) or, for non-refusal items, the aspect id */
  target: string;
  kind: 'risk' | 'aspect';
  /** how it was found: the label itself, the map, which label of the record */
  via: string;
  /** the most specific label was unknown: resolved by a more general one */
  fallback?: boolean;
}

function direct(kb: Kb, label: string): Resolution | undefined {
  const v = label.trim();
  const m = /A\.[1-5]\.[1-9]/.exec(v);
  if (m && kb.risks.some((r) => r.id === m[0])) return { target: m[0], kind: 'risk', via: `id ${m[0]}` };
  const n = normaliseLabel(v);
  const r = kb.risks.find((x) => normaliseLabel(x.title.zh) === n || normaliseLabel(x.title.en) === n);
  if (r) return { target: r.id, kind: 'risk', via: `risk title "${v}"` };
  const a = kb.nonRefusalAspects.find(
    (x) => x.id === v || normaliseLabel(x.title.zh) === n || normaliseLabel(x.title.en) === n,
  );
  if (a) return { target: a.id, kind: 'aspect', via: `aspect "${v}"` };
  return undefined;
}

function fromMap(maps: CategoryMaps, key: string, shown: string): Resolution | undefined {
  const e = maps.entries.get(normaliseLabel(key));
  if (!e) return undefined;
  const aspect = e.target.startsWith('aspect:');
  return {
    target: aspect ? e.target.slice('aspect:'.length) : e.target,
    kind: aspect ? 'aspect' : 'risk',
    via: `map ${e.mapId}: "${shown}"${e.note ? ` (${e.note})` : ''}`,
  };
}

/**
 * Resolves a record's labels, most general first (e.g. [违规类型, 违规子类]): the pair
 * `parent/child` in a map, then the most specific label directly or by map, then the more
 * general ones. Pure; undefined when nothing matches (the row is then rejected, or proposed by
 * suggestMappings).
 */
export function resolveLabels(kb: Kb, maps: CategoryMaps, labels: readonly string[]): Resolution | undefined {
  const ls = labels.map((l) => l.trim()).filter(Boolean);
  for (let i = ls.length - 1; i >= 1; i--) {
    const key = `${ls[i - 1]}/${ls[i]}`;
    const r = fromMap(maps, key, key);
    if (r) return r;
  }
  for (let i = ls.length - 1; i >= 0; i--) {
    const l = ls[i] as string;
    const r = direct(kb, l) ?? fromMap(maps, l, l);
    if (r) return i === ls.length - 1 ? r : { ...r, fallback: true };
  }
  return undefined;
}

/** `parent/child` as the record's label path, for messages and --suggest-map. */
export const labelPath = (labels: readonly string[]): string =>
  labels
    .map((l) => l.trim())
    .filter(Boolean)
    .join('/');
