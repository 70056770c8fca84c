import { z } from 'zod';
import { BeianError, type Issue, issueOf } from '../errors.js';
import type { MessageKey, MessageParams } from '../i18n/index.js';
import { didYouMean } from './did-you-mean.js';
import { yaml } from './yaml-lib.js';
import { zodIssues } from './zod-issues.js';

/** yaml's syntax error codes with their own catalogue text (`yaml.syntax.<code>`). */
const YAML_CODES = new Set([
  'BAD_INDENT',
  'TAB_AS_INDENT',
  'DUPLICATE_KEY',
  'MISSING_CHAR',
  'MULTILINE_IMPLICIT_KEY',
  'BLOCK_AS_IMPLICIT_KEY',
  'UNEXPECTED_TOKEN',
  'BAD_SCALAR_START',
  'BAD_DQ_ESCAPE',
  'MULTIPLE_DOCS',
  'BLOCK_IN_FLOW',
  'BAD_ALIAS',
]);

/** 1-based line and column of a node in the text. */
export interface Position {
  line: number;
  column: number;
}

/** Project files and ledgers are hand-written: anything this large is not one. */
export const MAX_YAML_CHARS = 16 << 20;
/** Alias expansions allowed in one document, counted by the yaml library per alias node. */
export const MAX_YAML_ALIASES = 100;

/** A parsed YAML/JSON text that can say on which line a value sits. */
export interface YamlText {
  value: unknown;
  /** 1-based line of the node at `path`, when it exists */
  lineOf(path: readonly (string | number)[]): number | undefined;
  /** where the value at `path` starts, when it exists */
  positionOf(path: readonly (string | number)[]): Position | undefined;
  /** where the key `key` of the mapping at `path` is written, when it is */
  keyPositionOf(path: readonly (string | number)[], key: string): Position | undefined;
}

/** Parses YAML (or JSON, which is YAML); syntax errors become located issues. Pure. */
export function readYamlText(text: string, file: string): YamlText {
  if (text.length > MAX_YAML_CHARS)
    throw BeianError.of(
      'INPUT_INVALID',
      'yaml.invalid',
      { file },
      {
        issues: [issueOf({ file }, 'yaml.tooLarge', { limit: `${MAX_YAML_CHARS / (1 << 20)} Mi` })],
      },
    );
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const issues: Issue[] = doc.errors.map((e) => ({
      file,
      line: e.linePos?.[0]?.line,
      column: e.linePos?.[0]?.col,
      message: e.message.split('\n')[0] ?? e.message,
      key: (YAML_CODES.has(e.code) ? `yaml.syntax.${e.code}` : 'yaml.syntax.other') as MessageKey,
    }));
    throw BeianError.of('INPUT_INVALID', 'yaml.invalid', { file }, { issues });
  }
  let value: unknown;
  try {
    // aliases expand on conversion: a "billion laughs" document or an alias without its anchor
    // fails here, as bad input
    value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (e) {
    throw BeianError.of(
      'INPUT_INVALID',
      'yaml.invalid',
      { file },
      {
        issues: [
          { file, message: (e as Error).message.split('\n')[0] ?? 'cannot be read', key: 'yaml.unreadable' },
        ],
      },
    );
  }
  const at = (offset: number | undefined): Position | undefined => {
    if (offset === undefined) return undefined;
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const positionOf = (path: readonly (string | number)[]) =>
    at((doc.getIn(path, true) as { range?: [number, number, number] } | undefined)?.range?.[0]);
  return {
    value,
    lineOf: (path) => positionOf(path)?.line,
    positionOf,
    keyPositionOf(path, key) {
      const map = path.length === 0 ? doc.contents : doc.getIn(path, true);
      const { isMap, isScalar } = yaml();
      if (!isMap(map)) return undefined;
      const pair = map.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === key);
      return isScalar(pair?.key) ? at(pair.key.range?.[0]) : undefined;
    },
  };
}

type JsonNode = {
  properties?: Record<string, JsonNode>;
  items?: JsonNode;
  additionalProperties?: JsonNode | boolean;
  anyOf?: JsonNode[];
  oneOf?: JsonNode[];
  allOf?: JsonNode[];
};

/** The keys the schema allows at `path` (through arrays, records and unions). */
function allowedKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let nodes: JsonNode[];
  try {
    nodes = [z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonNode];
  } catch {
    return [];
  }
  const expand = (ns: JsonNode[]): JsonNode[] =>
    ns.flatMap((n) => [n, ...expand([...(n.anyOf ?? []), ...(n.oneOf ?? []), ...(n.allOf ?? [])])]);
  for (const seg of path) {
    nodes = expand(nodes).flatMap((n): JsonNode[] => {
      if (typeof seg === 'number') return n.items ? [n.items] : [];
      const prop = n.properties?.[String(seg)];
      if (prop) return [prop];
      return typeof n.additionalProperties === 'object' ? [n.additionalProperties] : [];
    });
  }
  return [...new Set(expand(nodes).flatMap((n) => Object.keys(n.properties ?? {})))];
}

/** `services[0].answers` from path segments. */
function dotted(path: readonly PropertyKey[]): string {
  return path
    .map((p, n) => (typeof p === 'number' ? `[${p}]` : `${n === 0 ? '' : '.'}${String(p)}`))
    .join('');
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
  /** the headline: a catalogue key, translated where the error leaves */
  message: { key: MessageKey; params: MessageParams },
  at: readonly (string | number)[] = [],
  value: unknown = yaml.value,
): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues: Issue[] = [];
  const raw = result.error.issues;
  zodIssues(result.error, file).forEach((issue, n) => {
    const zi = raw[n];
    if (zi?.code === 'unrecognized_keys') {
      // One issue per key, located at the key itself (not at the object that holds it).
      const parent = zi.path as PropertyKey[];
      const allowed = allowedKeys(schema, parent);
      for (const key of zi.keys) {
        const pos = yaml.keyPositionOf([...at, ...(parent as (string | number)[])], key);
        const suggestion = didYouMean(key, allowed);
        issues.push({
          file,
          ...(pos ? { line: pos.line, column: pos.column } : {}),
          path: dotted([...parent, key]),
          ...(suggestion
            ? {
                message: `unknown key "${key}"; did you mean "${suggestion}"?`,
                key: 'zod.unknown_key_suggest' as const,
                params: { key, suggestion },
              }
            : { message: `unknown key "${key}"`, key: 'zod.unknown_key' as const, params: { key } }),
        });
      }
      return;
    }
    const pos = yaml.positionOf([...at, ...pathSegments(issue.path ?? '')]);
    issues.push(pos ? { ...issue, line: pos.line, column: pos.column } : issue);
  });
  throw BeianError.of('INPUT_INVALID', message.key, message.params, { issues });
}
