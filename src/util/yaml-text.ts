import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { BeianError, type Issue } from '../errors.js';
import type { MessageKey, MessageParams } from '../i18n/index.js';
import { zodIssues } from './zod-issues.js';

/** Project files and ledgers are hand-written: anything this large is not one. */
export const MAX_YAML_CHARS = 16 << 20;
/** Alias expansions allowed in one document, counted by the yaml library per alias node. */
export const MAX_YAML_ALIASES = 100;

/** A parsed YAML/JSON text that can say on which line a value sits. */
export interface YamlText {
  value: unknown;
  /** 1-based line of the node at `path`, when it exists */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

/** Parses YAML (or JSON, which is YAML); syntax errors become located issues. Pure. */
export function readYamlText(text: string, file: string): YamlText {
  if (text.length > MAX_YAML_CHARS)
    throw new BeianError('INPUT_INVALID', `${file} is not valid YAML/JSON.`, {
      issues: [
        {
          file,
          message: `larger than ${MAX_YAML_CHARS / (1 << 20)} Mi characters: not a project or ledger file`,
        },
      ],
    });
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const issues: Issue[] = doc.errors.map((e) => ({
      file,
      line: e.linePos?.[0]?.line,
      message: e.message.split('\n')[0] ?? e.message,
    }));
    throw new BeianError('INPUT_INVALID', `${file} is not valid YAML/JSON.`, { issues });
  }
  let value: unknown;
  try {
    // aliases expand on conversion: a "billion laughs" document or an alias without its anchor
    // fails here, as bad input
    value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (e) {
    throw new BeianError('INPUT_INVALID', `${file} is not valid YAML/JSON.`, {
      issues: [
        { file, message: (e as Error).message.split('\n')[0] ?? 'cannot be read', key: 'yaml.unreadable' },
      ],
    });
  }
  return {
    value,
    lineOf(path) {
      const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
      const offset = node?.range?.[0];
      return offset === undefined ? undefined : lineCounter.linePos(offset).line;
    },
  };
}

/** "services[2].answers.model" → ['services', 2, 'answers', 'model'] */
export function pathSegments(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g))
    out.push(m[2] !== undefined ? Number(m[2]) : (m[1] ?? ''));
  return out;
}

/**
 * Validates `value` (found at `at` inside the YAML text) against a zod schema; every issue names
 * the file, the field path and the line of the offending node.
 */
export function validateYaml<S extends z.ZodType>(
  schema: S,
  yaml: YamlText,
  file: string,
  /** the headline: literal text, or a catalogue key translated where the error leaves */
  message: string | { key: MessageKey; params: MessageParams },
  at: readonly (string | number)[] = [],
  value: unknown = yaml.value,
): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = zodIssues(result.error, file).map((issue) => {
    const line = yaml.lineOf([...at, ...pathSegments(issue.path ?? '')]);
    return line === undefined ? issue : { ...issue, line };
  });
  if (typeof message === 'string') throw new BeianError('INPUT_INVALID', message, { issues });
  throw BeianError.of('INPUT_INVALID', message.key, message.params, { issues });
}
