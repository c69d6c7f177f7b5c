/**
 * `WorkbenchApi`: everything the UI can ask of the backend, as one table of schemas — each method's
 * arguments and result — from which the types are derived (`z.infer`) and both transports are generated:
 * Electron IPC (preload ↔ main) and the browser bridge (`descent serve`, HTTP + WebSocket). Both validate
 * every call's arguments with the method's schema before anything happens; tests check every result
 * against its schema.
 */
import { z } from 'zod';
import { describeIssue, parseRunConfig, runConfigSchema, show, type RunConfig } from './config';
import { InvalidRequestError } from './errors';
import { failureSchema, type Failure, type FailureIssue } from './failure';
import { pickSeed } from './engine/rng';
import { repeatCountSchema, repeatOverSeeds, repeatSeeds } from './repeat-seeds';
import { isApiMethod, type ApiMethod } from './api-methods';
import { GRADIENT_CHECK_MAX_BATCH } from './engine/gradcheck';
import { epochMeasurementSchema, progressLineSchema, runMetricsSchema } from './metrics';
import { gradientCheckReportSchema } from './protocol';
import { runIdSchema, runRecordSchema } from './run-record';
import { runNameSchema, runNotesSchema, runTagsSchema } from './run-text';
import {
  insideAnalysisSchema,
  perClassHistorySchema,
  snapshotListSchema,
  snapshotRefSchema,
  snapshotWeightsSchema,
  testImageIndicesSchema,
  testImagesSchema,
} from './inside/inside-schemas';
import { uiStateSchema, VIEWS } from './ui-state';
import { SWEEP_PARAMETERS, type SweepParameter } from './sweep-parameters';
import { localeSchema } from './i18n/locales';
import { miniBatchRequestSchema, miniBatchStudySchema, weightLineRequestSchema, weightLineSchema } from './lab/lab-schemas';

export { runIdSchema } from './run-record';
export { runMetricsSchema, spreadTimes, type RunMetrics } from './metrics';
export { gradientCheckReportSchema, type GradientCheckReport } from './protocol';
export type { ApiMethod } from './api-methods';

const text = (max: number) => z.string().max(max, `at most ${max} characters`);

export const runMetadataSchema = z.strictObject({
  name: runNameSchema.optional(),
  tags: runTagsSchema.optional(),
  notes: runNotesSchema.optional(),
});

export const annotationSchema = z.strictObject({
  name: runNameSchema.min(1).optional(),
  tags: runTagsSchema.optional(),
  notes: runNotesSchema.optional(),
});

/** Name, tags and notes given to a new run (`startRun`), and a change to them (`annotateRun`). */
export type RunMetadataRequest = z.infer<typeof runMetadataSchema>;
export type Annotation = z.infer<typeof annotationSchema>;

/** Hyperparameters a sweep can vary (shared/sweep-parameters.ts); how a value changes a configuration is below. */
export { SWEEP_PARAMETERS, type SweepParameter } from './sweep-parameters';

/** Most runs trained at once, by a backend or by one sweep. */
export const MAX_PARALLEL_RUNS = 64;

export const sweepRequestSchema = z.strictObject({
  name: runNameSchema.min(1),
  base: runConfigSchema,
  parameter: z.enum(SWEEP_PARAMETERS),
  values: z.array(z.number().refine(Number.isFinite, 'must be finite')).min(1).max(50),
  /** Seeds every value is trained with, the same for every value (paired); 1 (one seed for the sweep) unless given. */
  repeat: repeatCountSchema.optional(),
  /** How many of the sweep's runs train at once; the backend's concurrency (AppInfo) unless given. */
  parallel: z.number().int().min(1).max(MAX_PARALLEL_RUNS).optional(),
});
export type SweepRequest = z.infer<typeof sweepRequestSchema>;

