/** The renderer's rebuild is swapped in whole: a served folder is never half emptied, and the folder holds nothing but the new build. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { swapInBuild } from '../../../electron/core/renderer-build';

function buildFolder(parent: string, name: string, html: string): string {
  const folder = join(parent, name);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'index.html'), html);
  return folder;
}

describe('swapInBuild', () => {
  it('replaces the previous build with the new one and leaves nothing else behind', () => {
    const parent = mkdtempSync(join(tmpdir(), 'descent-swap-'));
    const target = buildFolder(parent, 'renderer', 'old');
    writeFileSync(join(target, 'stale-chunk.js'), 'x');
    const fresh = buildFolder(parent, 'renderer.build-1', 'new');
    swapInBuild(fresh, target);
    expect(readFileSync(join(target, 'index.html'), 'utf8')).toBe('new');
    expect(readdirSync(target)).toEqual(['index.html']);
    expect(readdirSync(parent)).toEqual(['renderer']);
  });

  it("keeps the previous build's hashed assets, so a page loaded from it still finds its lazy chunks", () => {
    const parent = mkdtempSync(join(tmpdir(), 'descent-swap-'));
    const target = buildFolder(parent, 'renderer', 'old');
    mkdirSync(join(target, 'assets'));
    writeFileSync(join(target, 'assets', 'jspdf-OLD.js'), 'old chunk');
    writeFileSync(join(target, 'assets', 'index-SAME.js'), 'old bytes');
    const fresh = buildFolder(parent, 'renderer.build-1', 'new');
    mkdirSync(join(fresh, 'assets'));
    writeFileSync(join(fresh, 'assets', 'jspdf-NEW.js'), 'new chunk');
    writeFileSync(join(fresh, 'assets', 'index-SAME.js'), 'new bytes');
    swapInBuild(fresh, target);
    expect(readdirSync(join(target, 'assets')).sort()).toEqual(['index-SAME.js', 'jspdf-NEW.js', 'jspdf-OLD.js']);
    expect(readFileSync(join(target, 'assets', 'index-SAME.js'), 'utf8')).toBe('new bytes');
    expect(readFileSync(join(target, 'index.html'), 'utf8')).toBe('new');
  });

  it('puts the first build in place when there was none', () => {
    const parent = mkdtempSync(join(tmpdir(), 'descent-swap-'));
    const fresh = buildFolder(parent, 'renderer.build-1', 'first');
    swapInBuild(fresh, join(parent, 'renderer'));
    expect(readFileSync(join(parent, 'renderer', 'index.html'), 'utf8')).toBe('first');
    expect(readdirSync(parent)).toEqual(['renderer']);
  });
});
