/**
 * A backend failure (shared/failure.ts) in the page's language: its code and params say what happened, so the page
 * words it itself — the backend's English message is kept for the CLI and the logs, and shown only inside a
 * translated sentence for a failure nobody foresaw (`unexpected`). A refused request's issues are said as the run
 * form says them: the field in words, what it accepts and the value it got.
 */
import { formatBytes } from '../../../shared/config';
import type { Failure, FailureIssue } from '../../../shared/failure';
import { CONFIG_FIELDS } from './compare';
import { formatNumber, t, type MessageKey } from './i18n';
import { issueText } from './validation-text';

/** A configuration field in words, as the compare view's table names it. */
const FIELD_WORDS = new Map<string, MessageKey>(CONFIG_FIELDS);

/**
 * An argument that is no configuration field, named as the form or the sweep builder labels it: by its name inside
 * the argument (a run's metadata, a sweep request), or for an argument that is a bare value, by its method and place.
 */
const ARGUMENT_WORDS: Record<string, MessageKey> = {
  name: 'runs.name',
  tags: 'runs.tags',
  notes: 'runs.notes',
  parameter: 'sweep.parameter',
  values: 'sweep.values',
  repeat: 'sweep.repeatField',
  parallel: 'sweepParallel.label',
};
/** Where a name means something else in one method (a sweep's name is its group's), or the argument is a bare value. */
const METHOD_ARGUMENT_WORDS: Record<string, MessageKey> = {
  'startSweep 0.name': 'sweep.groupName',
  'startRepeats 1': 'sweep.repeatField',
  'gradientCheck 1': 'gradcheck.imagesField',
};

/** The run states a run can be in when it cannot be deleted. */
const BUSY_STATES: Record<string, MessageKey> = { running: 'status.running', queued: 'status.queued' };

/** The words of a dataset's objection to a configuration, by the issue's `rule` (electron/core/training-session.ts). */
const DATASET_RULES: Record<string, MessageKey> = {
  inputWidth: 'failure.dataset.inputWidth',
  outputWidth: 'failure.dataset.outputWidth',
  trainSize: 'failure.dataset.trainSize',
};

/** What went wrong, in the page's language (a clause: the page puts it after "Could not … :"). */
export function failureText(failure: Failure): string {
  const p = failure.params;
  const text = (name: string): string => String(p[name] ?? '');
  switch (failure.code) {
    case 'run.notFound':
      return t('failure.run.notFound', { id: text('id') });
    case 'run.notInTrash':
      return t('failure.run.notInTrash', { id: text('id') });
    case 'run.exists':
      return t('failure.run.exists', { id: text('id') });
    case 'run.inTrash':
      return t('failure.run.inTrash', { id: text('id') });
    case 'run.notRunning':
      return t('failure.run.notRunning', { id: text('id') });
    case 'run.busy': {
      const state = BUSY_STATES[text('state')];
      return t('failure.run.busy', { id: text('id'), state: state ? t(state) : text('state') });
    }
    case 'run.ownedElsewhere':
      return t('failure.run.ownedElsewhere', { id: text('id'), owner: text('owner') });
    case 'gradcheck.busy':
      return t('failure.gradcheckBusy', { count: Number(p.limit) || 1 });
    case 'backend.unavailable':
      return t('failure.unavailable');
    case 'config.doesNotFit':
      return t('failure.doesNotFit', { issues: issuesText(failure.issues) });
    case 'dataset.unusable':
      return t('failure.datasetUnusable', { dataset: text('dataset'), reason: text('reason') });
    case 'request.invalid':
      return t('failure.invalid', { issues: issuesText(failure.issues, text('method')) });
    case 'request.unauthorised':
      return t('failure.request.unauthorised');
    case 'request.foreignOrigin':
      return t('failure.request.foreignOrigin');
    case 'request.tooLarge':
      return t('failure.request.tooLarge', { limit: formatBytes(Number(p.limit)) });
    case 'request.malformed':
      return t('failure.request.malformed', { reason: text('reason') });
    case 'export.writeFailed':
      return t('failure.exportWriteFailed', { reason: text('reason') });
    case 'inside.testImageOutOfRange':
      // The index refused as it was asked for; the last one there is as the page writes numbers.
      return t('failure.testImageOutOfRange', { index: text('index'), last: formatNumber(Number(p.count) - 1) });
    case 'run.killedAfterStop':
      return t('failure.run.killedAfterStop');
    case 'run.cannotStart':
      return t('failure.run.cannotStart', { reason: text('reason') });
    case 'run.requestRefused':
      return t('failure.run.requestRefused', { reason: text('reason') });
    case 'run.recordNotWritten':
      return t('failure.run.recordNotWritten', { reason: text('reason') });
    case 'unexpected':
      return t('failure.unexpected', { message: failure.message });
  }
}

