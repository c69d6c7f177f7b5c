/** An SVG file read as a browser reads it, for the e2e tests of exported figures. */
import type { Page } from 'playwright-core';

/** The texts of an SVG in document order, as `page`'s parser reads them, or the parser's error. */
export function svgTexts(page: Page, source: string): Promise<{ error: string | null; texts: string[] }> {
  return page.evaluate((text) => {
    // Runs in the page; typed here without the DOM library of the browser-side code.
    type Doc = {
      querySelector(s: string): { textContent: string } | null;
      querySelectorAll(s: string): Array<{ textContent: string }>;
    };
    const Parser = (globalThis as unknown as { DOMParser: new () => { parseFromString(t: string, m: string): Doc } }).DOMParser;
    const doc = new Parser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      texts: [...doc.querySelectorAll('text')].map((t) => t.textContent),
    };
  }, source);
}
