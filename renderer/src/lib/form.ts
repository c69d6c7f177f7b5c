/**
 * The run form's model: text as typed in every field, turned into a configuration by the shared schema,
 * with errors by field. Pure, unit-tested.
 */
import { BOOK_DEFAULTS, parseNumberInput, parseRunConfig, type ConfigIssue, type RunConfig } from '../../../shared/config';
import type { FormDraft } from '../../../shared/ui-state';
import { issueText } from './validation-text';

/** Every field as the user typed it (one schema with the saved page state: shared/ui-state.ts). */
export type FormFields = FormDraft;

/** The form showing `config` (the book's defaults unless given). */
export function fieldsFrom(config: RunConfig = BOOK_DEFAULTS): FormFields {
  return {
    dataset: config.dataset,
    input: String(config.layers[0]),
    output: String(config.layers[config.layers.length - 1]),
    hidden: config.layers.slice(1, -1).map(String),
    activation: config.activation,
    initKind: typeof config.weightInit === 'number' ? 'std' : config.weightInit,
    initStd: typeof config.weightInit === 'number' ? String(config.weightInit) : '0.01',
    loss: config.loss,
    gradient: config.gradient,
    learningRate: String(config.learningRate),
    batchSize: String(config.batchSize),
    iterations: String(config.iterations),
    seed: config.seed === undefined ? '' : String(config.seed),
    trainSize: config.trainSize === null ? '' : String(config.trainSize),
    dtype: config.dtype,
    lossTiming: config.lossTiming,
    name: '',
  };
}

/** The configuration the fields describe, or the problems by field (keys as in the schema). */
export function configFrom(fields: FormFields): { config: RunConfig | null; errors: Record<string, string> } {
  const raw = {
    dataset: fields.dataset.trim(),
    layers: [parseNumberInput(fields.input), ...fields.hidden.map(parseNumberInput), parseNumberInput(fields.output)],
    activation: fields.activation,
    weightInit: fields.initKind === 'std' ? parseNumberInput(fields.initStd) : fields.initKind,
    loss: fields.loss,
    gradient: fields.gradient,
    optimizer: 'sgd',
    learningRate: parseNumberInput(fields.learningRate),
    batchSize: parseNumberInput(fields.batchSize),
    iterations: parseNumberInput(fields.iterations),
    trainSize: fields.trainSize.trim() === '' ? null : parseNumberInput(fields.trainSize),
    dtype: fields.dtype,
    lossTiming: fields.lossTiming,
    ...(fields.seed.trim() === '' ? {} : { seed: parseNumberInput(fields.seed) }),
  };
  const result = parseRunConfig(raw);
  if (result.ok) return { config: result.config, errors: {} };
  return { config: null, errors: errorsByField(result.issues) };
}

/** The first message per top-level field ("layers.2" is reported on "layers"), in the page's language. */
function errorsByField(issues: ConfigIssue[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = issue.field.split('.')[0];
    errors[field] ??= issueText(issue);
  }
  return errors;
}

/** Weights and biases of a network with these layer sizes (39 760 for the book's 784-50-10). */
export function parameterCount(layers: readonly number[]): number {
  let parameters = 0;
  for (let l = 0; l + 1 < layers.length; l++) parameters += layers[l] * layers[l + 1] + layers[l + 1];
  return parameters;
}

/**
 * What the numerical gradient (central differences, `shared/engine/numerical-incremental.ts`) costs per parameter
 * and per image of the batch: its two loss evaluations per parameter recompute only what that parameter changes,
 * so the time grows with parameters × batch. Source: `npm run bench`, figure "numerical gradient, all 39 760
 * parameters, batch 100, float64" = 0.115 s (README, Performance, measured 2026-11-30); re-measure it there when the
 * engine changes.
 */
export const NUMERICAL_SECONDS_PER_PARAMETER_AND_IMAGE = 0.115 / (39_760 * 100);

/** Seconds one iteration with the numerical gradient takes for `config` on the reference machine. */
export function numericalSecondsPerIteration(config: Pick<RunConfig, 'layers' | 'batchSize'>): number {
  return NUMERICAL_SECONDS_PER_PARAMETER_AND_IMAGE * parameterCount(config.layers) * config.batchSize;
}
