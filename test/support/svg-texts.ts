/** An SVG file read as a browser reads it, for the e2e tests of exported figures. */
import type { Page } from 'playwright-core';

/** What `page`'s parser makes of an SVG. */
export interface ParsedSvg {
  /** The parser's error, or null. */
  readonly error: string | null;
  /** The root element's name (`svg` for an SVG document). */
  readonly root: string;
  /** The texts in document order. */
  readonly texts: string[];
  /** The font family each text is set in (its nearest `font-family` attribute; '' where none). */
  readonly fonts: string[];
  /** The paths' stroke colours, as written. */
  readonly strokes: Array<string | null>;
  /** How many elements match the selector asked about (0 when none was). */
  readonly marked: number;
}

/** The SVG `source` as `page`'s parser reads it; `marked` counts the elements matching `selector`. */
export function svgTexts(page: Page, source: string, selector?: string): Promise<ParsedSvg> {
  return page.evaluate(
    ([text, sel]) => {
      // Runs in the page; typed here without the DOM library of the browser-side code.
      type Element = { textContent: string; getAttribute(a: string): string | null; closest(s: string): Element | null };
      type Doc = {
        documentElement: { nodeName: string };
        querySelector(s: string): Element | null;
        querySelectorAll(s: string): Element[];
      };
      const Parser = (globalThis as unknown as { DOMParser: new () => { parseFromString(t: string, m: string): Doc } }).DOMParser;
      const doc = new Parser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: doc.documentElement.nodeName,
        texts: [...doc.querySelectorAll('text')].map((t) => t.textContent),
        fonts: [...doc.querySelectorAll('text')].map((t) => t.closest('[font-family]')?.getAttribute('font-family') ?? ''),
        strokes: [...doc.querySelectorAll('path')].map((p) => p.getAttribute('stroke')),
        marked: sel ? doc.querySelectorAll(sel).length : 0,
      };
    },
    [source, selector ?? ''] as const,
  );
}
