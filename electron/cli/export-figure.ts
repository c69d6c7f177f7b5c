/**
 * `descent export --figure FILE <ids…>`: the compare view's report figure of some runs (SVG, PNG at 300 dpi or
 * PDF, by the file's extension), drawn headless by the renderer's own code — the built UI's figure page
 * (renderer/figure.html) in Chromium, driven by playwright-core — so that scripts make the very figure the UI
 * exports. The page is given the runs' records and histories as the UI's backend gives them (chart resolution),
 * the colours the UI draws them in, and the chart settings the compare view shows (the store's saved UI state)
 * unless flags say otherwise.
 */
import { existsSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import { Option, type Command } from 'commander';
import type { Browser } from 'playwright-core';
import {
  FIGURE_FORMATS,
  FIGURE_PRESET_NAMES,
  figureResultSchema,
  type FigureFormat,
  type FigureOptions,
  type FigurePresetName,
  type FigureRequest,
  type FigureResult,
} from '../../shared/figure-request';
import { errorMessage } from '../../shared/errors';
import { LOCALES, matchLocale, type Locale } from '../../shared/i18n/locales';
import { colourSlots } from '../../shared/run-colour';
import { BAND_KINDS, type BandKind } from '../../shared/stats/curve-band';
import { chartPrefsSchema, type ChartPrefs } from '../../shared/ui-state';
import { buildRenderer, RENDERER_DIR, rendererBuildIsFresh } from '../core/renderer-build';
import { readUiState } from '../core/store/ui-state-file';
import { printable } from './format';
import { writeOutFile } from './out-file';
import { openStore } from './session';
import { resolveRun } from './store-commands';
import { UsageError } from './train-flags';

/** The environment variable (and flag) that names the Chromium to draw in. */
export const CHROMIUM_ENV = 'CHROMIUM_PATH';

/** Where Chromium or Chrome usually is, on Linux, macOS and Windows. */
const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  `${process.env.PROGRAMFILES ?? 'C:\\Program Files'}\\Google\\Chrome\\Application\\chrome.exe`,
];

/** How long drawing one figure may take (a long history at chart resolution takes a second or two). */
const FIGURE_TIMEOUT_MS = 120_000;

/** A made-up origin the figure page is served on (from the built UI's folder, by Playwright's routing): no server, no port. */
const ORIGIN = 'http://descent-figure.invalid';

export interface FigureFlags {
  readonly force: boolean;
  readonly options: FigureOptions;
  /** Chart settings given on the command line; the rest come from the store's saved UI state. */
  readonly chart: Partial<Pick<ChartPrefs, 'smoothing' | 'logY' | 'xAxis'>>;
  /** The Chromium to draw in (--chromium); else CHROMIUM_PATH, else the usual places. */
  readonly chromium: string | undefined;
  /** The figure's language (--locale); else the UI's saved choice, else the environment's (LANG). */
  readonly locale: Locale | undefined;
}

/** What commander gives for `descent export`'s figure flags. */
export interface FigureFlagValues {
  figure?: string;
  force?: boolean;
  size: FigurePresetName;
  panels?: boolean;
  caption: boolean;
  band: BandKind;
  smoothing?: string;
  xAxis?: ChartPrefs['xAxis'];
  logY?: boolean;
  chromium?: string;
  locale?: Locale;
}

/** `descent export`'s flags for `--figure`: the compare view's "Report figure" choices, the chart settings, the browser. */
export function addFigureFlags(command: Command): Command {
  return command
    .option(
      '--figure <file>',
      "the compare view's report figure of the runs, drawn headless in Chromium: FILE.svg, FILE.png (300 dpi) or FILE.pdf",
    )
    .addOption(
      new Option('--size <preset>', 'with --figure: single column (3.5 in), double column (7 in) or a 16:9 slide')
        .choices(FIGURE_PRESET_NAMES)
        .default('double'),
    )
    .option('--panels', "with --figure: add each run's loss panel (side by side, on the same scales)")
    .option('--no-caption', 'with --figure: leave out the caption table (what differs, final loss and accuracy)')
    .addOption(new Option('--band <kind>', "with --figure: repeat groups' band").choices(BAND_KINDS).default('sd'))
    .option('--smoothing <s>', 'with --figure: loss smoothing, 0–0.99 (default: as the compare view shows it)')
    .addOption(
      new Option('--x-axis <axis>', 'with --figure: x axis (default: as the compare view shows it)').choices(
        chartPrefsSchema.shape.xAxis.unwrap().options,
      ),
    )
    .option('--log-y', 'with --figure: the loss on a log scale (default: as the compare view shows it)')
    .addOption(
      new Option('--locale <locale>', "with --figure: the figure's language (default: the UI's choice, else $LANG's)").choices(
        LOCALES,
      ),
    )
    .option(
      '--chromium <path>',
      `with --figure: the Chromium or Chrome to draw in (default: $${CHROMIUM_ENV}, else the usual places)`,
    );
}

/** The figure flags checked (UsageError naming the flag and the range). */
export function figureFlagsFrom(flags: FigureFlagValues): FigureFlags {
  let smoothing: number | undefined;
  if (flags.smoothing !== undefined) {
    smoothing = Number(flags.smoothing);
    if (flags.smoothing.trim() === '' || !(smoothing >= 0 && smoothing <= 0.99))
      throw new UsageError(`--smoothing: must be a number from 0 to 0.99, got ${JSON.stringify(flags.smoothing)}`);
  }
  return {
    force: Boolean(flags.force),
    options: { preset: flags.size, panels: Boolean(flags.panels), caption: flags.caption, band: flags.band },
    chart: {
      ...(smoothing === undefined ? {} : { smoothing }),
      ...(flags.xAxis === undefined ? {} : { xAxis: flags.xAxis }),
      ...(flags.logY ? { logY: true } : {}),
    },
    chromium: flags.chromium,
    locale: flags.locale,
  };
}