/** A file the UI wants saved: a chart (PNG bytes as base64, SVG text) or data (CSV, JSON). */
export const saveFileSchema = z.strictObject({
  suggestedName: text(200).regex(/^[^/\\:*?"<>|]+$/, 'must be a plain file name'),
  mime: z.enum([
    'image/png',
    'image/svg+xml',
    'application/pdf',
    'text/csv',
    'application/json',
    'text/x-python',
    'application/x-tex',
  ]),
  /** Text, or base64 for binary types. */
  data: z.string().max(64 * 1024 * 1024),
  base64: z.boolean(),
});
export type SaveFileRequest = z.infer<typeof saveFileSchema>;

/** About the backend the UI is talking to. */
export const appInfoSchema = z.strictObject({
  version: z.string(),
  transport: z.enum(['electron', 'browser']),
  /** The store's folder. */
  home: z.string(),
  /** Runs trained at once, and the machine's cores. */
  concurrency: z.number().int().min(1),
  cores: z.number().int().min(1),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** A run folder that could not be read, with the reason. */
export const damagedRunInfoSchema = z.strictObject({ id: z.string(), path: z.string(), reason: z.string() });
export type DamagedRunInfo = z.infer<typeof damagedRunInfoSchema>;

/** Every run's record, newest first, and the folders that could not be read. */
export const runListSchema = z.strictObject({ runs: z.array(runRecordSchema), damaged: z.array(damagedRunInfoSchema) });
export type RunList = z.infer<typeof runListSchema>;

/** Menu commands of the desktop app, sent to the page as events. */
// `export`: File › Export… opens the export dialog of the first chart the current view shows. A view's name (View ›
// Train, Runs, Lab…) shows that view; `new-run` shows the Train view's form.
export const MENU_COMMANDS = ['new-run', 'export', ...VIEWS] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Everything the backend tells subscribers. */
export const workbenchEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('run-added'), run: runRecordSchema }),
  z.strictObject({ type: z.literal('run-changed'), run: runRecordSchema }),
  z.strictObject({ type: z.literal('run-removed'), id: runIdSchema }),
  /** A batch of a live run's iterations: the run's `progress` metrics line, with its id. */
  z.strictObject({ ...progressLineSchema.shape, id: runIdSchema }),
  z.strictObject({ type: z.literal('epoch'), id: runIdSchema, epoch: epochMeasurementSchema }),
  /** Something went wrong with a run that goes on or has ended: the English message, and what the page words. */
  z.strictObject({ type: z.literal('warning'), id: runIdSchema, message: z.string(), failure: failureSchema.optional() }),
  /** A menu command of the desktop app. */
  z.strictObject({ type: z.literal('command'), command: z.enum(MENU_COMMANDS) }),
  /** The desktop menu's Language choice: the page switches to it (and keeps it in the UI state). */
  z.strictObject({ type: z.literal('locale'), locale: localeSchema }),
]);
export type WorkbenchEvent = z.infer<typeof workbenchEventSchema>;

/**
 * Every backend method: its arguments (a tuple) and its result. The one source of `WorkbenchApi`, of the
 * transports' validation, and of the generated clients and dispatchers (one entry per name in api-methods.ts).
 */
export const workbenchMethods = {
  appInfo: { args: z.tuple([]), result: appInfoSchema },
  listRuns: { args: z.tuple([]), result: runListSchema },
  getRun: { args: z.tuple([runIdSchema]), result: runRecordSchema },
  getMetrics: { args: z.tuple([runIdSchema]), result: runMetricsSchema },
  startRun: { args: z.tuple([runConfigSchema, runMetadataSchema.optional()]), result: runRecordSchema },
  startSweep: { args: z.tuple([sweepRequestSchema]), result: z.array(runRecordSchema) },
  /** One configuration once per seed (the config's seed and the next ones, or random seeds), as one group. */
  startRepeats: {
    args: z.tuple([runConfigSchema, repeatCountSchema, runMetadataSchema.optional()]),
    result: z.array(runRecordSchema),
  },
  pauseRun: { args: z.tuple([runIdSchema]), result: z.void() },
  resumeRun: { args: z.tuple([runIdSchema]), result: z.void() },
  stopRun: { args: z.tuple([runIdSchema]), result: z.void() },
  deleteRun: { args: z.tuple([runIdSchema]), result: z.void() },
  restoreRun: { args: z.tuple([runIdSchema]), result: runRecordSchema },
  annotateRun: { args: z.tuple([runIdSchema, annotationSchema]), result: runRecordSchema },
  gradientCheck: {
    args: z.tuple([runConfigSchema, z.number().int().min(1).max(GRADIENT_CHECK_MAX_BATCH)]),
    result: gradientCheckReportSchema,
  },
  /** A run's parameter snapshots (or its final weights only, for a run from before snapshots). */
  listSnapshots: { args: z.tuple([runIdSchema]), result: snapshotListSchema },
  /** The weights of one snapshot (null: the final weights), exactly as stored. */
  snapshotWeights: { args: z.tuple([runIdSchema, snapshotRefSchema]), result: snapshotWeightsSchema },
  /** The test set through one snapshot: confusion matrix, predictions, mistakes with softmax outputs (computed off the thread, cached). */
  insideAnalysis: { args: z.tuple([runIdSchema, snapshotRefSchema]), result: insideAnalysisSchema },
  /** Per-class test accuracy at every snapshot. */
  perClassHistory: { args: z.tuple([runIdSchema]), result: perClassHistorySchema },
  /** Test images of a run's dataset by index, with their labels. */
  testImages: { args: z.tuple([runIdSchema, testImageIndicesSchema]), result: testImagesSchema },
  /** The Lab (§4.2.3): a run's training-set loss and its mini-batch estimates, untrained and trained (computed off the thread). */
  labMiniBatches: { args: z.tuple([runIdSchema, miniBatchRequestSchema]), result: miniBatchStudySchema },
  /** The Lab (§4.2.5): loss and accuracy of a run's trained network as one weight moves along a line (off the thread). */
  labWeightLine: { args: z.tuple([runIdSchema, weightLineRequestSchema]), result: weightLineSchema },
  /** The page's saved state (selection, view, chart settings, form draft) from the store's home; null if never saved. */
  getUiState: { args: z.tuple([]), result: uiStateSchema.nullable() },
  /** Saves the page's state in the store's home (each field that does not fit is stored at its default). */
  setUiState: { args: z.tuple([uiStateSchema]), result: z.void() },
} as const satisfies Record<ApiMethod, { args: z.ZodTuple; result: z.ZodType }>;

