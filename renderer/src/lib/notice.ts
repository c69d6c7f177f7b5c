/**
 * What the page's error line says, kept as a description — a message key and its values, or a backend failure —
 * and put into words each time it is shown: after a language switch the line speaks the new language (a string
 * written once would stay in the language it was written in).
 */
import { errorMessage } from '../../../shared/errors';
import { FailedCall, type Failure } from '../../../shared/failure';
import { explainFailure, isFetchFailure } from './connection';
import { failureText } from './failure-text';
import { t, type MessageKey } from './i18n';

/** A value of a message: plain text or a number as it is, or another notice put into words when shown. */
export type NoticeValue = string | number | Notice;

export type Notice =
  /** A message of the page's own, its values filled in. */
  | { readonly key: MessageKey; readonly values?: Readonly<Record<string, NoticeValue>> }
  /** A failed action (`action`: "start the run"): the backend's failure, or that the backend could not be reached. */
  | { readonly failure: Failure; readonly action?: MessageKey; readonly unreachable?: boolean }
  /** Words from outside the page's messages (a browser's exception), shown as they are. */
  | { readonly text: string };

/** The notice in the page's language now (call it where it is shown: markup or `$derived`). */
export function noticeText(notice: Notice): string {
  if ('text' in notice) return notice.text;
  if ('key' in notice) {
    const values = Object.entries(notice.values ?? {}).map(([name, value]) => [
      name,
      typeof value === 'object' ? noticeText(value) : value,
    ]);
    return t(notice.key, Object.fromEntries(values));
  }
  const action = notice.action ? t(notice.action) : undefined;
  if (notice.unreachable) return action ? t('connection.cannot', { action }) : t('connection.unreachable');
  const reason = failureText(notice.failure);
  return action ? t('failure.sentence', { action, reason }) : reason;
}

/**
 * A thrown value as a notice: a call the backend refused by its failure, a backend that could not be reached said so
 * (as the error line says it, not the browser's "Failed to fetch"), anything else (the page's own) as its words.
 */
export function errorNotice(error: unknown): Notice {
  if (error instanceof FailedCall) return { failure: error.failure };
  if (isFetchFailure(error)) return explainFailure(undefined, error, 'disconnected');
  return { text: errorMessage(error) };
}

/**
 * A thrown value in the page's language now: for a message worked out in `$derived` (redone on a switch); a message
 * kept in state keeps the Notice (`errorNotice`) and is worded where it is shown.
 */
export function errorText(error: unknown): string {
  return noticeText(errorNotice(error));
}
