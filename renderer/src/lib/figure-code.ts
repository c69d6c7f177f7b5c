/**
 * "Export as code": a chart as a Python script (matplotlib) with the CSV of its plotted points, and as a
 * pgfplots/TikZ file for LaTeX, so people who restyle figures themselves start from the figure as shown.
 * Pure: text in, text out.
 */
import { csvField } from '../../../shared/export';
import type { ChartLook, Series } from './chart-setup';

/** The plotted points, one row per point: series label, its colour and style, x, y. */
export function plottedPointsCsv(series: readonly Series[]): string {
  const lines = ['series,color,dashed,faint,listed,x,y'];
  for (const s of series) {
    const head = [csvField(s.label), s.color, s.dashed ? 1 : 0, s.faint ? 1 : 0, s.unlisted ? 0 : 1].join(',');
    for (const p of s.points) if (Number.isFinite(p.x) && Number.isFinite(p.y)) lines.push(`${head},${p.x},${p.y}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A Python string literal (repr-safe for any text). */
const py = (text: string) => JSON.stringify(text);

/**
 * A matplotlib script that reads `csvName` (plottedPointsCsv) from its own folder and draws the chart as
 * shown — same lines, colours, dashes, axes, scales and titles — into `<script name>.pdf` and `.png`.
 */
export function matplotlibScript(look: ChartLook, title: string, subtitle: string, csvName: string): string {
  const yLimits = look.yRange ? `ax.set_ylim(${look.yRange.min}, ${look.yRange.max})\n` : '';
  const xTicks = look.xTicks
    ? `ax.set_xticks([${look.xTicks.join(', ')}])\nax.set_xticklabels([${look.xTicks.map((t) => py(String(t))).join(', ')}])\n`
    : '';
  return `#!/usr/bin/env python3
"""Redraws a Descent chart: ${title.replace(/"/g, "'")}. Needs matplotlib; reads ${csvName} from this folder.

The CSV holds the points as plotted: long curves reduced to the first, lowest, highest and last point of
each pixel column (every spike kept). For every recorded value, export the chart's CSV from Descent."""
import csv
import os

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

HERE = os.path.dirname(os.path.abspath(__file__))
lines = {}
with open(os.path.join(HERE, ${py(csvName)}), newline="", encoding="utf-8") as f:
    for row in csv.DictReader(f):
        line = lines.setdefault(row["series"], {"color": row["color"], "dashed": row["dashed"] == "1",
                                                "faint": row["faint"] == "1", "listed": row["listed"] == "1", "x": [], "y": []})
        line["x"].append(float(row["x"]))
        line["y"].append(float(row["y"]))

fig, ax = plt.subplots(figsize=(7, 4.2), layout="constrained")
for label, line in lines.items():
    ax.plot(line["x"], line["y"], color=line["color"], linestyle="--" if line["dashed"] else "-",
            linewidth=0.8 if line["faint"] else 1.5, alpha=0.3 if line["faint"] else 1.0,
            label=label if line["listed"] else "_nolegend_")
ax.set_xlabel(${py(look.xLabel)})
ax.set_ylabel(${py(look.yLabel)})
${look.logX ? 'ax.set_xscale("log")\n' : ''}${look.logY ? 'ax.set_yscale("log")\n' : ''}${yLimits}${xTicks}ax.grid(True, alpha=0.3)
fig.suptitle(${py(title)}, fontweight="bold")
ax.set_title(${py(subtitle)}, fontsize="small")
${look.noLegend ? '' : 'ax.legend(fontsize="small")\n'}stem = os.path.splitext(os.path.abspath(__file__))[0]
fig.savefig(stem + ".pdf")
fig.savefig(stem + ".png", dpi=300)
print("wrote", stem + ".pdf", "and", stem + ".png")
`;
}

/** TeX special characters escaped for text in a pgfplots file. */
const tex = (text: string) =>
  text.replace(/[\\{}$&#%_^~]/g, (c) =>
    c === '\\' ? '\\textbackslash{}' : c === '~' ? '\\textasciitilde{}' : c === '^' ? '\\textasciicircum{}' : `\\${c}`,
  );

/** A standalone LaTeX file drawing the chart with pgfplots: one \addplot of coordinates per line. */
export function pgfplotsTex(series: readonly Series[], look: ChartLook, title: string, subtitle: string): string {
  const colours = series.map((s, i) => `\\definecolor{line${i}}{HTML}{${s.color.slice(1).toUpperCase()}}`);
  const plots = series.map((s, i) => {
    const style = [
      `color=line${i}`,
      s.dashed ? 'dashed' : 'solid',
      s.faint ? 'opacity=0.3, line width=0.4pt' : 'line width=0.9pt',
      s.markers ? 'mark=*, mark size=1pt' : 'mark=none',
    ];
    const points = s.points
      .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y))
      .map((p) => `(${p.x},${p.y})`)
      .join(' ');
    return `\\addplot[${style.join(', ')}${s.unlisted ? ', forget plot' : ''}] coordinates {${points}};${s.unlisted ? '' : `\n\\addlegendentry{${tex(s.label)}}`}`;
  });
  const axis = [
    `title={${tex(title)}\\\\{\\small ${tex(subtitle)}}}`,
    'title style={align=center}',
    `xlabel={${tex(look.xLabel)}}`,
    `ylabel={${tex(look.yLabel)}}`,
    look.logX ? 'xmode=log' : '',
    look.logY ? 'ymode=log' : '',
    look.yRange ? `ymin=${look.yRange.min}, ymax=${look.yRange.max}` : '',
    look.xTicks ? `xtick={${look.xTicks.join(',')}}, xticklabels={${look.xTicks.join(',')}}` : '',
    'grid=major',
    'width=12cm, height=7cm',
    'legend pos=outer north east',
    'legend style={font=\\small}',
  ].filter(Boolean);
  return `% A Descent chart as pgfplots: pdflatex this file, or copy the axis into your document.
\\documentclass{standalone}
\\usepackage{pgfplots}
\\pgfplotsset{compat=1.16}
${colours.join('\n')}
\\begin{document}
\\begin{tikzpicture}
\\begin{axis}[${axis.join(', ')}]
${plots.join('\n')}
\\end{axis}
\\end{tikzpicture}
\\end{document}
`;
}
