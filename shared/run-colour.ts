/**
 * Which of the palette's colours a run is drawn in. A run gets its slot once, when it is created, and keeps it
 * in `run.json` (`colour`), so it has the same colour in the list, in every chart and in every session, and
 * deleting a run shifts nobody's colour. A new run takes the lowest slot that none of the newest runs (nor
 * the live ones) has: any ten runs made one after another have ten different colours, a sweep's runs never
 * share one, and a slot freed by a deleted run is taken again.
 */
import type { RunRecord } from './run-record';

/** How many colours runs are drawn in (renderer/src/lib/palette.ts's PALETTE has exactly these). */
export const RUN_COLOUR_SLOTS = 10;

/** Newest runs whose slots a new run avoids: every other slot of the palette. */
export const RECENT_RUNS_FOR_COLOUR = RUN_COLOUR_SLOTS - 1;

type Coloured = Pick<RunRecord, 'id' | 'createdAt' | 'colour'>;

/** Newest first: by creation time, ids breaking ties (they begin with it). */
const newestFirst = (a: Coloured, b: Coloured): number => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);

/**
 * The slot of a new run, given the newest runs of the store (at least `RECENT_RUNS_FOR_COLOUR` of them if there
 * are so many) and the runs being trained. Runs from before slots were stored have none and reserve none. When
 * every slot is taken, the next one after the newest run's that no live run holds.
 */
export function nextColourSlot(recent: readonly Coloured[], live: readonly Coloured[] = []): number {
  const newest = [...recent].sort(newestFirst);
  const used = new Set<number>();
  for (const run of [...newest.slice(0, RECENT_RUNS_FOR_COLOUR), ...live]) if (run.colour !== undefined) used.add(run.colour);
  for (let slot = 0; slot < RUN_COLOUR_SLOTS; slot++) if (!used.has(slot)) return slot;
  // Every slot is taken: the rotation goes on after the newest run's slot, past those that live runs hold.
  const last = newest.find((run) => run.colour !== undefined)?.colour ?? -1;
  const held = new Set(live.map((run) => run.colour));
  for (let step = 1; step <= RUN_COLOUR_SLOTS; step++) {
    const slot = (last + step) % RUN_COLOUR_SLOTS;
    if (!held.has(slot)) return slot;
  }
  return (last + 1) % RUN_COLOUR_SLOTS;
}

/**
 * Each run's slot: the stored one; for a run from before slots were stored, its place in the order of creation
 * among `runs` (what colours followed then).
 */
export function colourSlots(runs: readonly Coloured[]): Map<string, number> {
  const oldestFirst = [...runs].sort((a, b) => newestFirst(b, a));
  return new Map(oldestFirst.map((run, i) => [run.id, run.colour ?? i % RUN_COLOUR_SLOTS]));
}
