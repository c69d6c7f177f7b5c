/**
 * The desktop notification of a run that ended, in the app's language: its name (an automatic name in that
 * language's words, as the page shows it; a typed name as typed), its status, iterations and last test accuracy.
 * No electron here: progress.ts shows it, tests read it.
 */
import { countWith, phraseWords } from '../../shared/i18n/phrase-words';
import { STATUS_KEYS } from '../../shared/i18n/status-keys';
import type { Locale } from '../../shared/i18n/locales';
import { translate, type MessageKey, type MessageValues } from '../../shared/i18n/translate';
import type { RunRecord } from '../../shared/run-record';
import { defaultRunName } from '../../shared/run-names';

export function runEndNotice(run: RunRecord, locale: Locale): { title: string; body: string } {
  const say = (key: MessageKey, values?: MessageValues) => translate(locale, key, values);
  const number = new Intl.NumberFormat(locale);
  const name =
    run.name === defaultRunName(run.config)
      ? defaultRunName(
          run.config,
          phraseWords(
            say,
            countWith((value) => number.format(value)),
          ),
        )
      : run.name;
  const parts = [say('menu.runEnded.iterations', { done: run.iterationsDone })];
  if (run.lastEpoch) parts.push(say('menu.runEnded.testAccuracy', { value: run.lastEpoch.testAcc.toFixed(4) }));
  // The trainer's own words (English, as the run's record keeps them).
  if (run.error) parts.push(run.error);
  return { title: say('menu.runEnded.title', { name, status: say(STATUS_KEYS[run.status]) }), body: parts.join(' · ') };
}
