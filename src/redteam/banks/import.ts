import { createRequire } from 'node:module';
import { type Issue, issueOf } from '../../errors.js';
import type { MessageKey, MessageParams } from '../../i18n/index.js';
import type { Kb } from '../../kb/index.js';
import { appendAll } from '../../util/array.js';
import { zodIssues } from '../../util/zod-issues.js';
import { type CategoryMaps, labelPath, mergeMaps, resolveLabels } from './category-map.js';
import { detectLayout, type Layout, layoutById } from './layouts.js';
import { BankItem, type BankKind, type ChatTurn } from './schema.js';

/** Which column (CSV/XLSX header, or JSON field, dotted for nested ones) holds which field. */
export interface ColumnMapping {
  id?: string;
  text?: string;
  kind?: string;
  risk?: string;
  aspect?: string;
  expected?: string;
  tags?: string;
  history?: string;
  /** the kind of every row when the file has no kind column (beats the layout's own) */
  defaultKind?: BankKind;
  /** force a benchmark layout instead of detecting it */
  layout?: string;
}

/** A label path no map resolved, with how many rows carry it (for --suggest-map). */
export interface UnknownLabel {
  labels: string[];
  rows: number;
  /** what the rows were filed under meanwhile (their parent label's risk), if anything */
  fallback?: string;
}

export interface ImportResult {
  items: BankItem[];
  /** one issue per rejected row (file, line, field), plus file-level problems */
  issues: Issue[];
  /** rows kept with a caveat (a label known only by its parent): shown, not failing */
  notes: Issue[];
  /** rows read (blank rows not counted), imported, rejected */
  rows: { read: number; imported: number; rejected: number };
  /** layout detected per file */
  layouts: Record<string, string>;
  unknownLabels: Map<string, UnknownLabel>;
}

export const emptyResult = (): ImportResult => ({
  items: [],
  issues: [],
  notes: [],
  rows: { read: 0, imported: 0, rejected: 0 },
  layouts: {},
  unknownLabels: new Map(),
});

/** Appends b into a (counts added, unknown labels merged). */
export function mergeResults(a: ImportResult, b: ImportResult): ImportResult {
  appendAll(a.items, b.items);
  appendAll(a.issues, b.issues);
  appendAll(a.notes, b.notes);
  a.rows.read += b.rows.read;
  a.rows.imported += b.rows.imported;
  a.rows.rejected += b.rows.rejected;
  Object.assign(a.layouts, b.layouts);
  for (const [k, v] of b.unknownLabels) {
    const prev = a.unknownLabels.get(k);
    if (prev) prev.rows += v.rows;
    else a.unknownLabels.set(k, { ...v });
  }
  return a;
}

/** Header names filers use (STANDARD.md §3 de-facto sheets) besides the field names themselves. */
const ALIASES = {
  id: ['id', '编号', '序号', '题号'],
  text: [
    'text',
    'prompt',
    'question',
    '题目',
    '问题',
    '题目-拒答题',
    '题目-非拒答题',
    '测试题',
    'input',
    'query',
  ],
  kind: ['kind', 'type', '题库', '题库类型', '测试类型'],
  risk: ['risk', '风险', '风险项', '语料及生成内容的主要安全风险项', '风险类别', 'category', 'risk_type'],
  aspect: ['aspect', '类别（标签）', '类别(标签)', '方面', '标签类别'],
  expected: ['expected', '预期', '预期行为', '参考答案'],
  tags: ['tags', '标签'],
  history: ['history', 'messages', 'dialog', 'conversation'],
} as const;
type Field = keyof typeof ALIASES;

const KIND_WORDS: Record<string, BankKind> = {
  generation: 'generation',
  生成: 'generation',
  生成内容: 'generation',
  生成内容测试: 'generation',
  'should-refuse': 'should-refuse',
  应拒答: 'should-refuse',
  拒答: 'should-refuse',
  拒答题: 'should-refuse',
  'should-not-refuse': 'should-not-refuse',
  非拒答: 'should-not-refuse',
  非拒答题: 'should-not-refuse',
};

const norm = (s: string) => s.trim().toLowerCase();

