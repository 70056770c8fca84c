import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MaterialDocument } from '../../src/materials/model.js';
import { renderHtml } from '../../src/materials/render/index.js';
import { demoDocuments } from '../fixtures/materials/demo-documents.js';
import { ARTIFACTS, launchChromium, NO_BROWSER } from '../helpers/browser.js';

/**
 * The first page of every filing document as a reviewer sees it (the HTML rendering, which is also
 * what the PDF is printed from), in A4 print layout: screenshots in test/artifacts/document-*.png.
 * No number in a table is broken across lines (a cell whose number wraps is taller than one line).
 */
let ctx: BrowserContext;
let docs: MaterialDocument[] = [];

beforeAll(async () => {
  if (NO_BROWSER) return;
  docs = demoDocuments({ bankRows: 20 });
  ctx = await launchChromium();
});

afterAll(async () => {
  await ctx?.close();
});

describe.skipIf(NO_BROWSER)('filing documents, first page', () => {
  it('screenshots the first A4 page of each document; numbers in tables stay on one line', async () => {
    const page = await ctx.newPage();
    // A4 at 96 dpi
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    const broken: string[] = [];
    for (const doc of docs) {
      await page.setContent(renderHtml(doc), { waitUntil: 'load' });
      await page.screenshot({ path: join(ARTIFACTS, `document-${doc.id}.png`) });
      broken.push(
        ...(
          await page.evaluate(() => {
            const out: string[] = [];
            const d = (
              globalThis as unknown as {
                document: {
                  querySelectorAll(s: string): ArrayLike<{
                    textContent: string | null;
                    getClientRects(): ArrayLike<unknown>;
                    childNodes: ArrayLike<{ nodeType: number; textContent: string | null }>;
                  }>;
                };
              }
            ).document;
            for (const cell of Array.from(d.querySelectorAll('td'))) {
              const text = cell.textContent ?? '';
              if (/^\s*\d[\d,.]*%?\s*$/.test(text) && text.trim().length >= 4) {
                const range = (
                  globalThis as unknown as {
                    document: {
                      createRange(): {
                        selectNodeContents(n: unknown): void;
                        getClientRects(): ArrayLike<{ top: number }>;
                      };
                    };
                  }
                ).document.createRange();
                range.selectNodeContents(cell);
                const tops = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
                if (tops.size > 1) out.push(text.trim());
              }
            }
            return out;
          })
        ).map((n) => `${doc.id}: ${n}`),
      );
    }
    expect(docs.length).toBeGreaterThan(5);
    expect(broken).toEqual([]);
  }, 120_000);
});
