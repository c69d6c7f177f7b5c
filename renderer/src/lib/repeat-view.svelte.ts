/** How the compare view draws repeat groups — which band, whether the runs show — shared by its charts and its report figure. */
import type { BandKind } from '../../../shared/stats/curve-band';

export const repeatView = $state<{ band: BandKind; showRuns: boolean }>({ band: 'sd', showRuns: false });
