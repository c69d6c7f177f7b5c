// Lint, and above all the layer table of ../shared/DESIGN.md: who may import whom.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import svelte from 'eslint-plugin-svelte';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'worker_threads', 'zlib', 'crypto', 'http', 'net', 'url', 'util', 'stream', 'events', 'module'];

/**
 * `no-restricted-imports` that keeps a folder inside its layer: `modules` are package names (exact),
 * `folders` are gitignore-style patterns on the import path.
 */
const layer = (files, { modules = [], folders = [] }, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', {
      paths: modules.map((name) => ({ name, message })),
      patterns: folders.length ? [{ group: folders, message }] : [],
    }],
  },
});

export default tseslint.config(
  // assembly/ is AssemblyScript (compiled by asc, not tsc); generated files are not ours to lint.
  { ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'coverage/', 'test-results/', 'assembly/', '**/*.generated.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    // Svelte components: TypeScript inside <script lang="ts">, browser globals.
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] }, globals: { ...globals.browser } },
  },
  { files: ['renderer/**/*.ts'], languageOptions: { globals: { ...globals.browser } } },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  // shared/: pure TypeScript, runs everywhere — no Node, no DOM, no Electron, nothing outside shared/.
  layer(['shared/**/*.ts'], { modules: [...nodeBuiltins, 'electron'], folders: ['node:*', '../**/electron/**', '../**/renderer/**'] },
    'shared/ is pure TypeScript (DESIGN.md layer table): no node:*, electron, electron/ or renderer/ imports.'),
  { files: ['shared/**/*.ts'], languageOptions: { globals: { ...globals['shared-node-browser'] } } },
  // Node services, trainer, CLI and bridge never import Electron (it cannot load outside Electron).
  layer(['electron/core/**/*.ts', 'electron/trainer/**/*.ts', 'electron/cli/**/*.ts', 'electron/server/**/*.ts'],
    { modules: ['electron'], folders: ['**/main/**', '**/preload/**', '**/renderer/**'] },
    'Only electron/main and electron/preload may import electron (DESIGN.md layer table).'),
  // The UI talks to the backend only through WorkbenchApi: shared/ yes, Node and electron/ no.
  layer(['renderer/**/*.ts', 'renderer/**/*.svelte'], { modules: [...nodeBuiltins, 'electron'], folders: ['node:*', '../**/electron/**'] },
    'renderer/ may import shared/ only; it reaches the backend through WorkbenchApi (DESIGN.md).'),
  // Tests read JSON the CLI printed; typing every field of every line there adds nothing.
  { files: ['test/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  // Tests may not pull Electron into Vitest's import graph (no binary here).
  layer(['test/**/*.ts'], { modules: ['electron'] }, 'Mock electron with vi.mock in the few tests that need it.'),
);
