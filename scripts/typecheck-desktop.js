// Type-checks electron/main and electron/preload against the stand-in Electron of the desktop tests
// (test/desktop/tsconfig.json, tsconfig.preload.json), so that an Electron API the app uses and the stand-in
// lacks is a type error. Electron's declarations also declare the module 'electron' itself, and TypeScript
// prefers such an ambient module to the `paths` mapping: the check therefore uses a copy of them without
// those `declare module 'electron…'` blocks (the `Electron` namespace, which types the stand-in, stays).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const declarations = readFileSync(join(root, 'node_modules', 'electron', 'electron.d.ts'), 'utf8');
const ambientModule = /^declare module 'electron(?:\/\w+)?' \{\n\s*export = Electron\.\w+;\n\}\n/gm;
const removed = declarations.match(ambientModule) ?? [];
if (removed.length !== 5)
  throw new Error(`typecheck-desktop: expected 5 ambient 'electron' modules in electron.d.ts, found ${removed.length}`);

const work = mkdtempSync(join(tmpdir(), 'descent-typecheck-desktop-'));
let failed = false;
try {
  mkdirSync(join(work, 'types', 'electron'), { recursive: true });
  writeFileSync(join(work, 'types', 'electron', 'index.d.ts'), declarations.replace(ambientModule, ''));
  for (const config of ['tsconfig.json', 'tsconfig.preload.json']) {
    const file = join(work, config);
    writeFileSync(
      file,
      JSON.stringify({
        extends: join(root, 'test', 'desktop', config),
        compilerOptions: { typeRoots: [join(work, 'types'), join(root, 'node_modules', '@types')] },
      }),
    );
    const result = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', file], {
      stdio: 'inherit',
    });
    if (result.status !== 0) failed = true;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (failed) process.exit(1);
