/**
 * The hyperparameters a sweep can vary. A module of its own so that both the API's sweep request (shared/api.ts)
 * and the page's saved sweep builder (shared/ui-state.ts, which api.ts imports) can name them without a cycle.
 */
export const SWEEP_PARAMETERS = ['learningRate', 'batchSize', 'hidden', 'weightInit'] as const;
export type SweepParameter = (typeof SWEEP_PARAMETERS)[number];
