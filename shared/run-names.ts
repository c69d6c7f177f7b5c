/**
 * The names the backend gives runs the user did not name: stored in English, as the CLI shows them and files keep
 * them ("784-50-10 sigmoid · lr 0.1 · seed 7", "sweep 14:05: lr 0.5", "repeat …: seed 8"). The page recognises a
 * stored name as one of these (it is exactly what these functions give for the run's configuration and group) and
 * then shows it in its own words (renderer/src/lib/run-name.ts); a name the user typed is shown as typed.
 */
import type { SweepParameter } from './api';
import type { RunConfig } from './config';
import { ENGLISH_PHRASES, fieldPhrase, type PhraseWords } from './config-phrase';

/** "784-50-10 sigmoid · lr 0.1 · seed 7": a run's name until the user gives it one (`words`: the page's, to show it). */
export function defaultRunName(config: RunConfig, words: PhraseWords = ENGLISH_PHRASES): string {
  const seed = config.seed === undefined ? '' : ` · ${fieldPhrase('seed', config.seed, words)}`;
  return `${config.layers.join('-')} ${config.activation} · ${fieldPhrase('learningRate', config.learningRate, words)}${seed}`;
}

/** "sweep 14:05: lr 0.5", with " · seed 3" when the sweep repeats each value over seeds. */
export function sweepRunName(group: string, parameter: SweepParameter, value: number, seed?: number): string {
  const label = parameter === 'learningRate' ? 'lr' : parameter;
  return `${group}: ${label} ${value}${seed === undefined ? '' : ` · seed ${seed}`}`;
}

/** "repeat 2026-12-01 10:00:00": a group of runs over seeds started without a name (the time in UTC). */
export function repeatGroupName(at: Date): string {
  return `repeat ${at.toISOString().slice(0, 19).replace('T', ' ')}`;
}

/** The UTC time in a name made by `repeatGroupName`, as an ISO string; undefined for any other name. */
export function repeatGroupTime(group: string): string | undefined {
  const match = /^repeat (\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)$/.exec(group);
  return match ? `${match[1]}T${match[2]}Z` : undefined;
}

/** "repeat 2026-12-01 10:00:00: seed 8": one of a configuration's runs over seeds. */
export function repeatRunName(group: string, seed: number | undefined): string {
  return `${group}: seed ${seed}`;
}
