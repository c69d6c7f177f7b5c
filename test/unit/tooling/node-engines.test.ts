/**
 * The Node the project says it needs (package.json's engines) is enough for every package npm installs: otherwise
 * `npm install` warns EBADENGINE (issue 18: @electron/rebuild 4 and node-abi 4 want Node 22.12, hence the override
 * to @electron/rebuild 3.6 in package.json).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minVersion, satisfies } from 'semver';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const json = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, unknown>;

describe("Node's version", () => {
  it("package.json's minimum satisfies every locked package's engines (npm install warns no EBADENGINE)", () => {
    const minimum = minVersion((json('package.json').engines as { node: string }).node)!.version;
    expect(minimum).toBe('20.19.0');
    const packages = json('package-lock.json').packages as Record<string, { engines?: { node?: string } | string[] }>;
    const refusing = Object.entries(packages)
      .filter(([, p]) => p.engines && !Array.isArray(p.engines) && p.engines.node)
      .filter(([, p]) => !satisfies(minimum, (p.engines as { node: string }).node))
      .map(([path, p]) => `${path}: ${(p.engines as { node: string }).node}`);
    expect(refusing).toEqual([]);
  });

  it('the install guide names the same minimum', () => {
    expect(readFileSync(join(ROOT, 'docs', 'install.md'), 'utf8')).toContain('Node 20.19 or newer');
  });
});
