// Lint, and above all the layer table of ../shared/DESIGN.md: who may import whom.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import svelte from 'eslint-plugin-svelte';
import layers from './tools/eslint/layer-imports.js';
import assemblyscript from './tools/eslint/assemblyscript.js';

/**
 * The layer table as allow-lists (VS Code's `code-import-patterns`): what each folder MAY import. A layer may always
 * import its own folder; `folders` are other repo folders, `node` the Node builtins, `npm` any npm package (`true`) or
 * the named ones, `electron` the Electron runtime. Folders not listed here (test/, scripts/, tools/) are unrestricted.
 */
export const LAYERS = [
  // @stdlib's t distribution (pure arithmetic, no Node or DOM): the repeat groups' confidence intervals and Welch's test.
  // i18next (no Node or DOM either): the messages of the page and of the desktop menu (shared/i18n).
  {
    folder: 'shared',
    may: { npm: ['zod', '@stdlib/stats-base-dists-t-quantile', '@stdlib/stats-base-dists-t-cdf', 'i18next'] },
    why: 'shared/ runs everywhere: no node:*, DOM, electron or npm packages with either.',
  },
  {
    folder: 'electron/core',
    may: { folders: ['shared'], node: true, npm: true },
    why: 'Node services stay below the trainer, CLI, bridge and Electron glue, and never load electron.',
  },
  { folder: 'electron/trainer', may: { folders: ['shared', 'electron/core'] } },
  { folder: 'electron/server', may: { folders: ['shared', 'electron/core'], node: true, npm: true } },
  // The CLI fronts the bridge (`descent serve`) and the benchmarks (`descent bench`).
  {
    folder: 'electron/cli',
    may: { folders: ['shared', 'electron/core', 'electron/server', 'electron/bench'], node: true, npm: true },
  },
  // Benchmarks measure the whole stack, bridge and browser included; nothing in the app imports them but the CLI.
  { folder: 'electron/bench', may: { folders: ['shared', 'electron/core', 'electron/server'], node: true, npm: true } },
  { folder: 'electron/main', may: { folders: ['shared', 'electron/core'], node: true, npm: true, electron: true } },
  // Sandboxed: no Node, and no npm packages bundled (zod stays out, see shared/api-methods.ts); of main, only
  // the channel names (a module without imports), so no main-process code is bundled into the page's preload.
  { folder: 'electron/preload', may: { folders: ['shared', 'electron/main/channels'], electron: true } },
  // AssemblyScript compiles only AssemblyScript: its own folder and the WebAssembly layout it shares with the host.
  { folder: 'assembly', may: { folders: ['shared/engine/wasm'] } },
  { folder: 'renderer', may: { folders: ['shared'], npm: true }, why: 'The UI reaches the backend only through WorkbenchApi.' },
];

export default tseslint.config(
  // Generated files are not ours to lint.
  { ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'coverage/', 'test-results/', '**/*.generated.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    // Svelte components: TypeScript inside <script lang="ts">, browser globals.
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] },
      globals: { ...globals.browser },
    },
  },
  { files: ['renderer/**/*.ts'], languageOptions: { globals: { ...globals.browser } } },
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  { files: ['shared/**/*.ts'], languageOptions: { globals: { ...globals['shared-node-browser'] } } },
  // assembly/ is AssemblyScript (compiled and type-checked by asc): linted as TypeScript once its decorators are blanked.
  // `// @ts-ignore: decorator` is AssemblyScript's idiom for editors that read it as TypeScript.
  {
    files: ['assembly/**/*.ts'],
    plugins: { assemblyscript },
    processor: 'assemblyscript/assemblyscript',
    rules: { '@typescript-eslint/ban-ts-comment': ['error', { 'ts-ignore': 'allow-with-description' }] },
  },
  { files: ['**/*.ts', '**/*.svelte'], plugins: { layers }, rules: { 'layers/layer-imports': ['error', LAYERS] } },
  // Tests read JSON the CLI printed; typing every field of every line there adds nothing.
  { files: ['test/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  // Tests may not pull Electron into Vitest's import graph (no binary here); its types (erased) are welcome.
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', allowTypeImports: true, message: 'Mock electron with vi.mock in the few tests that need it.' },
          ],
        },
      ],
    },
  },
);