/** A field's value: an exact key first, else a dotted path into nested objects. */
function get(rec: Record<string, unknown>, key: string): unknown {
  if (key in rec) return rec[key];
  let v: unknown = rec;
  for (const part of key.split('.')) {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

const str = (v: unknown): string =>
  v === undefined || v === null ? '' : typeof v === 'object' ? '' : String(v).trim();

/** Resolves "A.1.3", "A.1.3 煽动分裂…" or the risk's Chinese/English title to its id. */
export function resolveRisk(kb: Kb, value: string, maps: CategoryMaps = mergeMaps([])): string | undefined {
  const r = resolveLabels(kb, maps, [value]);
  return r?.kind === 'risk' ? r.target : undefined;
}

export function resolveAspect(kb: Kb, value: string): string | undefined {
  const v = value.trim();
  return kb.nonRefusalAspects.find((a) => a.id === v || a.title.zh === v || a.title.en === v)?.id;
}

/**
 * A row the item schema rejects: its first zod issue keeps its catalogue key (so Chinese mode shows
 * Chinese), the paths of all of them are named.
 */
function invalidItemIssue(file: string, line: number, zi: readonly Issue[]): Issue {
  const first = zi[0];
  const path = zi.map((i) => i.path).join(', ');
  if (first?.key)
    return {
      file,
      line,
      ...(path ? { path } : {}),
      message: first.message,
      key: first.key,
      ...(first.params ? { params: first.params } : {}),
    };
  return issueOf({ file, line, ...(path ? { path } : {}) }, 'redteam.import.invalidItem', {
    detail: zi.map((i) => i.message).join('; '),
  });
}

/** A dialog history: [{role, content}] (system/user/assistant), or plain strings taken as user turns. */
function parseHistory(v: unknown): {
  history?: ChatTurn[];
  turns?: string[];
  error?: { key: MessageKey; params?: MessageParams };
} {
  if (v === undefined || v === null || v === '') return {};
  let value = v;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return { error: { key: 'redteam.import.historyNotJson' } };
    }
  }
  if (!Array.isArray(value)) return { error: { key: 'redteam.import.historyNotList' } };
  if (value.every((x) => typeof x === 'string')) {
    const turns = (value as string[]).map((s) => s.trim()).filter(Boolean);
    return turns.length ? { turns } : {};
  }
  const out: ChatTurn[] = [];
  for (const [n, m] of value.entries()) {
    const o = m as Record<string, unknown> | null;
    const role = typeof o?.role === 'string' ? o.role.toLowerCase() : undefined;
    const content = o?.content;
    const r = role === 'human' ? 'user' : role === 'bot' || role === 'gpt' ? 'assistant' : role;
    if ((r !== 'system' && r !== 'user' && r !== 'assistant') || typeof content !== 'string')
      return { error: { key: 'redteam.import.historyTurn', params: { n } } };
    out.push({ role: r, content });
  }
  return out.length ? { history: out } : {};
}

/** One record of a table or JSON file, with where it was found. */
export interface SourceRecord {
  rec: Record<string, unknown>;
  /** 1-based line (CSV/JSONL) or item number (JSON) */
  line: number;
}

export interface RecordOptions {
  mapping: ColumnMapping;
  maps: CategoryMaps;
  file: string;
  /** the name ids are namespaced with (the file's stem) */
  namespace: string;
}

/**
 * Turns records (CSV/XLSX rows, JSON objects) into bank items. Pure. The layout is detected
 * from the field names (or forced with mapping.layout); --col-* beat the layout, which beats
 * the aliases. Labels go through the category maps. Every rejected row is one located issue.
 */
