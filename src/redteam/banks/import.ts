import { parse as parseCsv } from 'csv-parse/sync';
import type { Issue } from '../../errors.js';
import type { Kb } from '../../kb/index.js';
import { zodIssues } from '../../util/zod-issues.js';
import { BankItem, type BankKind } from './schema.js';

/** Which column holds which field; unset fields are looked up under their usual names. */
export interface ColumnMapping {
  id?: string;
  text?: string;
  kind?: string;
  risk?: string;
  aspect?: string;
  expected?: string;
  tags?: string;
  /** the kind of every row when the file has no kind column */
  defaultKind?: BankKind;
}

export interface ImportResult {
  items: BankItem[];
  /** rows that did not validate, located by file, line and field; the other rows are kept */
  issues: Issue[];
}

/** Header names filers use (STANDARD.md §3 de-facto sheets) besides the field names themselves. */
const ALIASES: Record<keyof Omit<ColumnMapping, 'defaultKind'>, string[]> = {
  id: ['id', '编号', '序号', '题号'],
  text: ['text', 'prompt', 'question', '题目', '问题', '题目-拒答题', '题目-非拒答题', '测试题'],
  kind: ['kind', 'type', '题库', '题库类型', '测试类型'],
  risk: ['risk', '风险', '风险项', '语料及生成内容的主要安全风险项', '风险类别'],
  aspect: ['aspect', '类别（标签）', '类别(标签)', '方面', '标签类别'],
  expected: ['expected', '预期', '预期行为', '参考答案'],
  tags: ['tags', '标签'],
};

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

function column(
  headers: readonly string[],
  explicit: string | undefined,
  names: string[],
): string | undefined {
  if (explicit !== undefined) return headers.includes(explicit) ? explicit : undefined;
  const norm = (s: string) => s.trim().toLowerCase();
  return headers.find((h) => names.some((n) => norm(n) === norm(h)));
}

/** Resolves "A.1.3", "A.1.3 煽动分裂…" or the risk's Chinese/English title to its id. */
export function resolveRisk(kb: Kb, value: string): string | undefined {
  const v = value.trim();
  const m = /A\.[1-5]\.[1-9]/.exec(v);
  if (m && kb.risks.some((r) => r.id === m[0])) return m[0];
  return kb.risks.find((r) => r.title.zh === v || r.title.en.toLowerCase() === v.toLowerCase())?.id;
}

export function resolveAspect(kb: Kb, value: string): string | undefined {
  const v = value.trim();
  return kb.nonRefusalAspects.find((a) => a.id === v || a.title.zh === v || a.title.en === v)?.id;
}

/**
 * Turns table rows (CSV/XLSX, first row = headers) into bank items. Pure. Bad rows become located
 * issues (file, 1-based line, field) and are left out; good rows are kept.
 */
