/** The sweep form's list of values, checked as a whole: every problem listed, not only the first. Pure. */
import { sweepConfigs, type SweepRequest } from '../../../shared/api';
import { errorMessage } from '../../../shared/errors';

/** The values typed (comma or space separated), and every problem with them. */
export function checkSweepValues(text: string, request: Omit<SweepRequest, 'values'>): { values: number[]; errors: string[] } {
  const tokens = text.split(/[,\s]+/).filter(Boolean);
  if (tokens.length === 0) return { values: [], errors: ['values: list at least one value'] };
  const errors: string[] = [];
  const values: number[] = [];
  const seen = new Set<number>();
  for (const token of tokens) {
    const value = Number(token);
    if (!Number.isFinite(value)) {
      errors.push(`${JSON.stringify(token)} is not a number`);
      continue;
    }
    if (seen.has(value)) {
      errors.push(`${token} is listed twice (each value makes one run)`);
      continue;
    }
    seen.add(value);
    values.push(value);
    try {
      sweepConfigs({ ...request, values: [value] });
    } catch (error) {
      // "learningRate = -1: learningRate: must be …" is this value's problem; a problem of another field
      // (the iterations, say) is the base configuration's, said once without the value.
      const message = errorMessage(error);
      const path = message.match(/^[^:]+: ([^:]+):/)?.[1] ?? '';
      const own = request.parameter === 'hidden' ? path.startsWith('layers') : path === request.parameter;
      const text = own ? message : message.slice(message.indexOf(': ') + 2);
      if (!errors.includes(text)) errors.push(text);
    }
  }
  if (values.length > 50) errors.push(`${values.length} values: a sweep has at most 50`);
  return { values, errors };
}
