import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findRhythm, rhythmPcm } from './explicit-audio.js';
import { imageLabelLayout } from './explicit-image.js';

const rhythm = { shortMs: 120, longMs: 360, gapMs: 120, tailMs: 300, frequency: 880, amplitude: 0.5 };

describe('audio rhythm 短长短短', () => {
  it('is found in the PCM it generates, at any rate and channel count', () => {
    for (const [rate, ch] of [
      [8000, 1],
      [22050, 1],
      [44100, 2],
      [48000, 2],
    ] as const)
      expect(findRhythm(rhythmPcm(rhythm, rate, ch), rate, ch), `${rate}/${ch}`).toBe(true);
  });
  it('is not found in a steady tone, silence, or the wrong pattern (long-short-short-short)', () => {
    const tone = rhythmPcm({ ...rhythm, shortMs: 900, longMs: 900, gapMs: 1 }, 8000, 1);
    expect(findRhythm(tone, 8000, 1)).toBe(false);
    expect(findRhythm(Buffer.alloc(16000), 8000, 1)).toBe(false);
    const a = rhythmPcm({ ...rhythm, longMs: 120 }, 8000, 1);
    expect(findRhythm(a, 8000, 1)).toBe(false);
  });
});

describe('image label layout', () => {
  it('text height ≥ 5% of the shortest side and the box inside the image (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 16, max: 8000 }),
        fc.integer({ min: 16, max: 8000 }),
        fc.constantFrom('top-left', 'top', 'top-right', 'bottom-left', 'bottom', 'bottom-right' as const),
        (width, height, position) => {
          const l = imageLabelLayout({ width, height, text: '本内容由人工智能生成', position });
          expect(l.fontSize * 0.88).toBeGreaterThanOrEqual(Math.min(width, height) * 0.05);
          expect(l.left).toBeGreaterThanOrEqual(0);
          expect(l.top).toBeGreaterThanOrEqual(0);
          expect(l.left + l.width).toBeLessThanOrEqual(width);
          expect(l.lines.join('')).toBe('本内容由人工智能生成');
        },
      ),
    );
  });
  it('escapes the text in the SVG', () => {
    expect(imageLabelLayout({ width: 400, height: 300, text: 'AI<生成>&' }).svg).toContain(
      'AI&lt;生成&gt;&amp;',
    );
  });
});