/** The figure's format, from the file's extension. */
export function figureFormatOf(file: string): FigureFormat {
  const format = extname(file).slice(1).toLowerCase();
  if (!(FIGURE_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(
      `--figure: ${JSON.stringify(file)} must end in ${FIGURE_FORMATS.map((f) => `.${f}`).join(', ')} (the format follows the extension)`,
    );
  }
  return format as FigureFormat;
}

/** The Chromium to draw in: the flag's, CHROMIUM_PATH's, or the first of the usual places; an error saying how to name one. */
export function findChromium(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  candidates: readonly string[] = CHROMIUM_CANDIDATES,
): string {
  const named = flag ?? env[CHROMIUM_ENV];
  if (named !== undefined && named !== '') {
    if (!existsSync(named)) {
      throw new UsageError(`${flag !== undefined ? '--chromium' : CHROMIUM_ENV}: no browser at ${JSON.stringify(named)}`);
    }
    return named;
  }
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  throw new UsageError(
    `--figure draws the figure in Chromium (or Chrome), and none was found (looked at ${candidates.join(', ')}). ` +
      `Install it (Debian/Ubuntu: apt-get install chromium), or name one with --chromium PATH or ${CHROMIUM_ENV}=PATH.`,
  );
}

/** The request for the figure page: the runs as the UI's backend gives them, in the UI's colours, with the chart settings. */
async function figureRequest(refs: string[], format: FigureFormat, flags: FigureFlags): Promise<FigureRequest> {
  const store = openStore();
  const runs = refs.map((ref) => resolveRun(store, ref));
  const unique = [...new Map(runs.map((run) => [run.id, run])).values()];
  // Old runs without a stored colour take their place in the store's order of creation, as in the UI.
  const slots = colourSlots(store.list().runs);
  const saved = readUiState(store.home, (warning) => process.stderr.write(`warning: ${printable(warning)}\n`));
  const prefs = saved?.prefs;
  const metrics = await Promise.all(unique.map((run) => store.chartMetrics(run.id)));
  for (const m of metrics) for (const w of m.warnings) process.stderr.write(`warning: ${printable(w)}\n`);
  const environment = [process.env.LC_ALL, process.env.LC_MESSAGES, process.env.LANG].filter((v): v is string => !!v);
  return {
    format,
    locale: flags.locale ?? saved?.locale ?? matchLocale(environment),
    options: flags.options,
    chart: {
      smoothing: flags.chart.smoothing ?? prefs?.smoothing ?? 0.6,
      logY: flags.chart.logY ?? prefs?.logY ?? false,
      xAxis: flags.chart.xAxis ?? prefs?.xAxis ?? 'iteration',
    },
    runs: unique.map((record, i) => ({ record, metrics: metrics[i], colour: slots.get(record.id) ?? 0 })),
  };
}

/** The built UI's figure page, built first if the UI's sources changed since (as `descent serve` does). */
async function ensureFigurePage(): Promise<void> {
  if (rendererBuildIsFresh() && existsSync(resolve(RENDERER_DIR, 'figure.html'))) return;
  process.stderr.write('Building the UI…\n');
  try {
    await buildRenderer();
  } catch (error) {
    throw new Error(`the UI is not built and could not be built (${errorMessage(error)}): run npm run build:renderer`, {
      cause: error,
    });
  }
}

/** Draws the figure in a headless Chromium at `executablePath`. */
async function drawFigure(executablePath: string, request: FigureRequest): Promise<FigureResult> {
  const { chromium } = await import('playwright-core');
  const browser: Browser = await chromium.launch({
    executablePath,
    // Chromium will not start its sandbox as root (containers, CI); the page runs only the UI's own code on local data.
    args: [
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(FIGURE_TIMEOUT_MS);
    const problems: string[] = [];
    page.on('pageerror', (error) => void problems.push(error.message));
    const root = resolve(RENDERER_DIR);
    await page.route(`${ORIGIN}/**`, async (route) => {
      const path = resolve(root, `.${decodeURIComponent(new URL(route.request().url()).pathname)}`);
      if (!path.startsWith(root + sep) || !existsSync(path)) await route.fulfill({ status: 404 });
      else await route.fulfill({ path });
    });
    await page.goto(`${ORIGIN}/figure.html`);
    await page.waitForSelector('body[data-ready]', { state: 'attached' }).catch((error: unknown) => {
      throw new Error(`the figure page did not load: ${problems.join('; ') || errorMessage(error)}`, { cause: error });
    });
    const result: unknown = await page.evaluate(
      (req) => (globalThis as typeof globalThis & { descentFigure: (r: unknown) => Promise<unknown> }).descentFigure(req),
      request,
    );
    return figureResultSchema.parse(result);
  } finally {
    await browser.close();
  }
}

/** `descent export --figure FILE <ids…>`. */
export async function exportFigureCommand(file: string, refs: string[], flags: FigureFlags): Promise<void> {
  const format = figureFormatOf(file);
  const executablePath = findChromium(flags.chromium);
  if (!flags.force && existsSync(file)) throw new UsageError(`--figure: ${file} exists; add --force to replace it`);
  const request = await figureRequest(refs, format, flags);
  await ensureFigurePage();
  const result = await drawFigure(executablePath, request);
  const bytes = result.base64 ? Buffer.from(result.data, 'base64') : Buffer.from(result.data, 'utf8');
  writeOutFile(file, flags.force, (write) => write(bytes), '--figure');
  process.stderr.write(`wrote ${printable(file)} (${request.runs.length} runs, ${flags.options.preset})\n`);
}
