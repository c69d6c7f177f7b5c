// The renderer's build: used by `npm run build:renderer`, by `descent serve` when the UI is not built yet,
// and by electron-vite's renderer section (electron.vite.config.ts) for the desktop app.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export const rendererRoot = resolve(import.meta.dirname, 'renderer');

export default defineConfig({
  root: rendererRoot,
  // Relative asset URLs: the same build loads from the bridge and from the app's own protocol.
  base: './',
  plugins: [svelte({ configFile: false, compilerOptions: { runes: true } })],
  build: {
    outDir: resolve(import.meta.dirname, 'out', 'renderer'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1024,
    // The workbench, and the page `descent export --figure` draws report figures in (the desktop app builds the
    // workbench alone: electron.vite.config.ts).
    rollupOptions: { input: { index: resolve(rendererRoot, 'index.html'), figure: resolve(rendererRoot, 'figure.html') } },
  },
});
