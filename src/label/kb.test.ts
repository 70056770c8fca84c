import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { codecs } from './formats/index.js';
import { LabellingKb } from './kb.js';

const kb = LabellingKb.parse(
  parse(readFileSync(new URL('../../data/kb/labelling.yaml', import.meta.url), 'utf8')),
);
const regulations = parse(
  readFileSync(new URL('../../data/kb/regulations.yaml', import.meta.url), 'utf8'),
) as {
  regulations: Array<{ id: string }>;
};

describe('data/kb/labelling.yaml', () => {
  it('has a placement for every codec, with citations', () => {
    for (const c of Object.values(codecs)) expect(kb.placements.map((p) => p.id)).toContain(c.placement);
  });
  it('cites only known regulations or its own guides', () => {
    const known = new Set([...regulations.regulations.map((r) => r.id), ...kb.guides.map((g) => g.id)]);
    const cited = [
      ...kb.value.citations,
      ...kb.placements.flatMap((p) => p.citations),
      ...Object.values(kb.explicit).flatMap((e) => e.citations),
    ].map((c) => c.source);
    for (const source of cited) expect(known, source).toContain(source);
  });
});
