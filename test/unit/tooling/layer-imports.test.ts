/** The layer lint, run through ESLint's API with the project's own config on snippets placed in each layer. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** The layer-rule messages ESLint reports for `code` as if it were the file at `filePath`. */
async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === 'layers/layer-imports').map((m) => m.message);
}

describe('layer allow-lists (eslint.config.js)', () => {
  it('refuses core importing the bridge above it, naming the layer, the target and what core may import', async () => {
    const errors = await layerErrors(
      'electron/core/probe.ts',
      "import { startBridge } from '../server/bridge';\nexport const s = startBridge;\n",
    );
    expect(errors).toEqual([
      expect.stringMatching(
        /^electron\/core\/ may not import "\.\.\/server\/bridge" \(electron\/server\/bridge\): besides itself it may import only shared\/, node:\*, npm packages\./,
      ),
    ]);
  });

  it('refuses electron outside main and preload, node:* and unlisted npm packages in shared/', async () => {
    expect(
      await layerErrors('electron/trainer/probe.ts', "import { app } from 'electron';\nexport const a = app;\n"),
    ).toHaveLength(1);
    expect(
      await layerErrors('electron/core/probe.ts', "import type { App } from 'electron';\nexport type A = App;\n"),
    ).toHaveLength(1);
    const shared = await layerErrors(
      'shared/engine/probe.ts',
      "import { readFileSync } from 'node:fs';\nimport { join } from 'path';\nimport { Chart } from 'chart.js';\nexport const x = [readFileSync, join, Chart];\n",
    );
    expect(shared).toHaveLength(3);
    expect(shared[1]).toContain('"path" (a Node builtin)');
    expect(shared[2]).toContain('(npm package chart.js)');
  });

  it('refuses the renderer reaching into electron/, also by a dynamic import in a component', async () => {
    const component =
      '<script lang="ts">\n  const load = () => import(\'../../../electron/core/run-id\');\n  load();\n</script>\n';
    expect(await layerErrors('renderer/src/components/Probe.svelte', component)).toHaveLength(1);
    expect(
      await layerErrors('renderer/src/lib/probe.ts', "export { newRunId } from '../../../electron/core/run-id';\n"),
    ).toHaveLength(1);
  });

  it('accepts what the table allows: the own folder, lower layers, and the glue importing electron', async () => {
    expect(
      await layerErrors(
        'shared/engine/probe.ts',
        "import { z } from 'zod';\nimport { sigmoid } from './functions';\nexport const x = [z, sigmoid];\n",
      ),
    ).toEqual([]);
    expect(
      await layerErrors(
        'electron/trainer/probe.ts',
        "import { parseConfig } from '../../shared/config';\nimport { PauseGate } from '../core/pause-gate';\nexport const x = [parseConfig, PauseGate];\n",
      ),
    ).toEqual([]);
    expect(
      await layerErrors(
        'electron/cli/probe.ts',
        "import { runBench } from '../bench/run-bench';\nimport { startBridge } from '../server/bridge';\nexport const x = [runBench, startBridge];\n",
      ),
    ).toEqual([]);
    expect(
      await layerErrors(
        'electron/main/probe.ts',
        "import { app } from 'electron';\nimport { join } from 'node:path';\nexport const x = [app, join];\n",
      ),
    ).toEqual([]);
  });

  it('lets the preload take only the channel names from main, and main nothing from the preload', async () => {
    expect(
      await layerErrors(
        'electron/preload/probe.ts',
        "import { EVENT_CHANNEL } from '../main/channels';\nexport const c = EVENT_CHANNEL;\n",
      ),
    ).toEqual([]);
    expect(
      await layerErrors(
        'electron/preload/probe.ts',
        "import { registerIpc } from '../main/ipc';\nexport const r = registerIpc;\n",
      ),
    ).toHaveLength(1);
    expect(await layerErrors('electron/main/probe.ts', "import '../preload/index';\n")).toHaveLength(1);
  });

  it('refuses the trainer reaching the bridge and the benchmarks reaching the CLI', async () => {
    expect(
      await layerErrors(
        'electron/trainer/probe.ts',
        "import { startBridge } from '../server/bridge';\nexport const s = startBridge;\n",
      ),
    ).toHaveLength(1);
    expect(
      await layerErrors('electron/bench/probe.ts', "import { main } from '../cli/main';\nexport const m = main;\n"),
    ).toHaveLength(1);
  });

  it("lints AssemblyScript with its decorators, reporting at the source's own line and column", async () => {
    const source =
      "import { a } from '../shared/config';\n// @ts-ignore: decorator\n@inline function twice(x: i32): i32 { return x + x; }\ntwice(a);\n";
    const [result] = await eslint.lintText(source, { filePath: 'assembly/probe.ts' });
    expect(result.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['layers/layer-imports', 1, 19]]);
  });
});
