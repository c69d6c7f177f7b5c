/**
 * The prebuilt JavaScript the command line starts from (scripts/cli-bundle.js) and the renderer's build
 * that `descent serve` reuses: each is used while it is newer than every source it is built from, and
 * counts as stale after an edit. Checked on small stand-in source trees in a temp folder, so that no tracked
 * file is touched.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCliBundle, cliBundleDir, cliBundleIsFresh } from '../../../scripts/cli-bundle.js';
import { rendererBuildIsFresh } from '../../../electron/core/renderer-build';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string, mtimeSeconds?: number): void {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  if (mtimeSeconds !== undefined) utimesSync(file, mtimeSeconds, mtimeSeconds);
}

const HOUR = 3600;
const now = Math.floor(Date.now() / 1000);

describe('the command line bundle (out/cli)', () => {
  function standInSources(): void {
    root = mkdtempSync(join(tmpdir(), 'descent-cli-bundle-'));
    write('package.json', '{"type":"module"}', now - HOUR);
    write('shared/answer.ts', 'export const answer: number = 42;\n', now - HOUR);
    write(
      'electron/cli/main.ts',
      "import { answer } from '../../shared/answer';\nexport const main = async (): Promise<number> => answer;\n",
      now - HOUR,
    );
    write('electron/trainer/node-entry.ts', 'export const trainer = 1;\n', now - HOUR);
    write('electron/core/dataset-probe-worker.ts', 'export const probe = 1;\n', now - HOUR);
    write('electron/core/inside-worker.ts', 'export const inside = 1;\n', now - HOUR);
    write('electron/core/lab-worker.ts', 'export const lab = 1;\n', now - HOUR);
    write('electron/core/evaluation-worker.ts', 'export const evaluation = 1;\n', now - HOUR);
    write('electron/bench/whole-run.ts', 'export const wholeRun = 1;\n', now - HOUR);
  }

  it('is stale before the first build, fresh after it, and runs the TypeScript it was built from', async () => {
    standInSources();
    expect(cliBundleIsFresh(root)).toBe(false);
    const dir = await buildCliBundle(root);
    expect(dir).toBe(cliBundleDir(root));
    expect(cliBundleIsFresh(root)).toBe(true);
    // Plain JavaScript with the imported module inlined: Node loads it with no TypeScript loader.
    expect(readFileSync(join(dir, 'main.js'), 'utf8')).not.toContain('../../shared/answer');
    const { main } = (await import(pathToFileURL(join(dir, 'main.js')).href)) as { main: () => Promise<number> };
    expect(await main()).toBe(42);
    for (const name of [
      'node-trainer.js',
      'dataset-probe-worker.js',
      'inside-worker.js',
      'lab-worker.js',
      'evaluation-worker.js',
      'whole-run.js',
    ]) {
      expect(readFileSync(join(dir, name), 'utf8').length).toBeGreaterThan(0);
    }
  });

  it('is stale again once any source (or package.json) is newer than the build', async () => {
    standInSources();
    await buildCliBundle(root);
    write('shared/answer.ts', 'export const answer: number = 43;\n', now + HOUR);
    expect(cliBundleIsFresh(root)).toBe(false);
    await buildCliBundle(root);
    expect(cliBundleIsFresh(root)).toBe(true);
    expect(readFileSync(join(cliBundleDir(root), 'main.js'), 'utf8')).toContain('43');
    write('package.json', '{"type":"module","version":"2"}', now + 2 * HOUR);
    expect(cliBundleIsFresh(root)).toBe(false);
  });
});

describe('the renderer build descent serve reuses (out/renderer)', () => {
  function standInRenderer(builtAt: number): void {
    root = mkdtempSync(join(tmpdir(), 'descent-ui-build-'));
    write('renderer/src/App.svelte', '<p>hi</p>\n', now - HOUR);
    write('shared/answer.ts', 'export const answer = 42;\n', now - HOUR);
    write('vite.renderer.config.ts', 'export default {};\n', now - HOUR);
    write('out/renderer/index.html', '<!doctype html>\n', builtAt);
  }

  it('is fresh when built after its last source change', () => {
    standInRenderer(now);
    expect(rendererBuildIsFresh(root)).toBe(true);
  });

  it('is stale after an edit to the renderer, to shared/ or to the Vite config, and when never built', () => {
    for (const edited of ['renderer/src/lib/new.ts', 'shared/answer.ts', 'vite.renderer.config.ts']) {
      standInRenderer(now);
      write(edited, '// edited\n', now + HOUR);
      expect(rendererBuildIsFresh(root), edited).toBe(false);
      rmSync(root, { recursive: true, force: true });
    }
    standInRenderer(now);
    rmSync(join(root, 'out'), { recursive: true });
    expect(rendererBuildIsFresh(root)).toBe(false);
  });
});
