/** "Export as code": the matplotlib script redraws the chart (run with Debian's python3-matplotlib when installed). */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { ChartLook, Series } from '../../../renderer/src/lib/chart-setup';
import { matplotlibScript, pgfplotsTex, plottedPointsCsv } from '../../../renderer/src/lib/figure-code';

const series: Series[] = [
  {
    label: 'lr 0.1 (raw)',
    color: '#0072b2',
    points: [
      { x: 0, y: 2.3 },
      { x: 1, y: 2.1 },
    ],
    faint: true,
    unlisted: true,
  },
  {
    label: 'lr 0.1',
    color: '#0072b2',
    points: [
      { x: 0, y: 2.3 },
      { x: 1, y: 2.2 },
    ],
  },
  {
    label: 'lr_1, "fast"',
    color: '#d55e00',
    points: [
      { x: 0, y: 2.3 },
      { x: 1, y: Number.NaN },
      { x: 2, y: 0.5 },
    ],
    dashed: true,
  },
];
const look: ChartLook = { xLabel: 'iteration', yLabel: 'loss', logY: true };
const matplotlib = spawnSync('/usr/bin/python3', ['-c', 'import matplotlib'], { encoding: 'utf8' }).status === 0;
/** A TeX that can compile the pgfplots file: pdflatex with the standalone class and pgfplots (Debian: see below). */
const texReady =
  spawnSync('kpsewhich', ['standalone.cls', 'pgfplots.sty'], { encoding: 'utf8' }).stdout?.trim().split('\n').length === 2 &&
  spawnSync('pdflatex', ['--version']).status === 0;
const TEX_TEST = texReady
  ? "pgfplots: the .tex compiles with pdflatex into one page whose text is the chart's"
  : 'pgfplots: the .tex compiles with pdflatex — SKIPPED: no pdflatex with standalone.cls and pgfplots.sty here ' +
    '(Debian: apt-get install texlive-latex-base texlive-pictures texlive-latex-extra)';

describe('export as code', () => {
  it("the CSV has every plotted point with its line's label, colour and style (points without a number left out)", () => {
    expect(plottedPointsCsv(series).trim().split('\n')).toEqual([
      'series,color,dashed,faint,listed,x,y',
      'lr 0.1 (raw),#0072b2,0,1,0,0,2.3',
      'lr 0.1 (raw),#0072b2,0,1,0,1,2.1',
      'lr 0.1,#0072b2,0,0,1,0,2.3',
      'lr 0.1,#0072b2,0,0,1,1,2.2',
      '"lr_1, ""fast""",#d55e00,1,0,1,0,2.3',
      '"lr_1, ""fast""",#d55e00,1,0,1,2,0.5',
    ]);
  });

  it('pgfplots: one \\addplot per line, legend entries for listed lines only, TeX characters escaped', () => {
    const texText = pgfplotsTex(series, look, 'Loss per iteration', '784-50-10 sigmoid · seed 3');
    expect(texText.match(/\\addplot\[/g)).toHaveLength(3);
    expect(texText.match(/\\addlegendentry/g)).toHaveLength(2);
    expect(texText).toContain('\\addlegendentry{lr\\_1, "fast"}');
    expect(texText).toContain('coordinates {(0,2.3) (2,0.5)}');
    expect(texText).toContain('ymode=log');
    expect(texText).toContain('\\definecolor{line2}{HTML}{D55E00}');
  });

  it.skipIf(!texReady)(TEX_TEST, () => {
    const dir = mkdtempSync(join(tmpdir(), 'descent-pgfplots-'));
    try {
      // Every kind of line the charts draw: faint and unlisted, dashed, with markers; a log axis, a fixed range,
      // ticks at swept values, TeX's special characters in labels and the subtitle's middle dot.
      const lines: Series[] = [
        ...series,
        { label: '50% & #2 ~ $x^2$', color: '#009e73', points: [{ x: 1, y: 1 }], markers: true },
      ];
      const texText = pgfplotsTex(
        lines,
        { ...look, logX: true, xTicks: [1, 2], yRange: { min: 0.1, max: 10 } },
        'Loss per iteration',
        '784-50-10 sigmoid · seed 3',
      );
      writeFileSync(join(dir, 'loss.tex'), texText);
      const run = spawnSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', '-no-shell-escape', 'loss.tex'], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(
        run.status,
        run.stdout
          .split('\n')
          .filter((l) => l.startsWith('!'))
          .join('\n'),
      ).toBe(0);
      expect(readFileSync(join(dir, 'loss.pdf')).toString('latin1', 0, 5)).toBe('%PDF-');
      // Poppler's tools (Debian's poppler-utils), where installed: one page, and the chart's words as text.
      const info = spawnSync('pdfinfo', [join(dir, 'loss.pdf')], { encoding: 'utf8' });
      if (!info.error) expect(info.stdout).toMatch(/^Pages:\s+1$/m);
      const text = spawnSync('pdftotext', [join(dir, 'loss.pdf'), '-'], { encoding: 'utf8' });
      if (!text.error)
        for (const word of ['Loss per iteration', 'iteration', 'lr 0.1', 'fast', '50% & #2']) expect(text.stdout).toContain(word);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!matplotlib)('the script redraws the chart with matplotlib into a PDF and a 300 dpi PNG', () => {
    const dir = mkdtempSync(join(tmpdir(), 'descent-figure-code-'));
    try {
      writeFileSync(join(dir, 'loss.csv'), plottedPointsCsv(series));
      writeFileSync(join(dir, 'loss.py'), matplotlibScript(look, 'Loss per iteration', '784-50-10 sigmoid · seed 3', 'loss.csv'));
      const run = spawnSync('/usr/bin/python3', [join(dir, 'loss.py')], {
        encoding: 'utf8',
        env: { ...process.env, MPLCONFIGDIR: dir },
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(existsSync(join(dir, 'loss.pdf'))).toBe(true);
      const png = PNG.sync.read(readFileSync(join(dir, 'loss.png')));
      expect([png.width, png.height]).toEqual([2100, 1260]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