type MethodTable = typeof workbenchMethods;
// Plain object types of every method's arguments and result: indexing them with a generic `M` keeps the
// correlation between a method and its types (TypeScript's correlated-union pattern), so the generated
// clients and the dispatcher need no casts.
type ArgsByMethod = { [M in ApiMethod]: z.output<MethodTable[M]['args']> };
type ResultsByMethod = { [M in ApiMethod]: z.output<MethodTable[M]['result']> };
/** The arguments of method `M`, as the backend receives them (validated). */
export type ApiArgs<M extends ApiMethod> = ArgsByMethod[M];
/** The result of method `M`. */
export type ApiResult<M extends ApiMethod> = ResultsByMethod[M];

/** The backend's methods, derived from the table: what both transports call and what the service implements. */
export type WorkbenchMethods = { [M in ApiMethod]: (...args: ArgsByMethod[M]) => Promise<ResultsByMethod[M]> };

/** The result of `saveFile`. */
export const saveFileResultSchema = z.strictObject({ saved: z.boolean(), path: z.string().optional() });

/** The UI's whole view of the backend: the table's methods, and what only a transport can do. */
export interface WorkbenchApi extends WorkbenchMethods {
  /** Saves a file where the user chooses (a save dialog in the app, a download in the browser). */
  saveFile(request: SaveFileRequest): Promise<z.infer<typeof saveFileResultSchema>>;
  /** Listens to every event; returns the function that stops listening. */
  subscribe(listener: (event: WorkbenchEvent) => void): () => void;
}

/** A call of one method with its validated arguments. */
export interface ApiCall<M extends ApiMethod = ApiMethod> {
  readonly method: M;
  readonly args: ApiArgs<M>;
}

/** The table seen method by method, so that `methodSchemas[method]` keeps `M`'s types (see ArgsByMethod). */
const methodSchemas: {
  [M in ApiMethod]: {
    args: z.ZodType<ArgsByMethod[M], z.input<MethodTable[M]['args']>>;
    result: z.ZodType<ResultsByMethod[M], z.input<MethodTable[M]['result']>>;
  };
} = workbenchMethods;

function parseWith<T>(
  schema: z.ZodType<T, unknown>,
  value: unknown,
): { ok: true; data: T } | { ok: false; issue: z.core.$ZodIssue } {
  const result = schema.safeParse(value);
  return result.success ? { ok: true, data: result.data } : { ok: false, issue: result.error.issues[0] };
}

/** Arguments refused: the English line (CLI, logs) and the Failure the page words (every issue, with its value). */
export type RefusedCall = { ok: false; error: string; failure: Failure };

/** Validates a call's method name and arguments; the error names the argument and what is wrong. */
export function parseApiArguments(method: string, args: unknown): { ok: true; call: ApiCall } | RefusedCall {
  if (!isApiMethod(method)) {
    const error = `unknown method ${JSON.stringify(method).slice(0, 80)}`;
    return { ok: false, error, failure: { code: 'unexpected', params: { message: error }, message: error } };
  }
  return parseApiCall(method, args);
}

