import { existsSync } from 'node:fs';
import { BeianError, osReason } from '../../errors.js';

/** Where Debian/Ubuntu's `apt-get install chromium` puts the browser; BEIAN_CHROMIUM overrides. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

// Offline and quiet: no network side-channels, no first-run or update machinery.
export const CHROMIUM_FLAGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface PdfPrinter {
  printPdf: (html: string) => Promise<Uint8Array>;
  close: () => Promise<void>;
}

/** Locates Chromium or explains how to get it (exit 3, ENVIRONMENT). */
export function chromiumPath(env: NodeJS.ProcessEnv): string {
  const path = env.BEIAN_CHROMIUM || DEFAULT_CHROMIUM;
  if (!existsSync(path)) {
    throw BeianError.of('ENVIRONMENT', 'materials.noChromium', { path });
  }
  return path;
}

/**
 * One browser for the whole set (launching costs far more than printing). The page's network is
 * cut off: the HTML is self-contained and must stay so.
 */
export async function launchPdfPrinter(env: NodeJS.ProcessEnv): Promise<PdfPrinter> {
  const executablePath = chromiumPath(env);
  const { chromium } = await import('playwright-core');
  let browser: Awaited<ReturnType<typeof chromium.launch>>;
  try {
    browser = await chromium.launch({ executablePath, args: [...CHROMIUM_FLAGS], headless: true });
  } catch (cause) {
    throw BeianError.of(
      'ENVIRONMENT',
      'materials.chromiumFailed',
      { path: executablePath, reason: osReason(cause) },
      { cause },
    );
  }
  const context = await browser.newContext({ offline: true, javaScriptEnabled: false });
  return {
    printPdf: async (html) => {
      const page = await context.newPage();
      try {
        await page.setContent(html, { waitUntil: 'load' });
        const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
        return new Uint8Array(pdf);
      } finally {
        await page.close();
      }
    },
    close: () => browser.close(),
  };
}
