/**
 * No `as unknown as` between layers: values that cross a boundary (IPC, HTTP, files, processes) are parsed
 * with their schema, and the API's clients and dispatchers are generated with their types. What is left
 * are shims for globals a layer's TypeScript library does not describe, each listed here with its reason.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** File → number of `as unknown as` it may hold, and why. */
const ALLOWED: Record<string, { count: number; why: string }> = {
  'electron/trainer/utility-entry.ts': {
    count: 1,
    why: "Electron's utility process adds process.parentPort, which Node's types do not have",
  },
  'shared/engine/wasm/module.ts': {
    count: 1,
    why: 'shared/ is typed without the DOM library, but WebAssembly and atob exist in every runtime it loads in',
  },
  'electron/bench/ui-bench.ts': { count: 2, why: 'code run in the page by Playwright, typed without the DOM library' },
  'electron/bench/load-bench.ts': { count: 1, why: 'code run in the page by Playwright, typed without the DOM library' },
  'renderer/src/lib/chart-setup.ts': {
    count: 2,
    why: "svgcanvas's context stands in for a canvas Chart.js expects (SVG export)",
  },
};

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|svelte)$/.test(entry.name) && !entry.parentPath.includes('node_modules'))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('casts between layers', () => {
  it('`as unknown as` appears only where the allow-list says, as often as it says', () => {
    const found: Record<string, number> = {};
    for (const file of ['electron', 'shared', 'renderer'].flatMap(sourceFiles)) {
      const count = readFileSync(file, 'utf8').split('as unknown as').length - 1;
      if (count > 0) found[file] = count;
    }
    expect(found).toEqual(Object.fromEntries(Object.entries(ALLOWED).map(([file, { count }]) => [file, count])));
  });
});
