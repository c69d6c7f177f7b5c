/**
 * The run configuration: one schema for the UI form, IPC payloads, CLI flags and `run.json`, with the
 * book's defaults (`train_neuralnet.py`). Every field has a documented range, and every error names
 * the field, the value it got and what it accepts.
 */
import { z } from 'zod';
import { MAX_SEED } from './engine/rng';
import { bytesPerElement } from './engine/tensor';
import { LOSS_TIMINGS, type LossTiming } from './engine/types';

export { LOSS_TIMINGS, type LossTiming };

/**
 * The default: the book's timing, so that a seeded run's loss list is `train_neuralnet.py`'s
 * `train_loss_list` (README, "Loss timing"); it costs one forward pass of the batch per step.
 */
export const DEFAULT_LOSS_TIMING: LossTiming = 'after-update';

/** Limits of each numeric field; shown in error messages, the CLI help and the UI. */
export const LIMITS = {
  layerCount: { min: 2, max: 8 },
  layerWidth: { min: 1, max: 16384 },
  learningRate: { min: 0, max: 1000 },
  batchSize: { min: 1, max: 60000 },
  iterations: { min: 1, max: 10_000_000 },
  seed: { min: 0, max: MAX_SEED },
  trainSize: { min: 1, max: 10_000_000 },
  weightInitStd: { min: 0, max: 10 },
  /** The memory a run may plan to use for its parameters, gradients and batch buffers. */
  memoryBytes: 4 * 1024 ** 3,
} as const;

const int = (min: number, max: number) => {
  const error = (issue: { input?: unknown }): string => `must be a whole number from ${min} to ${max}, got ${show(issue.input)}`;
  return z.number({ error }).refine((v) => Number.isInteger(v) && v >= min && v <= max, { error });
};

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (issue) => `must be one of ${values.join(', ')}, got ${show(issue.input)}` });

const learningRateError = (issue: { input?: unknown }): string =>
  `must be a number greater than ${LIMITS.learningRate.min} and at most ${LIMITS.learningRate.max}, got ${show(issue.input)}`;
const weightInitError = (issue: { input?: unknown }): string =>
  `must be a standard deviation greater than ${LIMITS.weightInitStd.min} and at most ${LIMITS.weightInitStd.max}, ` +
  `or "xavier" or "he", got ${show(issue.input)}`;
const layerCountError = `needs ${LIMITS.layerCount.min} to ${LIMITS.layerCount.max} sizes (input, hidden…, output)`;

/** The schema of a run's configuration. Parse with `parseRunConfig` for readable errors. */
export const runConfigSchema = z
  .strictObject(
    {
      /** `mnist` (bundled) or a folder holding the four IDX files of another dataset. */
      dataset: z
        .string({ error: (i) => `must be "mnist" or a folder path, got ${show(i.input)}` })
        .min(1, { error: 'must be "mnist" or a folder path, got an empty string' })
        .max(4096, { error: 'a folder path may have at most 4096 characters' }),
      layers: z
        .array(int(LIMITS.layerWidth.min, LIMITS.layerWidth.max), {
          error: (i) => `must be a list of layer sizes, got ${show(i.input)}`,
        })
        .min(LIMITS.layerCount.min, { error: layerCountError })
        .max(LIMITS.layerCount.max, { error: layerCountError }),
      activation: oneOf(['sigmoid', 'relu', 'step']),
      weightInit: z.union(
        [
          // A number that is out of range fails inside the union, so it carries the message too.
          z.number().refine((v) => v > LIMITS.weightInitStd.min && v <= LIMITS.weightInitStd.max, { error: weightInitError }),
          z.enum(['xavier', 'he']),
        ],
        { error: weightInitError },
      ),
      loss: oneOf(['cross_entropy', 'mse']),
      gradient: oneOf(['analytic', 'numerical']),
      optimizer: oneOf(['sgd']),
      learningRate: z
        .number({ error: learningRateError })
        .refine((v) => v > LIMITS.learningRate.min && v <= LIMITS.learningRate.max, { error: learningRateError }),
      batchSize: int(LIMITS.batchSize.min, LIMITS.batchSize.max),
      iterations: int(LIMITS.iterations.min, LIMITS.iterations.max),
      seed: int(LIMITS.seed.min, LIMITS.seed.max).optional(),
      trainSize: int(LIMITS.trainSize.min, LIMITS.trainSize.max).nullable(),
      dtype: oneOf(['float32', 'float64']),
      /** When each step's loss is measured; `after-update` (the book's) unless given. */
      lossTiming: oneOf(LOSS_TIMINGS).default(DEFAULT_LOSS_TIMING),
    },
    {
      error: (i) =>
        i.code === 'unrecognized_keys' ? `unknown field(s): ${i.keys.join(', ')}` : `must be an object, got ${show(i.input)}`,
    },
  )
  .superRefine((config, ctx) => {
    // A batch size or layer out of its range has its own error (field and range); the memory a nonsense size
    // would need ("3.3e+90 TiB" for batch 1e99) says nothing more.
    const within = (v: number, range: { min: number; max: number }) => Number.isInteger(v) && v >= range.min && v <= range.max;
    if (!within(config.batchSize, LIMITS.batchSize) || !config.layers.every((w) => within(w, LIMITS.layerWidth))) return;
    const bytes = estimateMemoryBytes(config);
    if (bytes > LIMITS.memoryBytes) {
      ctx.addIssue({
        code: 'custom',
        path: ['layers'],
        // For messages in other words (the UI's languages): what the English one says.
        params: { memoryBytes: bytes, network: config.layers.join('-'), batch: config.batchSize, dtype: config.dtype },
        message:
          `a ${config.layers.join('-')} network with batch ${config.batchSize} in ${config.dtype} needs about ` +
          `${formatBytes(bytes)}, more than the ${formatBytes(LIMITS.memoryBytes)} a run may use`,
      });
    }
  });

