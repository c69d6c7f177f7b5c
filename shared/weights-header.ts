/**
 * `weights.json`: the header beside a run's `weights.bin` — format version, dtype, network, seed, and
 * where each parameter's values lie in the binary file — so that any tool can read the weights (numpy:
 * `np.fromfile(…, dtype='<f4', count=length, offset=byteOffset).reshape(rows, cols)`).
 */
import { z } from 'zod';
import { runConfigSchema } from './config';
import { seedSchema } from './summary';

/** The `weights.json` format version this code writes and reads. */
export const WEIGHTS_SCHEMA_VERSION = 1;

const count = z.number().int().min(0);

/** One parameter (W1, b1, …): a rows × cols matrix stored row by row from `byteOffset`. */
export const weightsParameterSchema = z
  .object({
    name: z.string().min(1),
    rows: count,
    cols: count,
    byteOffset: count,
    length: count,
  })
  .refine((p) => p.length === p.rows * p.cols, { message: 'length must be rows × cols', path: ['length'] });

export const weightsHeaderSchema = z.object({
  schemaVersion: z.literal(WEIGHTS_SCHEMA_VERSION),
  dtype: z.enum(['float32', 'float64']),
  byteOrder: z.literal('little-endian'),
  layers: runConfigSchema.shape.layers,
  activation: runConfigSchema.shape.activation,
  loss: runConfigSchema.shape.loss,
  seed: seedSchema,
  parameters: z.array(weightsParameterSchema),
});
export type WeightsHeader = z.infer<typeof weightsHeaderSchema>;

/** Parses a header's JSON text; the error names the field and what is wrong (or the version it cannot read). */
export function parseWeightsHeader(text: string): { ok: true; header: WeightsHeader } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: 'is not valid JSON' };
  }
  const version = typeof value === 'object' && value !== null && 'schemaVersion' in value ? value.schemaVersion : undefined;
  if (version !== WEIGHTS_SCHEMA_VERSION) {
    return {
      ok: false,
      error: `weights format version ${JSON.stringify(version)}; this Descent reads ${WEIGHTS_SCHEMA_VERSION}`,
    };
  }
  const parsed = weightsHeaderSchema.safeParse(value);
  if (parsed.success) return { ok: true, header: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, error: `does not match the weights format: ${issue.path.join('.') || '(all)'}: ${issue.message}` };
}
