/**
 * Node flags that let a child process run this repository's TypeScript sources directly (tsx), as
 * `bin/descent.js` does for itself. The loader is named by absolute URL, so the child works from
 * any current directory.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** `execArgv` for `fork`/`spawn(process.execPath, …)` of a `.ts` entry point. */
export function typescriptExecArgv(): string[] {
  const require = createRequire(import.meta.url);
  // tsx's `import` entry (what `--import tsx` loads): registers both its ESM and CommonJS hooks.
  const loader = join(dirname(require.resolve('tsx/package.json')), 'dist', 'loader.mjs');
  return ['--import', pathToFileURL(loader).href];
}

/**
 * Code for `new Worker(code, { eval: true })` that runs the `.ts` module at `entry` (an absolute path):
 * a worker thread does not inherit the loader hooks of its parent, so it registers tsx itself.
 */
export function typescriptWorkerCode(entry: string): string {
  const require = createRequire(import.meta.url);
  const api = pathToFileURL(join(dirname(require.resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs')).href;
  const url = JSON.stringify(pathToFileURL(entry).href);
  return `import(${JSON.stringify(api)}).then(({ tsImport }) => tsImport(${url}, ${url}))`;
}
