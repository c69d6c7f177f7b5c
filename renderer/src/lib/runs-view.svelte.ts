/**
 * How the Runs view shows the runs — sort, filters, chosen columns, collapsed repeat groups, the parallel-coordinates
 * chart's figure and brushes — kept while the user visits other views (not across reloads: it is a way of looking).
 */
import type { Brushes } from './parallel-coordinates';
import type { TableSort } from './runs-table';

/** Which runs decide the configuration columns shown by default: those listed, or the selected ones. */
export type VaryScope = 'listed' | 'selected';

class RunsViewState {
  sort = $state<TableSort | null>({ column: 'testAcc', direction: 'descending' });
  /** Filter text per column id. */
  filters = $state<Record<string, string>>({});
  /** Columns the user showed (true) or hid (false); the others follow the default. */
  chosen = $state<Record<string, boolean>>({});
  collapse = $state(true);
  /** Keys of the expanded repeat groups. */
  expanded = $state<string[]>([]);
  scope = $state<VaryScope>('listed');
  /** The figure on the chart's last axis, which colours its lines. */
  metric = $state('testAcc');
  brushes = $state<Brushes>({});
}

export const runsView = new RunsViewState();
