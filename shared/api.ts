/**
 * `WorkbenchApi`: everything the UI can ask of the backend. Two transports implement it — Electron IPC
 * (preload ↔ main) and the browser bridge (`descent serve`, HTTP + WebSocket) — and both validate every
 * call's arguments with the schemas below before anything happens.
 */
import { z } from 'zod';
import { runConfigSchema, type RunConfig } from './config';
import type { RunRecord } from './run-record';
import { pickSeed } from './engine/rng';
import type { ApiMethod } from './api-methods';
import { runNameSchema, runNotesSchema, runTagsSchema } from './run-text';

const RUN_ID = /^\d{8}-\d{6}-[0-9a-f]{6}$/;
export const runIdSchema = z.string().regex(RUN_ID, 'must be a run id like 20261128-103400-3f9a1c');

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

/** Hyperparameters a sweep can vary, and how a value changes a configuration. */
export const SWEEP_PARAMETERS = ['learningRate', 'batchSize', 'hidden', 'weightInit'] as const;
export type SweepParameter = (typeof SWEEP_PARAMETERS)[number];

export const sweepRequestSchema = z.strictObject({
  name: runNameSchema.min(1),
  base: runConfigSchema,
  parameter: z.enum(SWEEP_PARAMETERS),
  values: z.array(z.number().refine(Number.isFinite, 'must be finite')).min(1).max(50),
});
export type SweepRequest = z.infer<typeof sweepRequestSchema>;

