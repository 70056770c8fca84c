import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { committedProjectSchema } from '../app/project-schema.js';
import { schemaFieldPaths } from './json-schema.js';

type Node = Record<string, unknown> & { properties?: Record<string, Node>; items?: Node };

const schema = committedProjectSchema();
const at = (path: string[]): Node =>
  path.reduce<Node>((n, k) => (k === '[]' ? n.items! : n.properties![k]!), schema as Node);

describe('JSON Schema of beian.yaml', () => {
  it('is in sync with the committed schema/beian.schema.json (run `npm run schema` after changing it)', () => {
    const committed = JSON.parse(
      readFileSync(new URL('../../schema/beian.schema.json', import.meta.url), 'utf8'),
    ) as unknown;
    expect(committed).toEqual(schema);
  });

  it('describes every field in Chinese and English', () => {
    const missing: string[] = [];
    const walk = (node: Node, path: string) => {
      for (const [k, child] of Object.entries(node.properties ?? {})) {
        const p = path ? `${path}.${k}` : k;
        if (typeof child.description !== 'string' || !/[\u4e00-\u9fff]/.test(child.description))
          missing.push(p);
        walk(child, p);
      }
      if (node.items) walk(node.items, `${path}[]`);
      for (const key of ['anyOf', 'oneOf'] as const)
        for (const alt of (node[key] as Node[] | undefined) ?? []) walk(alt, path);
      if (node.additionalProperties && typeof node.additionalProperties === 'object')
        walk(node.additionalProperties as Node, `${path}.*`);
    };
    walk(schema as Node, '');
    expect(missing).toEqual([]);
    expect(schemaFieldPaths(schema).length).toBeGreaterThan(150);
  });

  it('labels enum values and lists the checklist ids with their questions', () => {
    const functions = at(['services', '[]', 'answers', 'functions']);
    expect(functions.items?.enumDescriptions).toContain('调度决策\n\nschedule / decide');
    const perType = at(['pii', 'perType']).propertyNames as { enumDescriptions: string[] };
    expect(perType.enumDescriptions).toContain('居民身份证号\n\nResident ID number');
    const answers = at(['checklist', '[]', 'answers']);
    expect((answers.propertyNames as { enum: string[] }).enum).toContain('transparency.notice');
    expect(answers.properties?.['transparency.notice']?.description).toContain('显著方式告知用户');
    const types = at(['services', '[]', 'algorithms', '[]', 'types']);
    expect(types.items?.enumDescriptions).toContain('调度决策类\n\nScheduling and decision-making');
  });

  it('gives examples from the shipped example projects', () => {
    expect(at(['organisation', 'uscc']).examples).toEqual(['91110108MA01ABCD2H']);
  });
});