export function recordsToItems(kb: Kb, records: readonly SourceRecord[], opts: RecordOptions): ImportResult {
  const { mapping, maps, file } = opts;
  const out = emptyResult();
  const fields = new Set<string>();
  for (const r of records.slice(0, 50)) for (const k of Object.keys(r.rec)) fields.add(k);
  const layout: Layout | undefined = mapping.layout ? layoutById(mapping.layout) : detectLayout([...fields]);
  out.layouts[file] = layout?.id ?? 'native';
  if (records.length === 0) return out;
  const find = (f: Field, layoutFields: readonly string[] = []): string | undefined => {
    const explicit = mapping[f];
    if (explicit !== undefined) return explicit;
    for (const lf of layoutFields) if (fields.has(lf)) return lf;
    return [...fields].find((h) => ALIASES[f].some((n) => norm(n) === norm(h)));
  };
  const col = {
    id: find('id', layout?.idFields),
    text: find('text', layout?.textFields),
    kind: mapping.kind ?? (layout ? undefined : find('kind')),
    expected: find('expected'),
    tags: find('tags'),
    history: find('history', layout?.history ? [layout.history] : []),
    aspect: mapping.aspect ?? (layout ? undefined : find('aspect')),
  };
  // labels, most general first: --col-risk names one; a layout names its own; else the aliases
  const labelCols: string[] = mapping.risk
    ? [mapping.risk]
    : layout
      ? layout.labelFields.filter((f) => fields.has(f))
      : [find('risk')].filter((c): c is string => c !== undefined);
  const missingExplicit = (['id', 'text', 'kind', 'risk', 'aspect', 'history'] as const).filter(
    (f) =>
      mapping[f] !== undefined &&
      records.length > 0 &&
      !records.some((r) => get(r.rec, mapping[f]!) !== undefined),
  );
  if (!col.text || missingExplicit.includes('text')) {
    out.issues.push(
      issueOf({ file, line: 1 }, 'redteam.import.noQuestionColumn', {
        looked: mapping.text ?? ALIASES.text.join(', '),
        found: [...fields].join(', ') || '—',
        n: records.length,
      }),
    );
    out.rows.read = records.length;
    out.rows.rejected = records.length;
    return out;
  }
  for (const f of missingExplicit)
    out.issues.push(
      issueOf({ file, line: 1, path: mapping[f] }, 'redteam.import.noField', {
        field: mapping[f] as string,
        flag: `--col-${f}`,
      }),
    );
  const ids = new Map<string, number>();
  const reject = (line: number, path: string | undefined, key: MessageKey, params?: MessageParams) => {
    out.rows.rejected += 1;
    out.issues.push(issueOf({ file, line, ...(path ? { path } : {}) }, key, params));
  };
  // one issue per rejected row: the schema's first complaint, in the catalogues like the rest
  const rejectInvalid = (line: number, zi: readonly Issue[]) => {
    out.rows.rejected += 1;
    out.issues.push(invalidItemIssue(file, line, zi));
  };

  for (const { rec, line } of records) {
    const values = Object.values(rec);
    if (values.every((v) => str(v) === '' && typeof v !== 'object')) continue;
    out.rows.read += 1;
    const text = str(get(rec, col.text));
    if (text === '') {
      reject(line, col.text, 'redteam.import.emptyQuestion');
      continue;
    }
    const kindCell = col.kind ? str(get(rec, col.kind)) : '';
    const kind = kindCell
      ? (KIND_WORDS[kindCell.toLowerCase()] ?? KIND_WORDS[kindCell])
      : (mapping.defaultKind ?? layout?.kind);
    if (!kind) {
      reject(
        line,
        col.kind ?? 'kind',
        kindCell ? 'redteam.import.unknownKind' : 'redteam.import.noKind',
        kindCell ? { kind: kindCell } : undefined,
      );
      continue;
    }
    const labels = labelCols.map((c) => str(get(rec, c)));
    const aspectCell = col.aspect ? str(get(rec, col.aspect)) : '';
    let risk: string | undefined;
    let aspect: string | undefined;
    if (kind === 'should-not-refuse') {
      const r = aspectCell ? resolveLabels(kb, maps, [aspectCell]) : resolveLabels(kb, maps, labels);
      if (r?.kind === 'aspect') aspect = r.target;
      else {
        reject(line, col.aspect ?? labelCols.at(-1) ?? 'aspect', 'redteam.import.unknownAspect', {
          aspect: aspectCell || labelPath(labels),
        });
        continue;
      }
    } else {
      const r = resolveLabels(kb, maps, labels);
      if (r?.kind === 'risk') {
        risk = r.target;
        if (r.fallback) {
          const path = labelPath(labels);
          const u = out.unknownLabels.get(path);
          if (u) u.rows += 1;
          else {
            out.unknownLabels.set(path, { labels: labels.filter(Boolean), rows: 1, fallback: r.target });
            out.notes.push(
              issueOf({ file, line, path: labelCols.join('/') }, 'redteam.import.labelFallback', {
                label: path,
                target: r.target,
                via: r.via,
              }),
            );
          }
        }
      } else {
        const path = labelPath(labels);
        const u = out.unknownLabels.get(path);
        if (u) u.rows += 1;
        else out.unknownLabels.set(path, { labels: labels.filter(Boolean), rows: 1 });
        reject(
          line,
          labelCols.join('/') || 'risk',
          path ? 'redteam.import.unknownRisk' : 'redteam.import.noRisk',
          path ? { risk: path } : undefined,
        );
        continue;
      }
    }
    const h = col.history ? parseHistory(get(rec, col.history)) : {};
    if (h.error) {
      reject(line, col.history, h.error.key, h.error.params);
      continue;
    }
    const rawId = col.id ? str(get(rec, col.id)) : '';
    let id = layout?.namespaced ? `${opts.namespace}:${rawId || line}` : rawId || `${opts.namespace}:${line}`;
    // a benchmark that repeats an id inside one file keeps both rows, told apart by line
    const seen = ids.get(id);
    if (seen !== undefined && layout?.namespaced) id = `${id}@${line}`;
    ids.set(id, line);
    const tags = col.tags ? str(get(rec, col.tags)) : '';
    const expected = col.expected ? str(get(rec, col.expected)) : '';
    const candidate = {
      id,
      text,
      kind,
      ...(risk ? { risk } : {}),
      ...(aspect ? { aspect } : {}),
      ...(expected ? { expected } : {}),
      ...(tags
        ? {
            tags: tags
              .split(/[,，;；|]/)
              .map((t) => t.trim())
              .filter(Boolean),
          }
        : {}),
      ...(h.history ? { history: h.history } : {}),
      ...(h.turns ? { turns: h.turns } : {}),
      ...(layout && labelPath(labels) ? { source: `${layout.id}:${labelPath(labels)}` } : {}),
    };
    const parsed = BankItem.safeParse(candidate);
    if (parsed.success) {
      out.items.push(parsed.data);
      out.rows.imported += 1;
    } else {
      const first = zodIssues(parsed.error, file);
      rejectInvalid(line, first);
    }
  }
  return out;
}

