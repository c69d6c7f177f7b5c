#!/usr/bin/env node
// The `descent` command. Runs the prebuilt JavaScript in out/cli/ (scripts/cli-bundle.js: built at install,
// rebuilt here first when a source is newer), so that starting it compiles no TypeScript. From the
// TypeScript sources through tsx when DESCENT_FROM_SOURCE=1, or when the bundle cannot be built (esbuild
// missing, or a source that does not compile: tsx then reports the error where it is).
import module from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Node ≥ 22.1 keeps V8's compiled code on disk between starts; Node 20 has no such cache.
module.enableCompileCache?.();

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

async function bundledMain() {
  const bundle = await import('../scripts/cli-bundle.js');
  if (!bundle.cliBundleIsFresh(root)) await bundle.buildCliBundle(root);
  return (await import(pathToFileURL(join(bundle.cliBundleDir(root), 'main.js')).href)).main;
}

async function sourceMain() {
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('../electron/cli/main.ts')).main;
}

const main = process.env.DESCENT_FROM_SOURCE === '1' ? await sourceMain() : await bundledMain().catch(sourceMain);
process.exitCode = await main(process.argv.slice(2));
