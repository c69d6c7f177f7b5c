/**
 * The sandboxed preload bundles everything it imports: it must stay small and must not carry zod. Its
 * `WorkbenchApi` is generated from the zod-free method list, which must match the schema table exactly.
 */
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('the preload', () => {
  it('bundles no zod and no schema module: only the method names, the channel names and the proxy generator', async () => {
    const result = await build({
      entryPoints: ['electron/preload/index.ts'],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs).sort();
    expect(inputs).toEqual([
      'electron/main/channels.ts',
      'electron/preload/index.ts',
      'shared/api-methods.ts',
      'shared/api-proxy.ts',
    ]);
    expect(result.outputFiles[0].text).not.toMatch(/zod/i);
  });

  it("the method list imports nothing (test/unit/api.test.ts checks it names exactly the schema table's methods)", () => {
    expect(readFileSync('shared/api-methods.ts', 'utf8')).not.toMatch(/^\s*(import|export .* from)\b/m);
  });
});