/**
 * csv-parse is loaded on the first CSV bank only (Node's require cache keeps it): JSONL/JSON banks,
 * the usual case, never load it. Its CommonJS build is one file, the ES build ten modules.
 */
const requireCjs = createRequire(import.meta.url);

/** Parses CSV text (with a header row) into records with their 1-based line numbers. */
export function parseCsvRecords(text: string): SourceRecord[] {
  const { parse: parseCsv } = requireCjs('csv-parse/sync') as typeof import('csv-parse/sync');
  const rows = parseCsv(text.replace(/^\uFEFF/, ''), {
    columns: (header: string[]) => header.map((h) => h.trim()),
    skip_empty_lines: true,
    relax_column_count: true,
    trim: true,
    info: true,
  }) as { record: Record<string, string>; info: { lines: number } }[];
  return rows.map((r) => ({ rec: r.record, line: r.info.lines }));
}

/** Parses CSV text (with a header row). */
export const parseCsvRows = (text: string): Record<string, string>[] =>
  parseCsvRecords(text).map((r) => r.rec as Record<string, string>);

/** Table rows (first row = headers) as records numbered from the header line. */
export function rowsToItems(
  kb: Kb,
  rows: readonly Record<string, string>[],
  mapping: ColumnMapping,
  file: string,
  opts: { maps?: CategoryMaps; headerLine?: number; namespace?: string } = {},
): ImportResult {
  const headerLine = opts.headerLine ?? 1;
  return recordsToItems(
    kb,
    rows.map((rec, n) => ({ rec, line: headerLine + n + 1 })),
    {
      mapping,
      maps: opts.maps ?? mergeMaps([]),
      file,
      namespace: opts.namespace ?? file.replace(/^.*[\\/]/, ''),
    },
  );
}

/** Our own item schema, one object a line: validated strictly so variants and turns survive. */
function nativeJsonl(
  kb: Kb,
  records: readonly SourceRecord[],
  file: string,
  mapping: ColumnMapping,
  maps: CategoryMaps,
) {
  const out = emptyResult();
  out.layouts[file] = 'native';
  for (const { rec, line } of records) {
    out.rows.read += 1;
    const obj = { ...rec };
    if (obj.kind === undefined && mapping.defaultKind) obj.kind = mapping.defaultKind;
    if (obj.kind === 'should-not-refuse' && obj.aspect === undefined && typeof obj.risk === 'string') {
      const aspect = resolveAspect(kb, obj.risk);
      if (aspect) {
        obj.aspect = aspect;
        delete obj.risk;
      }
    } else if (typeof obj.risk === 'string' && !/^A\.[1-5]\.[1-9]$/.test(obj.risk)) {
      obj.risk = resolveRisk(kb, obj.risk, maps) ?? obj.risk;
    }
    if (typeof obj.aspect === 'string') obj.aspect = resolveAspect(kb, obj.aspect) ?? obj.aspect;
    const parsed = BankItem.safeParse(obj);
    const fail = (path: string, key: MessageKey, params: MessageParams) => {
      out.rows.rejected += 1;
      out.issues.push(issueOf({ file, line, path }, key, params));
    };
    if (!parsed.success) {
      out.rows.rejected += 1;
      out.issues.push(invalidItemIssue(file, line, zodIssues(parsed.error, file)));
      continue;
    }
    const item = parsed.data;
    if (item.risk && !kb.risks.some((r) => r.id === item.risk))
      fail('risk', 'redteam.import.unknownRisk', { risk: item.risk });
    else if (item.aspect && !kb.nonRefusalAspects.some((a) => a.id === item.aspect))
      fail('aspect', 'redteam.import.unknownAspect', { aspect: item.aspect });
    else {
      out.items.push(item);
      out.rows.imported += 1;
    }
  }
  return out;
}

