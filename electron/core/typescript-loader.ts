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
