/** axe-core's accessibility check of a page, for the e2e tests: the serious and critical problems, one line each. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core in `page` and lists its serious and critical violations ("id (impact): target — summary [n]"). */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, so the page's script policy does not apply to the injected checker.
  return page.evaluate(async (source) => {
    (0, eval)(source);
    const axe = (
      globalThis as unknown as {
        axe: {
          run(o: object): Promise<{
            violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[]; failureSummary: string }> }>;
          }>;
        };
      }
    ).axe;
    const result = await axe.run({ resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.nodes
            .slice(0, 3)
            .map((n) => `${n.target.join(' ')} — ${n.failureSummary.split('\n')[1] ?? ''}`)
            .join(' | ')} [${v.nodes.length}]`,
      );
  }, axeSource);
}
