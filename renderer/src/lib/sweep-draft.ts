/** The sweep builder's fields before anything is typed (kept in the workbench and the saved UI state). Pure. */
import { logSpaced } from '../../../shared/api';
import type { SweepDraft } from '../../../shared/ui-state';

/** The builder's preset: learning rates a decade apart, 0.001 to 10. */
export const LEARNING_RATE_PRESET = logSpaced(0.001, 10).join(', ');

/** A fresh builder: the learning-rate preset, one seed, the backend's concurrency; name and iterations offered when it shows. */
export function newSweepDraft(): SweepDraft {
  return {
    parameter: 'learningRate',
    valuesText: LEARNING_RATE_PRESET,
    name: null,
    iterations: null,
    repeatText: '1',
    parallelText: '',
  };
}
