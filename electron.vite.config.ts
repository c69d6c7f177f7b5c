// The desktop app's build (electron-vite): main process (with the utility-process trainer as a second
// entry of stable name), sandboxed preload (CommonJS), and the same renderer `descent serve` uses.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import renderer, { rendererRoot } from './vite.renderer.config';

const here = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: resolve(here, 'out', 'main'),
      rollupOptions: {
        input: {
          index: resolve(here, 'electron', 'main', 'index.ts'),
          trainer: resolve(here, 'electron', 'trainer', 'utility-entry.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(here, 'out', 'preload'),
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
      rollupOptions: { input: resolve(rendererRoot, 'index.html') },
    },
  },
});
