import { describe, expect, it } from 'vitest';

describe('library entry (dist/index.js, as consumers import it)', () => {
  it('evaluates a service through the public API', async () => {
    const beian = await import('../../dist/index.js');
    const kb = beian.kb.loadKb();
    const rules = beian.assess.loadRules();
    const d = beian.assess.evaluate([{ id: 'a', name: 'a', answers: { publicMainland: false } }], rules, kb);
    expect(d.services[0]?.filings.every((f: { status: string }) => f.status !== 'required')).toBe(true);
  });
});
