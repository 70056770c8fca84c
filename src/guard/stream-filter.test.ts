import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileLexicon } from '../lexicon/index.js';
import { createStreamFilter } from './stream-filter.js';

const matcher = compileLexicon([
  { keyword: '紫色暗号', category: 'A.1.8', severity: 3 },
  { keyword: '蓝莓歧视语', category: 'A.2.5', severity: 2 },
]);
const policy = { default: 'block' as const, risks: { 'A.2': 'mask' as const }, maskChar: '*' };
const event = (c: string) =>
  `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: c }, finish_reason: null }] })}\n\n`;
const END = 'data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n';

/** Splits text into pieces at the given cut points. */
const pieces = (text: string, cuts: number[]): string[] => {
  const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const out: string[] = [];
  let prev = 0;
  for (const c of [...at, text.length]) {
    if (c > prev) out.push(text.slice(prev, c));
    prev = c;
  }
  return out;
};

const run = (parts: string[], wireCuts: number[]) => {
  const f = createStreamFilter({ matcher, policy, kind: 'chat', reply: () => '换个话题吧' });
  const wire = parts.map(event).join('') + END;
  let out = '';
  let blocked = false;
  // The wire itself arrives in arbitrary TCP reads, not aligned with events.
  for (const p of pieces(wire, wireCuts)) {
    const s = f.push(p);
    out += s.out;
    if (s.blocked) {
      blocked = true;
      break;
    }
  }
  if (!blocked) out += f.end().out;
  return { out, wire, blocked };
};

const noise = fc.constantFrom('', ' ', '*', '\u200b', '·');
const clean = fc.string({ unit: fc.constantFrom('你', '好', '世', '界', '，', 'a', ' ', '紫', '色', '暗') });

describe('stream filter', () => {
  it('never releases any character of a blocked keyword, however the stream is split (property)', () => {
    fc.assert(
      fc.property(
        clean,
        clean,
        fc.array(noise, { minLength: 3, maxLength: 3 }),
        fc.array(fc.nat(400)),
        fc.array(fc.nat(60)),
        (pre, post, ns, cuts, wireCuts) => {
          const kw = `紫${ns[0]}色${ns[1]}暗${ns[2]}号`;
          const text = `${pre}${kw}${post}`;
          // The stream decides as the whole text would: the matcher's precision rules may reject a
          // noise-split hit glued to a word (暗紫\u200b色暗号).
          fc.pre(matcher.scan(text).some((m) => m.keyword === '紫色暗号'));
          const { out, blocked } = run(pieces(text, cuts), wireCuts);
          expect(blocked).toBe(true);
          expect(out).toContain('content_filter');
          // Everything before the keyword may have gone out; the keyword itself never completes.
          const sent = out
            .split('\n\n')
            .filter((e) => e.startsWith('data: {'))
            .map((e) => JSON.parse(e.slice(6)).choices[0]?.delta?.content ?? '')
            .join('');
          expect(sent).not.toContain('暗号');
          expect(sent.replace('换个话题吧', '')).not.toMatch(/紫.{0,3}色.{0,3}暗/);
        },
      ),
    );
  });

  it('passes clean streams byte for byte whatever the splits (property)', () => {
    fc.assert(
      fc.property(fc.array(clean, { maxLength: 8 }), fc.array(fc.nat(300)), (parts, wireCuts) => {
        fc.pre(!parts.join('').includes('紫色暗号'));
        const { out, wire } = run(parts, wireCuts);
        expect(out).toBe(wire);
      }),
    );
  });

  it('masks a mask-policy keyword split across events and re-serialises only those events', () => {
    const { out } = run(['前面', '蓝莓歧', '视语后面'], []);
    expect(out).toContain('"前面"');
    expect(out).toContain('"***"');
    expect(out).toContain('"**后面"');
    expect(out).toContain('"finish_reason":"stop"');
  });
});
