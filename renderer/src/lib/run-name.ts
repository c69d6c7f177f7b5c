/** How a run is named in the run list. */
import type { RunRecord } from '../../../shared/run-record';

/**
 * A sweep's runs are listed under their sweep's heading, so they show their name without the sweep's
 * (`sweep 2026-11-30 20:51:51: lr 2` → `lr 2`): what tells them apart stays visible in a narrow list.
 */
export function listedName(run: Pick<RunRecord, 'name' | 'group'>): string {
  const prefix = run.group ? `${run.group}: ` : null;
  return prefix && run.name.startsWith(prefix) && run.name.length > prefix.length ? run.name.slice(prefix.length) : run.name;
}
