import { parse as parseCsv } from 'csv-parse/sync';
import { BeianError, type Issue, issueOf } from '../errors.js';
import { PII_TYPES } from '../pii/types.js';
import { readYamlText, validateYaml } from '../util/yaml-text.js';
import { zodIssues } from '../util/zod-issues.js';
import { SourcesSection } from './schema.js';

/**
 * Parses a ledger file: YAML/JSON (a list, or an object with `sources:` such as beian.yaml) or CSV
 * with one row per source. Pure: the caller reads the file. Errors name file, line and field.
 */
export function parseLedger(text: string, file: string): SourcesSection {
  return /\.csv$/i.test(file) ? parseLedgerCsv(text, file) : parseLedgerYaml(text, file);
}

function parseLedgerYaml(text: string, file: string): SourcesSection {
  const yaml = readYamlText(text, file);
  const js = yaml.value;
  const nested = js !== null && typeof js === 'object' && !Array.isArray(js);
  const value = nested ? (js as { sources?: unknown }).sources : js;
  if (value === undefined)
    throw BeianError.of(
      'INPUT_INVALID',
      'sources.noList',
      { file },
      {
        issues: [issueOf({ file }, 'sources.issue.noList')],
      },
    );
  return validateYaml(
    SourcesSection,
    yaml,
    file,
    { key: 'sources.invalidLedger', params: { file } },
    nested ? ['sources'] : [],
    value,
  );
}

const BOOL: Record<string, boolean> = {
  true: true,
  yes: true,
  y: true,
  是: true,
  '1': true,
  false: false,
  no: false,
  n: false,
  否: false,
  '0': false,
};

function parseLedgerCsv(text: string, file: string): SourcesSection {
  let rows: Record<string, string>[];
  try {
    rows = parseCsv(text.replace(/^\uFEFF/, ''), {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false,
    });
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw BeianError.of(
      'INPUT_INVALID',
      'sources.badCsv',
      { file },
      {
        issues: [{ file, line, message: (e as Error).message, key: 'sources.issue.csv' }],
      },
    );
  }
  const issues: Issue[] = [];
  const entries = rows.map((row, i) => {
    const line = i + 2;
    const opt = (k: string) => (row[k] === undefined || row[k] === '' ? undefined : row[k]);
    const bool = (k: string) => {
      const v = opt(k);
      if (v === undefined) return undefined;
      const b = BOOL[v.toLowerCase()];
      if (b === undefined)
        issues.push(issueOf({ file, line, path: k }, 'sources.issue.notYesNo', { value: v }));
      return b;
    };
    const num = (k: string) => {
      const v = opt(k);
      if (v === undefined) return undefined;
      const n = Number(v.replace(/%$/, '')) / (v.endsWith('%') ? 100 : 1);
      if (!Number.isFinite(n))
        issues.push(issueOf({ file, line, path: k }, 'sources.issue.notNumber', { value: v }));
      return n;
    };
    const pii: Record<string, number> = {};
    for (const part of (opt('pii') ?? '').split(/[;；]/).filter(Boolean)) {
      const [k, v] = part.split('=').map((x) => x.trim());
      if (!k || !(PII_TYPES as readonly string[]).includes(k) || !Number.isInteger(Number(v)))
        issues.push(issueOf({ file, line, path: 'pii' }, 'sources.issue.notTypeCount', { value: part }));
      else pii[k] = Number(v);
    }
    const records = num('records');
    const illegalRate = num('illegalRate');
    const from = opt('dateFrom');
    const to = opt('dateTo');
    const scanned = illegalRate !== undefined || Object.keys(pii).length > 0 || opt('scanDate');
    return Object.fromEntries(
      Object.entries({
        id: opt('id'),
        name: opt('name'),
        type: opt('type'),
        licence: opt('licence'),
        collection: opt('collection'),
        authorisation: opt('authorisation'),
        robotsTermsBasis: opt('robotsTermsBasis'),
        containsPersonalInfo: bool('containsPersonalInfo'),
        consentBasis: opt('consentBasis'),
        fromAbroad: bool('fromAbroad'),
        securityAssessment: opt('securityAssessment'),
        volume: records === undefined ? undefined : { records },
        dateRange: from && to ? { from, to } : undefined,
        lastScan: scanned
          ? Object.fromEntries(
              Object.entries({
                date: opt('scanDate'),
                illegalRate,
                pii: Object.keys(pii).length ? pii : undefined,
              }).filter(([, v]) => v !== undefined),
            )
          : undefined,
        notes: opt('notes'),
      }).filter(([, v]) => v !== undefined),
    );
  });
  if (issues.length) throw BeianError.of('INPUT_INVALID', 'sources.badCells', { file }, { issues });
  const r = SourcesSection.safeParse(entries);
  if (r.success) return r.data;
  const located = zodIssues(r.error, file).map((issue) => {
    const row = /^\[(\d+)\]\.?(.*)$/.exec(issue.path ?? '');
    return row ? { ...issue, line: Number(row[1]) + 2, path: row[2] ?? '' } : issue;
  });
  throw BeianError.of('INPUT_INVALID', 'sources.invalidLedger', { file }, { issues: located });
}
