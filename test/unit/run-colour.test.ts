/** Run colours: a palette slot given once at creation and kept (shared/run-colour.ts). */
import { describe, expect, it } from 'vitest';
import { PALETTE } from '../../renderer/src/lib/palette';
import { colourSlots, nextColourSlot, RUN_COLOUR_SLOTS } from '../../shared/run-colour';
import { runRecordSchema } from '../../shared/run-record';
import { makeRecord } from '../support/runs';

/** `count` runs made one after another, each taking the slot the rule gives it. */
function madeInTurn(count: number) {
  const runs: ReturnType<typeof makeRecord>[] = [];
  for (let i = 0; i < count; i++) runs.push(makeRecord({ colour: nextColourSlot(runs) }, i));
  return runs;
}

describe('run colours', () => {
  it('as many slots as the palette has colours', () => {
    expect(PALETTE).toHaveLength(RUN_COLOUR_SLOTS);
  });

  it('runs made one after another take the slots in turn, so any ten in a row differ', () => {
    const runs = madeInTurn(25);
    expect(runs.map((r) => r.colour)).toEqual([...Array(25).keys()].map((i) => i % 10));
    for (let start = 0; start + 10 <= runs.length; start++)
      expect(new Set(runs.slice(start, start + 10).map((r) => r.colour)).size).toBe(10);
  });

  it("deleting a run changes nobody's slot, and the next run takes the freed one", () => {
    const runs = madeInTurn(5);
    const kept = runs.filter((r) => r.colour !== 2);
    expect(colourSlots(kept)).toEqual(new Map(kept.map((r) => [r.id, r.colour])));
    expect(nextColourSlot(kept)).toBe(2);
  });

  it('a slot a live run holds is not given again, even when that run is no longer among the newest', () => {
    const runs = madeInTurn(11); // slots 0…9, 0: the newest nine hold 2…9, 0
    expect(nextColourSlot(runs)).toBe(1);
    expect(nextColourSlot(runs, [runs[1]])).toBe(2); // slot 1 still training: the rotation goes on past it
  });

  it("when live runs hold every slot, the one after the newest run's", () => {
    const runs = madeInTurn(12);
    expect(nextColourSlot(runs, runs.slice(0, 10))).toBe((runs[11].colour! + 1) % 10);
  });

  it('runs from before slots were stored follow their order of creation, and reserve no slot', () => {
    const old = [makeRecord({}, 1), makeRecord({}, 2), makeRecord({}, 3)];
    const slots = colourSlots([old[2], old[0], old[1]]);
    expect(old.map((r) => slots.get(r.id))).toEqual([0, 1, 2]);
    expect(nextColourSlot(old)).toBe(0);
  });

  it('a record without a slot still reads; one with a slot outside the palette does not', () => {
    const old: Record<string, unknown> = makeRecord({ colour: 3 });
    delete old.colour;
    expect(runRecordSchema.parse(old).colour).toBeUndefined();
    expect(runRecordSchema.parse(makeRecord({ colour: 9 })).colour).toBe(9);
    expect(runRecordSchema.safeParse(makeRecord({ colour: 10 })).success).toBe(false);
    expect(runRecordSchema.safeParse(makeRecord({ colour: 1.5 })).success).toBe(false);
  });
});
