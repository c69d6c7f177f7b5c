/**
 * The names of `WorkbenchApi`'s backend methods, without their schemas: the preload needs the names
 * only, and must stay small (a sandboxed preload bundles everything it imports).
 */
export const API_METHOD_NAMES = [
  'appInfo', 'listRuns', 'getRun', 'getMetrics', 'startRun', 'startSweep', 'pauseRun', 'resumeRun', 'stopRun',
  'deleteRun', 'restoreRun', 'annotateRun', 'gradientCheck',
] as const;

export type ApiMethod = (typeof API_METHOD_NAMES)[number];
