/**
 * The renderer's build (Vite, a development dependency: present in a repository checkout). `npm install`
 * builds it (scripts/build-ui.js), so the first `descent serve` starts at once; a contributor's later edit
 * to the renderer's sources makes it stale, and `descent serve` builds it again.
 */
import { copyFileSync, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where the built renderer lands. */
export const RENDERER_DIR = join(ROOT, 'out', 'renderer');
/** What the renderer is built from (folders are searched through). */
const RENDERER_SOURCES = ['renderer', 'shared', 'vite.renderer.config.ts'];

/**
 * Builds the renderer beside the current build and swaps it in by renames, so that pages being served from
 * the old build (another `descent serve`, a test's browser) never meet a half-emptied folder: Vite empties
 * its output folder first, which for a ~40 s build broke every page open meanwhile.
 */
export async function buildRenderer(): Promise<void> {
  const { build } = await import('vite');
  const fresh = `${RENDERER_DIR}.build-${process.pid}-${Date.now()}`;
  await build({
    configFile: join(ROOT, 'vite.renderer.config.ts'),
    logLevel: 'warn',
    build: { outDir: fresh, emptyOutDir: true },
  });
  swapInBuild(fresh, RENDERER_DIR);
}

/**
 * Puts the finished build `fresh` at `target` (the previous one removed); safe when two processes do it at once.
 * The previous build's hashed assets are carried over: a page loaded from it still imports its lazy chunks (the
 * PDF writer, say) by their old names, which the new build does not have. Only a contributor's rebuilds add any.
 */
export function swapInBuild(fresh: string, target: string): void {
  carryOverAssets(join(target, 'assets'), join(fresh, 'assets'));
  const old = `${target}.old-${process.pid}-${Date.now()}`;
  try {
    renameSync(target, old);
  } catch {
    // No previous build, or another process moved it a moment ago: either way there is nothing of ours to keep.
  }
  try {
    renameSync(fresh, target);
  } catch {
    // Another process swapped its build in between our renames: it is as fresh as ours, so ours goes.
    rmSync(fresh, { recursive: true, force: true });
  }
  rmSync(old, { recursive: true, force: true });
}

/** Copies each file of `from` that `to` lacks (names carry content hashes, so a name never means two contents). */
function carryOverAssets(from: string, to: string): void {
  if (!existsSync(from) || !existsSync(to)) return;
  for (const name of readdirSync(from)) {
    if (!existsSync(join(to, name))) {
      try {
        copyFileSync(join(from, name), join(to, name));
      } catch {
        // The previous build went away meanwhile (another process swapped): nothing left to carry over.
      }
    }
  }
}

/** The newest modification time (ms) of `path`, or of any file under it. */
function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** True when the built renderer under `root` exists and no source of it changed after it was built. */
export function rendererBuildIsFresh(root = ROOT): boolean {
  let built: number;
  try {
    built = statSync(join(root, 'out', 'renderer', 'index.html')).mtimeMs; // written by each build
  } catch {
    return false;
  }
  return RENDERER_SOURCES.every((source) => newestMtime(join(root, source)) <= built);
}
