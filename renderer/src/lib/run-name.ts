/** How a run is named on the page: automatic names in the page's language, the user's names as typed. */
import { SWEEP_PARAMETERS, type SweepParameter } from '../../../shared/api';
import type { RunRecord } from '../../../shared/run-record';
import { defaultRunName, repeatGroupTime, repeatRunName, sweepRunName } from '../../../shared/run-names';
import { fieldPhrase, PAGE_PHRASES } from './compare';
import { formatDate, t } from './i18n';

type Named = Pick<RunRecord, 'name' | 'group' | 'config'>;

/**
 * The run's name as the page shows it. A name the backend gave (stored in English, shared/run-names.ts: the same
 * text for this run's configuration and group) is said in the page's words — "784-50-10 sigmoid · 学习率 0.1 ·
 * 随机种子 7" — and the stored data stays as it is; a name the user gave (or edited) is shown as typed.
 */
export function shownName(run: Named): string {
  const { config, group, name } = run;
  if (name === defaultRunName(config)) return defaultRunName(config, PAGE_PHRASES);
  if (!group) return name;
  const seedPhrase = (seed: number | undefined) => (seed === undefined ? '' : ` · ${fieldPhrase('seed', seed)}`);
  if (name === repeatRunName(group, config.seed)) return `${shownGroup(group)}: ${fieldPhrase('seed', config.seed)}`;
  for (const parameter of SWEEP_PARAMETERS) {
    const value = sweptValue(run, parameter);
    if (value === undefined) continue;
    for (const seed of [undefined, config.seed]) {
      if (name === sweepRunName(group, parameter, value, seed))
        return `${group}: ${sweptPhrase(run, parameter)}${seedPhrase(seed)}`;
    }
  }
  return name;
}

/**
 * A group's name as the page shows it: the backend's name for repeats started without one ("repeat 2026-12-01
 * 10:00:00", UTC) in the page's words and local time; any other (a sweep's, the user's) as it is.
 */
export function shownGroup(group: string): string {
  const at = repeatGroupTime(group);
  return at === undefined ? group : t('runs.repeatGroup', { date: formatDate(at, { dateStyle: 'short', timeStyle: 'medium' }) });
}

/** The value a sweep over `parameter` gave this run (a number; undefined for a named initialisation). */
function sweptValue({ config }: Named, parameter: SweepParameter): number | undefined {
  const value = parameter === 'hidden' ? config.layers[1] : config[parameter];
  return typeof value === 'number' ? value : undefined;
}

/** The swept value in the page's words; a hidden layer's width as the network ("784-100-10"), which needs none. */
function sweptPhrase(run: Named, parameter: SweepParameter): string {
  return parameter === 'hidden' ? run.config.layers.join('-') : fieldPhrase(parameter, run.config[parameter]);
}

/**
 * A sweep's runs are listed under their sweep's heading, so they show their name without the sweep's
 * (`sweep 2026-11-30 20:51:51: lr 2` → `lr 2`): what tells them apart stays visible in a narrow list.
 */
export function listedName(run: Named): string {
  const shown = shownName(run);
  const prefix = run.group ? `${shownGroup(run.group)}: ` : null;
  return prefix && shown.startsWith(prefix) && shown.length > prefix.length ? shown.slice(prefix.length) : shown;
}
