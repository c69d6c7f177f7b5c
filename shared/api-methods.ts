/**
 * The names of `WorkbenchApi`'s backend methods, without their schemas: the preload needs the names
 * only, and must stay small (a sandboxed preload bundles everything it imports, so this module imports
 * nothing). A unit test checks that the names are exactly the keys of shared/api.ts's method table.
 */
export const API_METHOD_NAMES = [
  'appInfo',
  'listRuns',
  'getRun',
  'getMetrics',
  'startRun',
  'startSweep',
  'startRepeats',
  'pauseRun',
  'resumeRun',
  'stopRun',
  'deleteRun',
  'restoreRun',
  'annotateRun',
  'gradientCheck',
  // The Inside view (shared/inside/inside-schemas.ts).
  'listSnapshots',
  'snapshotWeights',
  'insideAnalysis',
  'perClassHistory',
  'testImages',
  // The Lab's pages on stored runs (shared/lab/lab-schemas.ts).
  'labMiniBatches',
  'labWeightLine',
  // The page's saved state, kept in the store's home (shared/ui-state.ts).
  'getUiState',
  'setUiState',
] as const;

export type ApiMethod = (typeof API_METHOD_NAMES)[number];

/** True if `name` is one of the methods (own names only: `constructor` or `__proto__` are not). */
export function isApiMethod(name: string): name is ApiMethod {
  return (API_METHOD_NAMES as readonly string[]).includes(name);
}
