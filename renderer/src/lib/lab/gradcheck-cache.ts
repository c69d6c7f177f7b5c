/**
 * The Lab's gradient check of the book's network, asked of the backend once per (seed, images) while the page lives.
 * The check is deterministic for those two (the book's configuration, its seeded weights and images), and each
 * request occupies a trainer process for a while: opening the page again, or typing the same values back, must
 * not queue another one behind it (visits used to pile checks up until new ones waited minutes).
 */
import { BOOK_DEFAULTS } from '../../../../shared/config';
import type { WorkbenchApi } from '../../../../shared/api';
import type { GradientCheckReport } from '../../../../shared/protocol';

/** Reports kept (or in flight); the oldest is forgotten beyond this. Each holds at most ~0.5 MB of W1 differences. */
const KEPT = 8;

const reports = new Map<string, Promise<GradientCheckReport>>();

/** The report for `seed` and `images`: the one already asked for, or a new request (a failed one is asked again). */
export function bookGradientCheck(
  api: Pick<WorkbenchApi, 'gradientCheck'>,
  seed: number,
  images: number,
): Promise<GradientCheckReport> {
  const key = `${seed}/${images}`;
  const known = reports.get(key);
  if (known) return known;
  const report = api.gradientCheck({ ...BOOK_DEFAULTS, seed }, images);
  reports.set(key, report);
  report.catch(() => reports.delete(key));
  if (reports.size > KEPT) reports.delete(reports.keys().next().value!);
  return report;
}

/** Forgets every report (tests; a page that reconnects to another backend keeps them, as the check is the same). */
export function forgetGradientChecks(): void {
  reports.clear();
}
