/**
 * The engine's modules import one another without cycles (type imports included): types.ts at the bottom,
 * the products (Kernels) apart from the whole-step backend (TrainingBackend), best-engine.ts on top.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ENGINE = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/engine');

/** Every .ts file below `folder`. */
function sources(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(folder, entry.name)) : entry.name.endsWith('.ts') ? [join(folder, entry.name)] : [],
  );
}

/** The engine modules `file` imports (relative imports that stay inside the engine). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^(?:import|export)\b[^;]*?from '(\.{1,2}\/[^']+)'/gms)]
    .map((match) => resolve(dirname(file), `${match[1]}.ts`))
    .filter((target) => target.startsWith(ENGINE));
}

/** One cycle of the import graph (module → what it imports), as the modules along it, or null. */
function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string): string[] | null => {
    if (state.get(file) === 'done') return null;
    if (state.get(file) === 'open') return [...path.slice(path.indexOf(file)), file];
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(file, 'done');
    return null;
  };
  for (const file of graph.keys()) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return null;
}

describe('shared/engine imports', () => {
  const files = sources(ENGINE);
  const graph = new Map(files.map((file) => [relative(ENGINE, file), importsOf(file).map((f) => relative(ENGINE, f))]));

  it('form no cycle (kernel-set, network and the resident step included)', () => {
    expect(graph.get('network.ts')).toContain('kernel-set.ts');
    expect(findCycle(graph)).toBeNull();
  });

  it('the check reports a cycle where there is one', () => {
    const withCycle = new Map([...graph, ['types.ts', [...graph.get('types.ts')!, 'network.ts']]]);
    expect(findCycle(withCycle)).toEqual(expect.arrayContaining(['types.ts', 'network.ts']));
    expect(
      findCycle(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
        ]),
      ),
    ).toEqual(['a', 'b', 'c', 'a']);
  });

  it('types.ts imports nothing of the engine but the data shapes it names', () => {
    expect([...graph.get('types.ts')!].sort()).toEqual(['dataset.ts', 'tensor.ts']);
  });
});
