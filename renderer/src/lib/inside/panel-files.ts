/**
 * The files an Inside panel saves, one function per view: for a format, the file's name and content — a text
 * (CSV, JSON) or an SVG document to save as SVG or PNG. The panel only hands them to the API (figure.ts's
 * saveSvgDocument for pictures), so what each export holds is decided here, without the page.
 */
import type { MultiLayerNet } from '../../../../shared/engine/network';
import { decodeFloats } from '../../../../shared/inside/float-codec';
import type { InsideAnalysis, SnapshotWeights } from '../../../../shared/inside/inside-schemas';
import { strongestUnits } from '../../../../shared/inside/one-image';
import type { ExportFormat } from '../chart-export';
import { t } from '../i18n';
import { activationsCsv, analysisJson, confusionCsv, insideFileName, predictionsCsv, softmaxCsv } from './inside-export';
import { activationStripSvg, confusionSvg, softmaxSvg, tilesSvg, type FigureInk } from './inside-figures';
import { weightTiles, type TileScale } from './weight-tiles';

/** A file to save: text as it is, or an SVG document saved as SVG or drawn to PNG. */
export type InsideFile =
  | { readonly name: string; readonly mime: 'text/csv' | 'application/json'; readonly text: string }
  | { readonly name: string; readonly svg: string; readonly format: 'svg' | 'png' };

/** What every file of a panel names: its run and snapshot, and the colours of its pictures. */
export interface PanelContext {
  readonly runId: string;
  /** The run's id in the file name, the snapshot's iteration after it (null: the final weights). */
  readonly iteration: number | null;
  /** The run and snapshot in words, for figure titles ("lr 1, iteration 600 · epoch 10.00"). */
  readonly at: string;
  readonly ink: FigureInk;
}

/** How many of the strongest hidden units a picture numbers (as many as the view shows tiles of). */
export const STRONGEST_UNITS = 8;

const csv = (context: PanelContext, what: string, text: string): InsideFile => ({
  name: `${insideFileName(context.runId, context.iteration, what)}.csv`,
  mime: 'text/csv',
  text,
});
const json = (context: PanelContext, what: string, text: string): InsideFile => ({
  name: `${insideFileName(context.runId, context.iteration, what)}.json`,
  mime: 'application/json',
  text,
});
const picture = (context: PanelContext, what: string, svg: string, format: ExportFormat): InsideFile | null =>
  format === 'svg' || format === 'png' ? { name: insideFileName(context.runId, context.iteration, what), svg, format } : null;

/** The first-layer weights as a picture of every tile (no data file: the weights are the snapshot's own files). */
export function weightsFile(
  context: PanelContext,
  weights: SnapshotWeights,
  scale: TileScale,
  format: ExportFormat,
): InsideFile | null {
  const w1 = weights.parameters[0];
  const tiles = weightTiles(decodeFloats(w1.base64, weights.dtype), w1.rows, w1.cols, scale).map((tile, unit) => ({
    ...tile,
    label: t('inside.figure.tile', { unit: unit + 1 }),
  }));
  const svg = tilesSvg(tiles, Math.round(Math.sqrt(w1.rows)), {
    title: t('inside.figure.weights', { at: context.at }),
    columns: 10,
    ink: context.ink,
  });
  return picture(context, 'weights', svg, format);
}

/** The confusion matrix: its picture (counts or row %), its counts as CSV, the whole analysis as JSON. */
export function confusionFile(
  context: PanelContext,
  analysis: InsideAnalysis,
  normalised: boolean,
  format: ExportFormat,
): InsideFile | null {
  if (format === 'csv') return csv(context, 'confusion', confusionCsv(analysis.confusion));
  if (format === 'json') return json(context, 'predictions', analysisJson(context.runId, analysis));
  const svg = confusionSvg(analysis.confusion, {
    title: t('inside.figure.confusion', { at: context.at }),
    normalised,
    ink: context.ink,
    xLabel: normalised ? t('inside.figure.predictedShare') : t('inside.figure.predicted'),
    yLabel: t('inside.figure.trueClass'),
  });
  return picture(context, 'confusion', svg, format);
}

/** Every test image's true and predicted class as CSV. */
export function predictionsFile(context: PanelContext, analysis: InsideAnalysis): InsideFile {
  return csv(context, 'predictions', predictionsCsv(analysis));
}

/** The drawing's softmax output: bars, CSV, or JSON with the 784 input values. */
export function predictionFile(
  context: PanelContext,
  runName: string,
  input: ArrayLike<number>,
  probabilities: number[],
  format: ExportFormat,
): InsideFile | null {
  const groups = [{ name: runName, probabilities }];
  if (format === 'csv') return csv(context, 'drawing-softmax', softmaxCsv(groups));
  if (format === 'json') {
    const predicted = probabilities.indexOf(Math.max(...probabilities));
    const data = { runId: context.runId, iteration: context.iteration, input: Array.from(input), predicted, probabilities };
    return json(context, 'drawing-softmax', `${JSON.stringify(data, null, 1)}\n`);
  }
  const svg = softmaxSvg(groups, { title: t('inside.figure.prediction', { at: context.at }), ink: context.ink });
  return picture(context, 'drawing-softmax', svg, format);
}

/** The hidden units' activations for the drawing: the strip (strongest units numbered) or CSV. */
export function activationsFile(
  context: PanelContext,
  network: MultiLayerNet,
  activations: readonly number[],
  format: ExportFormat,
): InsideFile | null {
  if (format === 'csv') return csv(context, 'activations', activationsCsv(activations));
  const svg = activationStripSvg(activations, {
    activation: network.spec.activation,
    marked: strongestUnits(activations, STRONGEST_UNITS).map((s) => s.unit),
    ink: context.ink,
    unitName: t('inside.hidden.unit'),
    title: t('inside.figure.activations', { at: context.at }),
  });
  return picture(context, 'activations', svg, format);
}
