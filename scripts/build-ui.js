#!/usr/bin/env node
// Builds the renderer at `npm install` (postinstall), so that the first `descent serve` starts at once
// instead of building it first (~40 s here). Vite is a development dependency: without it (an install
// with --omit=dev) this says so and leaves the build to `descent serve`.
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
let build;
try {
  ({ build } = await import('vite'));
} catch {
  console.log('vite is not installed: `descent serve` builds the UI on its first start');
  process.exit(0);
}
await build({ configFile: join(root, 'vite.renderer.config.ts'), logLevel: 'warn' });
console.log(`UI -> ${join(root, 'out', 'renderer')}`);