/** Every issue, each as "field: what it accepts, got …". */
function issuesText(issues: readonly FailureIssue[] | undefined, method?: string): string {
  return (issues ?? []).map((issue) => issueLine(issue, method)).join(t('failure.issueSeparator'));
}

/**
 * One issue with its field named. An argument's path starts with its place in the call (`0.learningRate`,
 * `0.base.batchSize` in a sweep): the configuration field is the first segment the run form knows.
 */
function issueLine(issue: FailureIssue, method?: string): string {
  const segments = issue.field.split('.');
  const at = segments.findIndex((segment) => FIELD_WORDS.has(segment));
  if (at < 0) return t('validation.fieldError', { field: argumentWords(segments, method), message: genericIssueText(issue) });
  const field = segments.slice(at).join('.');
  return t('validation.fieldError', { field: t(FIELD_WORDS.get(segments[at])!), message: configIssueText({ ...issue, field }) });
}

/** An argument's label in words, lower-case as the form's messages name a field; else its path without its place. */
function argumentWords(segments: readonly string[], method: string | undefined): string {
  // segments[0] is the argument's place in the call; the first name after it (if any) is the part of it refused.
  const named = segments.findIndex((segment, i) => i > 0 && !/^\d+$/.test(segment));
  const path = segments.slice(0, named < 0 ? 1 : named + 1).join('.');
  const key = METHOD_ARGUMENT_WORDS[`${method} ${path}`] ?? (named < 0 ? undefined : ARGUMENT_WORDS[segments[named]]);
  if (key) return lowerFirst(t(key));
  return segments.filter((segment, i) => i > 0 || !/^\d+$/.test(segment)).join('.') || '—';
}

/** "Group name" → "group name" (a label inside a sentence); "N 個…", an acronym and CJK labels are left as they are. */
function lowerFirst(label: string): string {
  return /^\p{Lu}\p{Ll}/u.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/** A configuration field's issue: a dataset's objection by its rule, anything else as the run form words it. */
function configIssueText(issue: FailureIssue): string {
  const rule = issue.params?.rule;
  const key = typeof rule === 'string' ? DATASET_RULES[rule] : undefined;
  if (!key || !issue.params) return issueText(issue);
  // The dataset's counts as the page writes numbers; the value refused (`got`) as it was given.
  const values = Object.fromEntries(
    Object.entries(issue.params)
      .filter((entry): entry is [string, string | number] => typeof entry[1] !== 'object')
      .map(([name, value]) => [name, typeof value === 'number' && name !== 'got' ? formatNumber(value) : value]),
  );
  return t(key, values);
}

/** An issue of an argument that is no configuration field (a name too long…): its bound or choices, else its words. */
function genericIssueText(issue: FailureIssue): string {
  const value = issue.input === undefined ? '—' : JSON.stringify(issue.input);
  const { minimum, maximum } = issue.params ?? {};
  if (issue.code === 'too_small' && typeof minimum === 'number')
    return t('failure.issue.tooSmall', { min: formatNumber(minimum), value });
  if (issue.code === 'too_big' && typeof maximum === 'number')
    return t('failure.issue.tooBig', { max: formatNumber(maximum), value });
  if (issue.allowed) return t('validation.oneOf', { choices: issue.allowed.join(', '), value });
  return issue.message;
}
