/**
 * The `descent train` flags of DESIGN.md's contract, turned into a run configuration through the one
 * shared schema, with errors that name the flag the user typed.
 */
import { Command, Option } from 'commander';
import {
  BOOK_DEFAULTS,
  DEFAULT_LOSS_TIMING,
  LIMITS,
  parseNumberInput as numeric,
  parseRunConfig,
  runConfigSchema,
  type ConfigIssue,
  type RunConfig,
} from '../../shared/config';

/** Bad input on the command line: exits with code 2 and this message. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Which flag sets which config field, for error messages. */
const FLAG_OF: Record<string, string> = {
  dataset: '--data',
  layers: '--layers',
  activation: '--activation',
  weightInit: '--init',
  loss: '--loss',
  gradient: '--gradient',
  learningRate: '--lr',
  batchSize: '--batch',
  iterations: '--iters',
  seed: '--seed',
  trainSize: '--train-size',
  dtype: '--dtype',
  lossTiming: '--loss-timing',
};

/** A config issue under the flag that set its field (`layersFlag`: --layers, or --hidden when the user gave that). */
function describeIssue(issue: ConfigIssue, layersFlag: string): string {
  const field = issue.field.split('.')[0];
  return `${field === 'layers' ? layersFlag : (FLAG_OF[field] ?? field)}: ${issue.message}`;
}

/** "--lr: must be …": a config issue in the words of the command line. */
export function describeForCli(issue: ConfigIssue): string {
  return describeIssue(issue, FLAG_OF.layers);
}

/** The values each enumerated flag accepts: the schema's, and `ce`, the command line's short name for `cross_entropy`. */
const { shape } = runConfigSchema;
export const FLAG_CHOICES = {
  activation: shape.activation.options,
  loss: ['ce', ...shape.loss.options],
  gradient: shape.gradient.options,
  dtype: shape.dtype.options,
  lossTiming: shape.lossTiming.unwrap().options,
} as const;

/**
 * The flags `train`, `sweep` and `gradcheck` share; values stay strings until `configFromFlags` checks them. With
 * `lists` (a sweep) any flag may list values, so the enumerated ones are checked value by value by the schema;
 * otherwise commander refuses a value outside the choices before anything runs (naming the flag and the choices).
 */
export function addTrainFlags(command: Command, { lists = false }: { lists?: boolean } = {}): Command {
  const oneOf = (flags: string, description: string, choices: readonly string[]): Option => {
    const option = new Option(flags, description);
    return lists ? option : option.choices(choices);
  };
  return command
    .addOption(new Option('--hidden <sizes>', 'hidden layer size(s), comma-separated (784-H-10)'))
    .addOption(new Option('--layers <sizes>', `all layer sizes, comma-separated (default ${BOOK_DEFAULTS.layers.join(',')})`))
    .addOption(oneOf('--activation <name>', 'hidden activation (default sigmoid)', FLAG_CHOICES.activation))
    .addOption(new Option('--init <std>', 'initial weight std (default 0.01), or xavier|he'))
    .addOption(oneOf('--loss <name>', 'loss: ce (cross-entropy) or mse (default ce)', FLAG_CHOICES.loss))
    .addOption(
      oneOf(
        '--gradient <method>',
        "gradient method (default analytic; numerical is the book's slow method)",
        FLAG_CHOICES.gradient,
      ),
    )
    .addOption(
      new Option('--lr <rate>', `learning rate, > ${LIMITS.learningRate.min} and ≤ ${LIMITS.learningRate.max} (default 0.1)`),
    )
    .addOption(new Option('--batch <size>', `mini-batch size, ${LIMITS.batchSize.min}–${LIMITS.batchSize.max} (default 100)`))
    .addOption(new Option('--iters <count>', `iterations, ${LIMITS.iterations.min}–${LIMITS.iterations.max} (default 10000)`))
    .addOption(new Option('--seed <n>', `seed, ${LIMITS.seed.min}–${LIMITS.seed.max} (default: random, recorded)`))
    .addOption(new Option('--train-size <n>', 'use only the first N training images (default: all)'))
    .addOption(oneOf('--dtype <type>', 'arithmetic (default float32)', FLAG_CHOICES.dtype))
    .addOption(
      oneOf(
        '--loss-timing <when>',
        `when each step's loss is measured (default ${DEFAULT_LOSS_TIMING}, the book's)`,
        FLAG_CHOICES.lossTiming,
      ),
    )
    .addOption(new Option('--data <dir>', 'folder with the four IDX files of another dataset (default: bundled MNIST)'));
}

/** Raw flag values as commander collects them. */
export interface TrainFlagValues {
  hidden?: string;
  layers?: string;
  activation?: string;
  init?: string;
  loss?: string;
  gradient?: string;
  lr?: string;
  batch?: string;
  iters?: string;
  seed?: string;
  trainSize?: string;
  dtype?: string;
  lossTiming?: string;
  data?: string;
}

function sizes(text: string): Array<number | string> {
  return text.split(',').map(numeric);
}

/** Layers from `--layers`, or `--hidden` between the default input and output sizes. */
function layersFrom(flags: TrainFlagValues, base: RunConfig): Array<number | string> | undefined {
  if (flags.layers !== undefined && flags.hidden !== undefined) {
    throw new UsageError('--hidden and --layers: give one or the other (--layers 784,50,10 or --hidden 50)');
  }
  if (flags.layers !== undefined) return sizes(flags.layers);
  if (flags.hidden !== undefined) {
    const [input] = base.layers;
    const output = base.layers[base.layers.length - 1];
    return [input, ...sizes(flags.hidden), output];
  }
  return undefined;
}

/**
 * The configuration the flags describe, on top of `base` (the book's defaults, or an earlier run's
 * configuration to train again with changes); throws UsageError naming the flag.
 */
export function configFromFlags(flags: TrainFlagValues, base: RunConfig = BOOK_DEFAULTS): RunConfig {
  const raw: Record<string, unknown> = { ...base };
  const set = (field: string, value: unknown): void => {
    if (value !== undefined) raw[field] = value;
  };
  set('layers', layersFrom(flags, base));
  set('activation', flags.activation);
  if (flags.init !== undefined) set('weightInit', ['xavier', 'he'].includes(flags.init) ? flags.init : numeric(flags.init));
  // `ce` is the command line's short name for the schema's `cross_entropy`.
  set('loss', flags.loss === 'ce' ? 'cross_entropy' : flags.loss);
  set('gradient', flags.gradient);
  set('learningRate', flags.lr === undefined ? undefined : numeric(flags.lr));
  set('batchSize', flags.batch === undefined ? undefined : numeric(flags.batch));
  set('iterations', flags.iters === undefined ? undefined : numeric(flags.iters));
  set('seed', flags.seed === undefined ? undefined : numeric(flags.seed));
  set('trainSize', flags.trainSize === undefined ? undefined : numeric(flags.trainSize));
  set('dtype', flags.dtype);
  set('lossTiming', flags.lossTiming);
  set('dataset', flags.data);
  const result = parseRunConfig(raw);
  // Layers the user gave as --hidden are refused in the words of --hidden.
  const layersFlag = flags.hidden !== undefined ? '--hidden' : FLAG_OF.layers;
  if (!result.ok) throw new UsageError(result.issues.map((issue) => describeIssue(issue, layersFlag)).join('\n'));
  return result.config;
}