const NATIVE_KEYS = new Set([
  'id',
  'text',
  'kind',
  'risk',
  'aspect',
  'expected',
  'tags',
  'parentId',
  'variant',
  'turns',
  'history',
  'source',
]);
const hasColumnFlags = (m: ColumnMapping) =>
  (['id', 'text', 'kind', 'risk', 'aspect', 'history'] as const).some((f) => m[f] !== undefined) ||
  m.layout !== undefined;

/**
 * JSON records (JSONL lines, a JSON array, or an object of arrays keyed by scenario as
 * Safety-Prompts ships): our own schema when every field is ours and no --col-* is given,
 * else the layout/column path.
 */
export function jsonRecordsToItems(
  kb: Kb,
  records: readonly SourceRecord[],
  issues: readonly Issue[],
  opts: RecordOptions,
): ImportResult {
  const native =
    !hasColumnFlags(opts.mapping) &&
    records.length > 0 &&
    records.every((r) => Object.keys(r.rec).every((k) => NATIVE_KEYS.has(k)) && 'text' in r.rec);
  const r = native
    ? nativeJsonl(kb, records, opts.file, opts.mapping, opts.maps)
    : recordsToItems(kb, records, opts);
  r.issues.unshift(...issues);
  r.rows.read += issues.length;
  r.rows.rejected += issues.length;
  return r;
}

/** Splits JSONL text into records; unparsable lines are issues (one per line). */
export function parseJsonlRecords(text: string, file: string): { records: SourceRecord[]; issues: Issue[] } {
  const records: SourceRecord[] = [];
  const issues: Issue[] = [];
  text.split(/\r?\n/).forEach((raw, n) => {
    const line = n + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      issues.push(issueOf({ file, line }, 'redteam.import.notJson', { detail: (e as Error).message }));
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      issues.push(issueOf({ file, line }, 'redteam.import.lineNotObject'));
      return;
    }
    records.push({ rec: value as Record<string, unknown>, line });
  });
  return { records, issues };
}

/**
 * A whole-file JSON document: an array of objects, or an object whose values are arrays of
 * objects (the key becomes the record's `type` when it has none). Item numbers stand for lines.
 */
export function jsonDocumentRecords(
  value: unknown,
  file: string,
): { records: SourceRecord[]; issues: Issue[] } {
  const records: SourceRecord[] = [];
  const issues: Issue[] = [];
  const take = (arr: unknown[], group?: string) => {
    for (const v of arr) {
      const line = records.length + issues.length + 1;
      if (typeof v !== 'object' || v === null || Array.isArray(v)) {
        issues.push(
          issueOf(
            { file, line, ...(group === undefined ? {} : { path: group }) },
            'redteam.import.itemNotObject',
          ),
        );
        continue;
      }
      const rec = v as Record<string, unknown>;
      records.push({
        rec: group !== undefined && rec.type === undefined ? { ...rec, type: group } : rec,
        line,
      });
    }
  };
  if (Array.isArray(value)) take(value);
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (Array.isArray(v)) take(v, k);
      else issues.push(issueOf({ file, path: k }, 'redteam.import.expectedList'));
    }
  } else issues.push(issueOf({ file }, 'redteam.import.jsonShape'));
  return { records, issues };
}

/** Parses JSONL text with our schema or a benchmark layout (kept for callers of the old API). */
export function parseJsonl(
  kb: Kb,
  text: string,
  file: string,
  mapping: ColumnMapping = {},
  maps: CategoryMaps = mergeMaps([]),
): ImportResult {
  const { records, issues } = parseJsonlRecords(text, file);
  return jsonRecordsToItems(kb, records, issues, {
    mapping,
    maps,
    file,
    namespace: file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, ''),
  });
}

/** Duplicate ids across banks would make results ambiguous: report every repeat. */
export function duplicateIds(items: readonly BankItem[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const i of items) {
    if (seen.has(i.id)) dup.add(i.id);
    seen.add(i.id);
  }
  return [...dup];
}

export const toJsonl = (items: readonly BankItem[]): string =>
  items.map((i) => JSON.stringify(i)).join('\n') + (items.length ? '\n' : '');
