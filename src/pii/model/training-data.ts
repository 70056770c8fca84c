import { messageOf } from '../../errors.js';
import type { MessageKey, MessageParams } from '../../i18n/index.js';
import type { ModelType, TrainingSentence } from './perceptron.js';

/** Where a training line is wrong (file and line are added by the caller). */
export interface TrainingIssue {
  line: number;
  /** English text; the CLI shows `key` translated */
  reason: string;
  key?: MessageKey;
  params?: MessageParams;
}

type TrainingProblem =
  | 'malformed.train.spanOutside'
  | 'malformed.train.labelOutside'
  | 'malformed.train.noLabels';

function issueAt(line: number, key: MessageKey): TrainingIssue {
  const { message, ...ref } = messageOf(key);
  return { line, reason: message, ...ref };
}

const CLUENER_TYPES: Record<string, ModelType> = { name: 'person-name', address: 'address' };

/**
 * Labelled sentences as JSON lines, in either shape:
 * - `{"text": "...", "spans": [{"type": "person-name"|"address", "start": 0, "end": 3}]}` (end exclusive);
 * - the CLUENER shape `{"text": "...", "label": {"name": {"张三": [[0, 1]]}, "address": {...}}}` (end inclusive).
 * Other label types are ignored. Pure.
 */
export function parseTrainingJsonl(text: string): { sentences: TrainingSentence[]; issues: TrainingIssue[] } {
  const sentences: TrainingSentence[] = [];
  const issues: TrainingIssue[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    const line = i + 1;
    if (!raw.trim()) continue;
    let v: unknown;
    try {
      v = JSON.parse(raw);
    } catch {
      issues.push(issueAt(line, 'malformed.invalidJsonPlain'));
      continue;
    }
    const r = v as { text?: unknown; spans?: unknown; label?: unknown };
    if (typeof r.text !== 'string') {
      issues.push(issueAt(line, 'malformed.train.noText'));
      continue;
    }
    const spans: TrainingSentence['spans'] = [];
    const problem = spansOf(r.text, r.spans, r.label, spans);
    if (problem) issues.push(issueAt(line, problem));
    else sentences.push({ text: r.text, spans });
  }
  return { sentences, issues };
}

/** Fills `spans` from either label shape; returns what is wrong, if anything. */
function spansOf(
  text: string,
  spanList: unknown,
  label: unknown,
  spans: TrainingSentence['spans'],
): TrainingProblem | undefined {
  const r = { text, spans: spanList, label };
  if (Array.isArray(r.spans)) {
    for (const s of r.spans as Array<{ type?: unknown; start?: unknown; end?: unknown }>) {
      if (s.type !== 'person-name' && s.type !== 'address') continue;
      if (
        typeof s.start !== 'number' ||
        typeof s.end !== 'number' ||
        s.start < 0 ||
        s.end > r.text.length ||
        s.start >= s.end
      )
        return 'malformed.train.spanOutside';
      spans.push({ type: s.type, start: s.start, end: s.end });
    }
  } else if (r.label && typeof r.label === 'object') {
    for (const [type, ents] of Object.entries(r.label as Record<string, Record<string, number[][]>>)) {
      const t = CLUENER_TYPES[type];
      if (!t || !ents || typeof ents !== 'object') continue;
      for (const ranges of Object.values(ents))
        for (const [s, e] of Array.isArray(ranges) ? ranges : []) {
          if (typeof s !== 'number' || typeof e !== 'number' || s < 0 || e >= r.text.length || s > e)
            return 'malformed.train.labelOutside';
          spans.push({ type: t, start: s, end: e + 1 });
        }
    }
  } else return 'malformed.train.noLabels';
  return undefined;
}

/** The span type a BIO tag's entity name maps to: PER… → person-name, ADDR…/ADDRESS… → address. */
function bioType(entity: string): ModelType | undefined {
  const e = entity.toUpperCase();
  if (e.startsWith('PER') || e === 'NAME' || e === 'NR') return 'person-name';
  if (e.startsWith('ADDR')) return 'address';
  return undefined;
}

/**
 * Character-per-line BIO/BIOES files (CoNLL style: `字 B-PER`, blank line between sentences; a
 * trailing digit on the character, as in Weibo NER's word-position column, is dropped). Pure.
 */
export function parseTrainingBio(text: string): { sentences: TrainingSentence[]; issues: TrainingIssue[] } {
  const sentences: TrainingSentence[] = [];
  const issues: TrainingIssue[] = [];
  let chars: string[] = [];
  let spans: TrainingSentence['spans'] = [];
  let open: { type: ModelType; start: number } | undefined;
  const close = () => {
    if (open) spans.push({ ...open, end: chars.length });
    open = undefined;
  };
  const flush = () => {
    close();
    if (chars.length) sentences.push({ text: chars.join(''), spans });
    chars = [];
    spans = [];
  };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = (lines[i] as string).trim();
    if (!l) {
      flush();
      continue;
    }
    const parts = l.split(/\s+/);
    if (parts.length < 2) {
      issues.push(issueAt(i + 1, 'malformed.train.bioLine'));
      continue;
    }
    const tok = parts[0] as string;
    const tag = parts[parts.length - 1] as string;
    const ch = tok.length > 1 && /\d$/.test(tok) ? tok.slice(0, -1) : tok;
    const m = /^([BIESM])[-_](.+)$/.exec(tag);
    const type = m ? bioType((m[2] as string).split('.')[0] as string) : undefined;
    const nominal = m?.[2]?.toUpperCase().endsWith('.NOM');
    if (!m || !type || nominal) close();
    else if (m[1] === 'B' || m[1] === 'S' || open?.type !== type) {
      close();
      open = { type, start: chars.length };
    }
    chars.push(ch);
    if (m && type && !nominal && (m[1] === 'E' || m[1] === 'S')) {
      spans.push({ type, start: open?.start ?? chars.length - 1, end: chars.length });
      open = undefined;
    }
  }
  flush();
  return { sentences, issues };
}
