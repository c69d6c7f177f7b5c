import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

// Integration and browser tests start real processes and train on real MNIST: room on 2 cores. An `expect.poll`
// waits for a state, however long a loaded machine takes to reach it (Vitest's own default gives up after 1 s:
// flaky at a load of 25); a poll that names its own timeout keeps it.
const shared = {
  testTimeout: 120_000,
  hookTimeout: 60_000,
  pool: 'forks' as const,
  expect: { poll: { timeout: 60_000 } },
};

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'node',
          include: ['test/unit/**/*.test.ts', 'test/property/**/*.test.ts', 'test/integration/**/*.test.ts'],
          exclude: ['test/unit/renderer/workbench.test.ts', 'test/unit/**/*.svelte.test.ts'],
        },
      },
      {
        // The workbench in Chromium through `descent serve`: one file at a time. Run side by side, their
        // browsers and trainers starve each other on 2 cores, and a chart's export (rendered, then handed to
        // Chromium as a download) arrived after the click's user activation had expired: no download.
        test: { ...shared, name: 'e2e', include: ['test/e2e/**/*.test.ts'], fileParallelism: false },
      },
      {
        // The built desktop app on the stand-in Electron (or the real binary): one file at a time, each
        // starts Chromium and trainer processes.
        test: { ...shared, name: 'desktop', include: ['test/desktop/**/*.test.ts'], fileParallelism: false },
      },
      {
        // The renderer's state class uses runes: compiled by Svelte for the browser (a DOM environment
        // makes Vitest transform for the web, so effects run as they do in the app).
        plugins: [svelte({ configFile: false, compilerOptions: { runes: true } })],
        resolve: { conditions: ['browser'] },
        // Test files named *.svelte.test.ts use runes themselves ($effect.root), so Svelte compiles them too.
        test: {
          ...shared,
          name: 'renderer',
          environment: 'happy-dom',
          include: ['test/unit/renderer/workbench.test.ts', 'test/unit/**/*.svelte.test.ts'],
        },
      },
    ],
  },
});
