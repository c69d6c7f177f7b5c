#!/usr/bin/env node
// `npm start`: build and launch the desktop app — or, where it cannot run, say why in one line and
// point to the command line, which runs the same engine without Electron.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const useCli =
  'Use the same workbench in your browser instead: npx descent serve — or the command line: npx descent train ' +
  '(add --help for the flags).';

/** Path of the Electron binary, or null where the package was installed without it. */
function electronBinary() {
  try {
    const path = require('electron'); // the package's index.js returns the binary's path, or throws
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
if (!binary) {
  console.error(
    'Descent: the Electron binary is not installed on this machine (npm could not download it), ' +
      `so the desktop app cannot start. ${useCli}`,
  );
  process.exit(1);
}
const build = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);
const app = spawnSync(binary, ['.'], { cwd: root, stdio: 'inherit' });
process.exit(app.status ?? 0);