/** Validates the arguments of a call of a known method, keeping the method's types. */
export function parseApiCall<M extends ApiMethod>(method: M, args: unknown): { ok: true; call: ApiCall<M> } | RefusedCall {
  const parsed = methodSchemas[method].args.safeParse(args, { reportInput: true });
  if (parsed.success) return { ok: true, call: { method, args: parsed.data } };
  const first = parsed.error.issues[0];
  const error = `${method}: argument ${first.path.join('.') || '(all)'}: ${first.message}`;
  const issues = parsed.error.issues.map(failureIssue);
  return { ok: false, error, failure: { code: 'request.invalid', params: { method }, message: error, issues } };
}

/** A zod issue as it crosses a transport: the argument's path (`0.learningRate`), the value, the range or choices. */
function failureIssue(issue: z.core.$ZodIssue): FailureIssue {
  const bound =
    issue.code === 'too_small'
      ? { minimum: Number(issue.minimum) }
      : issue.code === 'too_big'
        ? { maximum: Number(issue.maximum) }
        : {};
  return {
    field: issue.path.map(String).join('.'),
    message: issue.message,
    code: issue.code,
    // Structured-clone and JSON safe: a value is shown, not returned (it may be large or cyclic).
    ...(issue.input !== undefined ? { input: jsonSafe(issue.input) } : {}),
    ...(issue.code === 'custom' && issue.params ? { params: issue.params } : Object.keys(bound).length ? { params: bound } : {}),
    ...(issue.code === 'invalid_value' ? { allowed: issue.values.map(jsonSafe) } : {}),
  };
}

/** Numbers, strings, booleans and null as they are; anything else as `show` writes it. */
function jsonSafe(value: unknown): string | number | boolean | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'string') return value.length > 100 ? `${value.slice(0, 97)}...` : value;
  if (typeof value === 'boolean' || value === null) return value;
  return show(value);
}

/** Calls a validated call's method on `backend`: the one dispatcher both transports use. */
export function invokeApi<M extends ApiMethod>(backend: WorkbenchMethods, call: ApiCall<M>): Promise<ApiResult<M>> {
  return backend[call.method](...call.args);
}

/**
 * Checks a method's result against its schema, returning the parsed value or an error naming the
 * method and the field. The browser client checks every result it receives (what crosses the network is
 * parsed, and JSON's nulls for NaN become NaN again); the preload cannot bundle zod and trusts main, so
 * tests check every method's result, in process and through JSON (test/integration/api-results.test.ts).
 */
export function parseApiResult<M extends ApiMethod>(
  method: M,
  value: unknown,
): { ok: true; value: ApiResult<M> } | { ok: false; error: string } {
  const parsed = parseWith(methodSchemas[method].result, value);
  if (parsed.ok) return { ok: true, value: parsed.data };
  return { ok: false, error: `${method}: result ${parsed.issue.path.join('.') || '(all)'}: ${parsed.issue.message}` };
}

/**
 * The configurations of a sweep, one per value, each checked by the config schema. They share one seed
 * (the base's, or one picked here), so the swept parameter is the only difference between the runs. With
 * `repeat` N, each value N times, over the same N seeds for every value (value by value, seeds within).
 */
export function sweepConfigs(request: SweepRequest): RunConfig[] {
  const seeds = repeatSeeds(request.repeat ?? 1, request.base.seed ?? pickSeed());
  const configs = oneSeedSweep({ ...request, base: { ...request.base, seed: seeds[0] } });
  return seeds.length > 1 ? repeatOverSeeds(configs, seeds) : configs;
}

/** `base` with the swept parameter set to `value` (not yet checked: the value may be out of its range). */
export function sweptConfig(base: RunConfig, parameter: SweepParameter, value: number): RunConfig {
  return parameter === 'hidden'
    ? { ...base, layers: [base.layers[0], value, base.layers[base.layers.length - 1]] }
    : { ...base, [parameter]: value };
}

function oneSeedSweep(request: SweepRequest): RunConfig[] {
  return request.values.map((value) => {
    const config = sweptConfig(request.base, request.parameter, value);
    const parsed = parseRunConfig(config);
    if (!parsed.ok) {
      const message = `${request.parameter} = ${value}: ${describeIssue(parsed.issues[0])}`;
      throw new InvalidRequestError(message, 'request.invalid', { method: 'startSweep' }, parsed.issues);
    }
    return parsed.config;
  });
}

/** Log-spaced learning rates from `from` to `to` (inclusive), `perDecade` per factor of ten: the sweep preset. */
export function logSpaced(from: number, to: number, perDecade = 1): number[] {
  const steps = Math.round(Math.log10(to / from) * perDecade);
  return Array.from({ length: steps + 1 }, (_, i) => Number((from * 10 ** (i / perDecade)).toPrecision(3)));
}
