/**
 * `descent predict <id> <image.png|index>… [--epoch N] [--json]`: what a run's network says of pictures and
 * of test images. A picture goes through the drawing canvas's own path (image-ink.ts, then centreLikeMnist:
 * the ink's box scaled to 20×20, its centre of mass at the centre of 28×28); a test image (a whole number:
 * its index in the run's test set) is used as stored, as the Inside view's "Use test image" does.
 */
import { InsideService } from '../core/inside-service';
import { PngInputError, readPng } from '../core/inside-png';
import { safeJson, table } from './format';
import { snapshotAt } from './inspect-command';
import { openStore } from './session';
import { resolveRun } from './store-commands';
import { UsageError } from './train-flags';
import { argmax } from '../../shared/engine/tensor';
import { inkOf } from '../../shared/inside/image-ink';
import { centreLikeMnist } from '../../shared/inside/mnist-centring';
import { predictOne } from '../../shared/inside/one-image';
import { decodeBytes } from '../../shared/inside/float-codec';
import { TEST_IMAGES_MAX, type PredictOutput, type Prediction } from '../../shared/inside/inside-schemas';

/** An argument of digits only is a test image's index; anything else a path (./7 for a file named 7). */
const INDEX = /^\d+$/;

/** One input ready for the network: the argument, its 784 values in [0, 1], and a test image's label. */
interface Input {
  readonly arg: string;
  readonly source: Prediction['source'];
  readonly values: ArrayLike<number>;
  readonly label: number | null;
}

/** The picture at `path` as the network's input, or a usage error naming the argument. */
function pictureInput(path: string): Input {
  try {
    return { arg: path, source: 'png', values: centreLikeMnist(inkOf(readPng(path))), label: null };
  } catch (error) {
    if (error instanceof PngInputError) throw new UsageError(`<image> ${JSON.stringify(path)}: ${error.message}`);
    throw error;
  }
}

/** Test images at the given indices (arguments as typed), each checked against the test set's size first. */
async function testInputs(inside: InsideService, runId: string, args: string[]): Promise<Map<string, Input>> {
  if (args.length === 0) return new Map();
  const count = inside.testImageCount(runId);
  const bad = args.find((a) => Number(a) >= count);
  if (bad !== undefined)
    throw new UsageError(`<image> ${bad}: no such test image (the run's test set has images 0…${count - 1})`);
  const indices = [...new Set(args.map(Number))];
  const inputs = new Map<number, Input>();
  for (let start = 0; start < indices.length; start += TEST_IMAGES_MAX) {
    const images = await inside.testImages(runId, indices.slice(start, start + TEST_IMAGES_MAX));
    for (const image of images.images) {
      const values = Float64Array.from(decodeBytes(image.base64), (v) => v / 255);
      inputs.set(image.index, { arg: String(image.index), source: 'test-image', values, label: image.label });
    }
  }
  return new Map(args.map((arg) => [arg, { ...inputs.get(Number(arg))!, arg }]));
}

/** Every input's prediction by the run's snapshot at `epoch` (the last one if not given). */
export async function predict(ref: string, args: string[], epoch: number | undefined): Promise<PredictOutput> {
  const store = openStore();
  const run = resolveRun(store, ref);
  const inside = new InsideService(store);
  const snapshot = snapshotAt(inside.listSnapshots(run.id).snapshots, epoch, run.id);
  // Pictures first: a wrong path is reported before the test set is read.
  const pictures = new Map(args.filter((a) => !INDEX.test(a)).map((a) => [a, pictureInput(a)]));
  const tests = await testInputs(
    inside,
    run.id,
    args.filter((a) => INDEX.test(a)),
  );
  const network = inside.network(run.id, snapshot.iteration);
  const inputs = run.config.layers[0];
  const predictions = args.map((arg): Prediction => {
    const input = pictures.get(arg) ?? tests.get(arg)!;
    if (input.values.length !== inputs)
      throw new UsageError(
        `<image> ${JSON.stringify(arg)}: the run's network takes ${inputs} inputs, not ${input.values.length}`,
      );
    const probabilities = predictOne(network, input.values);
    return { input: arg, source: input.source, label: input.label, predicted: argmax(probabilities), probabilities };
  });
  return { runId: run.id, iteration: snapshot.iteration, epoch: snapshot.epoch, predictions };
}

const percent = (p: number): string => `${(p * 100).toFixed(1)}%`;

export async function predictCommand(ref: string, args: string[], options: { epoch?: number; json: boolean }): Promise<void> {
  const result = await predict(ref, args, options.epoch);
  if (options.json) return void process.stdout.write(`${safeJson(result)}\n`);
  const at = result.iteration === null ? 'its final weights' : `iteration ${result.iteration}`;
  const classes = result.predictions[0]?.probabilities.length ?? 0;
  process.stdout.write(`Predictions of ${result.runId} at ${at}\n`);
  process.stdout.write(
    `${table([
      ['input', 'label', 'predicted', ...Array.from({ length: classes }, (_, c) => `p(${c})`)],
      ...result.predictions.map((p) => [
        p.source === 'test-image' ? `test image ${p.input}` : p.input,
        p.label === null ? '' : String(p.label),
        String(p.predicted),
        ...p.probabilities.map(percent),
      ]),
    ])}\n`,
  );
}