/**
 * A configuration as `run.json` holds it. Runs stored before `lossTiming` existed recorded the loss before
 * the update, so a stored configuration without the field reads as `before-update`, never as the default.
 */
export const storedRunConfigSchema = z.preprocess(
  (value) =>
    typeof value === 'object' && value !== null && !Array.isArray(value) && !('lossTiming' in value)
      ? { ...value, lossTiming: 'before-update' }
      : value,
  runConfigSchema,
);

/** A validated run configuration (the seed may still be unset: it is picked when the run starts). */
export type RunConfig = z.infer<typeof runConfigSchema>;

/** The book's defaults: `TwoLayerNet(784, 50, 10)` trained as in `train_neuralnet.py`. */
export const BOOK_DEFAULTS: RunConfig = Object.freeze({
  dataset: 'mnist',
  layers: [784, 50, 10],
  activation: 'sigmoid',
  weightInit: 0.01,
  loss: 'cross_entropy',
  gradient: 'analytic',
  optimizer: 'sgd',
  learningRate: 0.1,
  batchSize: 100,
  iterations: 10000,
  trainSize: null,
  dtype: 'float32',
  lossTiming: DEFAULT_LOSS_TIMING,
}) as RunConfig;

/** One problem with a configuration: the field (dotted path) and what it accepts and got. */
export interface ConfigIssue {
  /** Dotted path of the field, e.g. `learningRate` or `layers.1`; `config` for the whole object. */
  readonly field: string;
  /** What the field accepts and the value it got, e.g. "must be a whole number from 1 to 60000, got 0". */
  readonly message: string;
  /** The value the field had, for a message in other words (the UI's languages); absent where none was given. */
  readonly input?: unknown;
  /** Zod's issue code (`too_small` on `layers`: too few sizes) and a custom issue's params (the memory limit's numbers). */
  readonly code?: string;
  readonly params?: Readonly<Record<string, unknown>>;
  /** The values a field of fixed choices accepts. */
  readonly allowed?: readonly unknown[];
}

/** "learningRate: must be …": an issue as one line. */
export function describeIssue(issue: ConfigIssue): string {
  return `${issue.field}: ${issue.message}`;
}

/** Either a valid configuration or every problem found in the input. */
export type ConfigResult = { ok: true; config: RunConfig } | { ok: false; issues: ConfigIssue[] };

/** Validates `input` (defaults are not filled in: merge with `BOOK_DEFAULTS` first where wanted). */
export function parseRunConfig(input: unknown): ConfigResult {
  const result = runConfigSchema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, config: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({
      field: issue.path.map(String).join('.') || 'config',
      message: issue.message,
      input: issue.input,
      code: issue.code,
      ...(issue.code === 'custom' && issue.params ? { params: issue.params } : {}),
      ...(issue.code === 'invalid_value' ? { allowed: issue.values } : {}),
    })),
  };
}

/** Bytes a run plans to hold: parameters and gradients, plus activations and deltas of a batch. */
export function estimateMemoryBytes(config: Pick<RunConfig, 'layers' | 'batchSize' | 'dtype'>): number {
  const { layers, batchSize, dtype } = config;
  let parameters = 0;
  let activations = layers[0] ?? 0;
  for (let l = 0; l + 1 < layers.length; l++) {
    parameters += layers[l] * layers[l + 1] + layers[l + 1];
    activations += 2 * layers[l + 1];
  }
  return bytesPerElement(dtype) * (2 * parameters + batchSize * activations);
}

/** "1.5 GiB", "12.0 MiB": sizes for messages. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}

/** A value as it should appear in an error message: strings quoted, long values cut. */
export function show(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value);
  else if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) text = String(value);
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = Object.prototype.toString.call(value);
    }
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * A number as a person types it — `1e-3`, `0.1`, `100` — or the text unchanged if it is not one, so
 * that validation reports it with the allowed range ("must be a number …, got "abc"").
 */
export function parseNumberInput(text: string): number | string {
  const trimmed = text.trim();
  if (trimmed === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(trimmed)) return text;
  return Number(trimmed);
}