/** A file the UI wants saved: a chart (PNG bytes as base64, SVG text) or data (CSV, JSON). */
export const saveFileSchema = z.strictObject({
  suggestedName: text(200).regex(/^[^/\\:*?"<>|]+$/, 'must be a plain file name'),
  mime: z.enum(['image/png', 'image/svg+xml', 'text/csv', 'application/json']),
  /** Text, or base64 for binary types. */
  data: z.string().max(64 * 1024 * 1024),
  base64: z.boolean(),
});
export type SaveFileRequest = z.infer<typeof saveFileSchema>;

/** The arguments of every method, validated by both transports (one entry per name in api-methods.ts). */
export const apiArgumentSchemas = {
  appInfo: z.tuple([]),
  listRuns: z.tuple([]),
  getRun: z.tuple([runIdSchema]),
  getMetrics: z.tuple([runIdSchema]),
  startRun: z.tuple([runConfigSchema, runMetadataSchema.optional()]),
  startSweep: z.tuple([sweepRequestSchema]),
  pauseRun: z.tuple([runIdSchema]),
  resumeRun: z.tuple([runIdSchema]),
  stopRun: z.tuple([runIdSchema]),
  deleteRun: z.tuple([runIdSchema]),
  restoreRun: z.tuple([runIdSchema]),
  annotateRun: z.tuple([runIdSchema, annotationSchema]),
  gradientCheck: z.tuple([runConfigSchema, z.number().int().min(1).max(100)]),
} as const satisfies Record<ApiMethod, z.ZodType>;
export type { ApiMethod };

/** About the backend the UI is talking to. */
export interface AppInfo {
  readonly version: string;
  readonly transport: 'electron' | 'browser';
  /** The store's folder. */
  readonly home: string;
  readonly concurrency: number;
  readonly cores: number;
}

/** A run's recorded history. */
export interface RunMetrics {
  readonly iterations: number[];
  readonly losses: number[];
  /** Wall-clock seconds since the run started, per iteration (NaN where not recorded). */
  readonly seconds: number[];
  readonly epochs: Array<{ iteration: number; epoch: number; trainAcc: number; testAcc: number; seconds?: number }>;
  /** Problems found reading it (torn last line, unreadable lines), each naming the file. */
  readonly warnings: string[];
}

/**
 * Times of a batch's `count` iterations, spread evenly from the previous batch's end to this one's:
 * progress is stamped per batch (≤ 20 a second), close enough for a time axis.
 */
export function spreadTimes(previousEnd: number, end: number | undefined, count: number): number[] {
  if (end === undefined) return new Array<number>(count).fill(Number.NaN);
  return Array.from({ length: count }, (_, k) => previousEnd + ((end - previousEnd) * (k + 1)) / count);
}

/** A run folder that could not be read, with the reason. */
export interface DamagedRunInfo {
  readonly id: string;
  readonly path: string;
  readonly reason: string;
}

/** The book's gradient check for one network, per parameter. */
export interface GradientCheckReport {
  readonly batch: number;
  readonly seed: number;
  readonly parameters: Array<{ name: string; count: number; meanAbsDiff: number; maxAbsDiff: number }>;
  readonly numericalSeconds: number;
  readonly analyticSeconds: number;
}

/** Everything the backend tells subscribers. */
export type WorkbenchEvent =
  | { type: 'run-added'; run: RunRecord }
  | { type: 'run-changed'; run: RunRecord }
  | { type: 'run-removed'; id: string }
  | { type: 'progress'; id: string; iterations: number[]; losses: number[]; seconds?: number }
  | { type: 'epoch'; id: string; epoch: { iteration: number; epoch: number; trainAcc: number; testAcc: number; seconds?: number } }
  | { type: 'warning'; id: string; message: string }
  /** A menu command of the desktop app. */
  | { type: 'command'; command: 'new-run' | 'sweep' | 'compare' | 'gradcheck' };

/** The UI's whole view of the backend. */
export interface WorkbenchApi {
  appInfo(): Promise<AppInfo>;
  listRuns(): Promise<{ runs: RunRecord[]; damaged: DamagedRunInfo[] }>;
  getRun(id: string): Promise<RunRecord>;
  getMetrics(id: string): Promise<RunMetrics>;
  startRun(config: RunConfig, meta?: z.infer<typeof runMetadataSchema>): Promise<RunRecord>;
  startSweep(request: SweepRequest): Promise<RunRecord[]>;
  pauseRun(id: string): Promise<void>;
  resumeRun(id: string): Promise<void>;
  stopRun(id: string): Promise<void>;
  deleteRun(id: string): Promise<void>;
  restoreRun(id: string): Promise<RunRecord>;
  annotateRun(id: string, change: z.infer<typeof annotationSchema>): Promise<RunRecord>;
  gradientCheck(config: RunConfig, batch: number): Promise<GradientCheckReport>;
  /** Saves a file where the user chooses (a save dialog in the app, a download in the browser). */
  saveFile(request: SaveFileRequest): Promise<{ saved: boolean; path?: string }>;
  /** Listens to every event; returns the function that stops listening. */
  subscribe(listener: (event: WorkbenchEvent) => void): () => void;
}

/** Validates the arguments of a call; the error names the argument and what is wrong. */
export function parseApiArguments(method: string, args: unknown): { ok: true; args: unknown[] } | { ok: false; error: string } {
  if (!Object.prototype.hasOwnProperty.call(apiArgumentSchemas, method)) return { ok: false, error: `unknown method ${JSON.stringify(method).slice(0, 80)}` };
  const result = apiArgumentSchemas[method as ApiMethod].safeParse(args);
  if (result.success) return { ok: true, args: result.data as unknown[] };
  const issue = result.error.issues[0];
  return { ok: false, error: `${method}: argument ${issue.path.join('.') || '(all)'}: ${issue.message}` };
}

/**
 * The configurations of a sweep, one per value, each checked by the config schema. They share one seed
 * (the base's, or one picked here), so the swept parameter is the only difference between the runs.
 */
export function sweepConfigs(request: SweepRequest): RunConfig[] {
  const base = { ...request.base, seed: request.base.seed ?? pickSeed() };
  return request.values.map((value) => {
    const config: RunConfig =
      request.parameter === 'hidden'
        ? { ...base, layers: [base.layers[0], value, base.layers[base.layers.length - 1]] }
        : { ...base, [request.parameter]: value };
    const parsed = runConfigSchema.safeParse(config);
    if (!parsed.success) {
      throw new Error(`${request.parameter} = ${value}: ${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}`);
    }
    return parsed.data;
  });
}

/** Log-spaced learning rates from `from` to `to` (inclusive), `perDecade` per factor of ten: the sweep preset. */
export function logSpaced(from: number, to: number, perDecade = 1): number[] {
  const steps = Math.round(Math.log10(to / from) * perDecade);
  return Array.from({ length: steps + 1 }, (_, i) => Number((from * 10 ** (i / perDecade)).toPrecision(3)));
}
