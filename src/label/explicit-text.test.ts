import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkTextLabel, createTextLabeler, isTextLabel } from './explicit-text.js';

describe('explicit text label', () => {
  it('needs both the AI element and the 生成/合成 element', () => {
    expect(isTextLabel('本内容由人工智能生成')).toBe(true);
    expect(isTextLabel('本内容由AI合成')).toBe(true);
    expect(isTextLabel('本内容由人工智能提供')).toBe(false);
    expect(isTextLabel('本内容为生成内容')).toBe(false);
    expect(isTextLabel('MAIL 生成')).toBe(false); // "AI" inside a word is not the element
  });

  it('finds the label at the start or the end, not buried in the middle', () => {
    const filler = '普通的句子。'.repeat(100);
    expect(checkTextLabel(`本内容由人工智能生成。${filler}`)).toMatchObject({ ok: true, at: 'start' });
    expect(checkTextLabel(`${filler}本内容由人工智能生成。`)).toMatchObject({ ok: true, at: 'end' });
    expect(checkTextLabel(`${filler}本内容由人工智能生成。${filler}`).ok).toBe(false);
    expect(checkTextLabel('人工智能。内容生成。')).toMatchObject({ ok: false, ai: true, generated: true });
  });

  it('apply then check always passes and applying twice adds nothing (property)', () => {
    for (const position of ['start', 'end'] as const) {
      const l = createTextLabeler({ label: '本内容由人工智能生成', position });
      fc.assert(
        fc.property(fc.string({ maxLength: 2000 }), (text) => {
          const once = l.apply(text);
          expect(l.check(once).ok).toBe(true);
          expect(l.apply(once)).toBe(once);
        }),
      );
    }
  });

  it('refuses a label text without both elements', () => {
    expect(() => createTextLabeler({ label: '仅供参考' })).toThrow();
  });
});