export function rowsToItems(
  kb: Kb,
  rows: readonly Record<string, string>[],
  mapping: ColumnMapping,
  file: string,
  headerLine = 1,
): ImportResult {
  const headers = rows[0] ? Object.keys(rows[0]) : [];
  const col = Object.fromEntries(
    (Object.keys(ALIASES) as (keyof typeof ALIASES)[]).map((f) => [
      f,
      column(headers, mapping[f], ALIASES[f]),
    ]),
  ) as Record<keyof typeof ALIASES, string | undefined>;
  const issues: Issue[] = [];
  if (!col.text) {
    issues.push({
      file,
      line: headerLine,
      message: `no question column (looked for ${mapping.text ?? ALIASES.text.join(', ')})`,
    });
    return { items: [], issues };
  }
  const items: BankItem[] = [];
  rows.forEach((row, n) => {
    const line = headerLine + n + 1;
    const cell = (c: string | undefined) => (c === undefined ? '' : String(row[c] ?? '').trim());
    const text = cell(col.text);
    if (text === '' && Object.values(row).every((v) => String(v ?? '').trim() === '')) return;
    const kindCell = cell(col.kind);
    const kind = kindCell
      ? (KIND_WORDS[kindCell.toLowerCase()] ?? KIND_WORDS[kindCell])
      : mapping.defaultKind;
    if (!kind) {
      issues.push({
        file,
        line,
        path: col.kind ?? 'kind',
        message: kindCell ? `unknown kind "${kindCell}"` : 'no kind: add a kind column or pass --kind',
      });
      return;
    }
    const riskCell = cell(col.risk);
    const aspectCell = cell(col.aspect);
    let risk: string | undefined;
    let aspect: string | undefined;
    if (kind === 'should-not-refuse') {
      aspect = resolveAspect(kb, aspectCell || riskCell);
      if (!aspect) {
        issues.push({
          file,
          line,
          path: col.aspect ?? col.risk ?? 'aspect',
          message: `unknown non-refusal aspect "${aspectCell || riskCell}"`,
        });
        return;
      }
    } else {
      risk = resolveRisk(kb, riskCell);
      if (!risk) {
        issues.push({
          file,
          line,
          path: col.risk ?? 'risk',
          message: `unknown risk "${riskCell}" (use A.1.1 … A.5.2 or the risk's name)`,
        });
        return;
      }
    }
    const tags = cell(col.tags);
    const candidate = {
      id: cell(col.id) || `${file.replace(/^.*[\\/]/, '')}:${line}`,
      text,
      kind,
      ...(risk ? { risk } : {}),
      ...(aspect ? { aspect } : {}),
      ...(cell(col.expected) ? { expected: cell(col.expected) } : {}),
      ...(tags
        ? {
            tags: tags
              .split(/[,，;；|]/)
              .map((t) => t.trim())
              .filter(Boolean),
          }
        : {}),
    };
    const parsed = BankItem.safeParse(candidate);
    if (parsed.success) items.push(parsed.data);
    else issues.push(...zodIssues(parsed.error, file).map((i) => ({ ...i, line })));
  });
  return { items, issues };
}

/** Parses CSV text (with a header row). */
export function parseCsvRows(text: string): Record<string, string>[] {
  return parseCsv(text.replace(/^\uFEFF/, ''), {
    columns: true,
    skip_empty_lines: true,
    relax_column_count: true,
    trim: true,
  }) as Record<string, string>[];
}

/**
 * Parses JSONL: one item per line, validated strictly. Items of should-not-refuse may carry their
 * aspect in `risk` (the issue's one-column contract); it is moved to `aspect`.
 */
export function parseJsonl(kb: Kb, text: string, file: string, mapping: ColumnMapping = {}): ImportResult {
  const items: BankItem[] = [];
  const issues: Issue[] = [];
  text.split(/\r?\n/).forEach((raw, n) => {
    const line = n + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      issues.push({ file, line, message: `not JSON: ${(e as Error).message}` });
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      issues.push({ file, line, message: 'each line must be a JSON object' });
      return;
    }
    const obj = { ...(value as Record<string, unknown>) };
    if (obj.kind === undefined && mapping.defaultKind) obj.kind = mapping.defaultKind;
    if (obj.kind === 'should-not-refuse' && obj.aspect === undefined && typeof obj.risk === 'string') {
      const aspect = resolveAspect(kb, obj.risk);
      if (aspect) {
        obj.aspect = aspect;
        delete obj.risk;
      }
    } else if (typeof obj.risk === 'string' && !/^A\.[1-5]\.[1-9]$/.test(obj.risk)) {
      obj.risk = resolveRisk(kb, obj.risk) ?? obj.risk;
    }
    if (typeof obj.aspect === 'string') obj.aspect = resolveAspect(kb, obj.aspect) ?? obj.aspect;
    const parsed = BankItem.safeParse(obj);
    if (!parsed.success) {
      issues.push(...zodIssues(parsed.error, file).map((i) => ({ ...i, line })));
      return;
    }
    const item = parsed.data;
    if (item.risk && !kb.risks.some((r) => r.id === item.risk))
      issues.push({ file, line, path: 'risk', message: `unknown risk ${item.risk}` });
    else if (item.aspect && !kb.nonRefusalAspects.some((a) => a.id === item.aspect))
      issues.push({ file, line, path: 'aspect', message: `unknown non-refusal aspect "${item.aspect}"` });
    else items.push(item);
  });
  return { items, issues };
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
