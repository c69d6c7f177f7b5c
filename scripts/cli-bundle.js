#!/usr/bin/env node
// The command line's prebuilt JavaScript (issue 15): esbuild bundles the CLI, its trainer process and its
// worker threads from the TypeScript sources into out/cli/, so that `descent` starts Node on plain
// JavaScript instead of compiling TypeScript with tsx in the CLI and again in every trainer. Built by
// `npm install` (postinstall) and `npm run build:cli`, and again by bin/descent.js whenever a source is newer
// than the bundle (a contributor's edit). The npm packages are bundled too: loading them from node_modules
// meant resolving and reading hundreds of small files (@stdlib's CommonJS modules, zod's), measured at 60 % of
// `descent --version`'s CPU time; only build tools, loaded on demand, stay external.
// The bundle sits two folders below the root, like its sources, so paths found from `import.meta.url`
// (package.json, the renderer's build, the bench's scripts) resolve the same from either.
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Entry point → output name, in out/cli/. Names the modules that look for them beside their bundle. */
const ENTRIES = {
  main: 'electron/cli/main.ts',
  'node-trainer': 'electron/trainer/node-entry.ts', // electron/core/trainer-host.ts
  'dataset-probe-worker': 'electron/core/dataset-probe-worker.ts', // electron/core/dataset-probe.ts
  'inside-worker': 'electron/core/inside-worker.ts', // electron/core/inside-off-thread.ts
  'evaluation-worker': 'electron/core/evaluation-worker.ts', // electron/core/evaluation-off-thread.ts
  'lab-worker': 'electron/core/lab-worker.ts', // electron/core/lab-off-thread.ts
  // descent bench's whole run, so that it measures the process a user's run is (electron/bench/run-bench.ts).
  'whole-run': 'electron/bench/whole-run.ts',
};
/** What a bundle is built from: a change to any of these makes it stale (the lock file: a package updated). */
const SOURCE_FOLDERS = ['electron', 'shared'];
const SOURCE_FILES = ['package.json', 'package-lock.json'];
/** Packages loaded on demand that must stay where they are: Vite (`descent serve` building the UI), the build
 * tools themselves, and what the CLI never runs but its modules name (Electron, Playwright in the bench). */
const EXTERNAL = ['vite', 'esbuild', 'tsx', 'electron', 'playwright-core'];
/** CommonJS packages in an ES module bundle call `require`: give them Node's, relative to the bundle. */
const REQUIRE_SHIM =
  "import { createRequire as createRequireForBundle } from 'node:module';\nconst require = createRequireForBundle(import.meta.url);";
const STAMP = 'stamp.json';

/** The folder of the bundle under `root`. */
export function cliBundleDir(root) {
  return join(root, 'out', 'cli');
}

/** The newest modification time (ms) of the files the bundle is built from. */
function newestSourceMtime(root) {
  let newest = 0;
  for (const file of SOURCE_FILES) {
    try {
      newest = Math.max(newest, statSync(join(root, file)).mtimeMs);
    } catch {
      // no lock file (an install from the registry): the sources decide alone
    }
  }
  for (const folder of SOURCE_FOLDERS) {
    for (const entry of readdirSync(join(root, folder), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

/** True when out/cli/ holds a bundle built from the sources as they are now. */
export function cliBundleIsFresh(root) {
  try {
    const stamp = JSON.parse(readFileSync(join(cliBundleDir(root), STAMP), 'utf8'));
    return typeof stamp.sourceMtimeMs === 'number' && newestSourceMtime(root) <= stamp.sourceMtimeMs;
  } catch {
    return false; // never built, or a stamp from elsewhere: build
  }
}

/**
 * Bundles every entry into out/cli/. Files are written under temporary names and renamed into place, so
 * that CLIs started at the same moment never load a half-written bundle; the stamp, written last, records
 * the sources' newest time as read *before* bundling (an edit made during the build leaves it stale).
 */
export async function buildCliBundle(root) {
  const sourceMtimeMs = newestSourceMtime(root);
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, source]) => [name, join(root, source)])),
    outdir: cliBundleDir(root),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    banner: { js: REQUIRE_SHIM },
    sourcemap: 'linked',
    write: false,
    logLevel: 'silent',
  });
  const dir = cliBundleDir(root);
  mkdirSync(dir, { recursive: true });
  const temporary = (path) => `${path}.${process.pid}.tmp`;
  for (const file of result.outputFiles) {
    writeFileSync(temporary(file.path), file.contents);
    renameSync(temporary(file.path), file.path);
  }
  const stamp = join(dir, STAMP);
  writeFileSync(temporary(stamp), `${JSON.stringify({ sourceMtimeMs })}\n`);
  renameSync(temporary(stamp), stamp);
  return dir;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  console.log(`command line bundle -> ${await buildCliBundle(root)}`);
}
