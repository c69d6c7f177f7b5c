/** `descent bench --only`: only the chosen rows are measured and printed; an unknown group is refused before any. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDescent } from '../support/descent-cli';

const home = mkdtempSync(join(tmpdir(), 'descent-bench-only-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('descent bench --only', () => {
  it('measures only the chosen group: --only evaluate prints the evaluation row and nothing else', () => {
    const result = runDescent(home, ['bench', '--only', 'evaluate', '--repeats', '1', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const figures = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; figure: string; descent: number; samples: { descent: number[] } });
    expect(figures.map((f) => f.figure)).toEqual(['accuracy on all 70 000 images, float32']);
    expect(figures[0].type).toBe('bench');
    expect(figures[0].samples.descent).toHaveLength(1);
    expect(figures[0].descent).toBeGreaterThan(0);
  }, 180_000);

  it('refuses an unknown group (exit 2) naming the flag and the groups, before measuring anything', () => {
    const result = runDescent(home, ['bench', '--only', 'step,hidden', '--json']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      '--only: must be a comma-separated list of step, evaluate, numgrad, startup, whole, ui, load, got "step,hidden" (unknown: "hidden")',
    );
  });
});
