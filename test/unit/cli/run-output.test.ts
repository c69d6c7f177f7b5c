/** The `--json` summary line of train and sweep: the fields the README's contract names, for every run. */
import { describe, expect, it } from 'vitest';
import { summaryLine } from '../../../electron/cli/run-output';
import { cliSummaryLineSchema } from '../../../shared/cli-lines';
import { makeRecord, makeSummary } from '../../support/runs';

/** The keys DESIGN.md's command-line contract promises on the last line. */
const CONTRACT = [
  'type',
  'runId',
  'status',
  'iterations',
  'trainAcc',
  'testAcc',
  'finalLoss',
  'meanLossLast100',
  'seconds',
  'itersPerSec',
];

describe('summaryLine', () => {
  it("a run that ended with a summary: the summary, with the record's status and name", () => {
    const line = summaryLine(makeRecord({ name: 'book', summary: makeSummary({ finalLoss: 0.25 }) }));
    expect(Object.keys(line)).toEqual(expect.arrayContaining(CONTRACT));
    expect(line).toMatchObject({ type: 'summary', status: 'completed', name: 'book', finalLoss: 0.25 });
    expect(cliSummaryLineSchema.parse(JSON.parse(JSON.stringify(line)))).toEqual(line);
  });

  it('a run that failed before a summary: every contract key, null where unknown, and the error', () => {
    const record = makeRecord({ status: 'failed', error: 'ENOSPC: no space left on device', iterationsDone: 40, summary: null });
    const line = summaryLine(record);
    expect(Object.keys(line)).toEqual(expect.arrayContaining(CONTRACT));
    expect(line).toMatchObject({
      type: 'summary',
      runId: record.id,
      status: 'failed',
      iterations: 40,
      finalLoss: null,
      meanLossLast100: null,
      seconds: null,
      itersPerSec: null,
      error: 'ENOSPC: no space left on device',
    });
    expect(cliSummaryLineSchema.parse(JSON.parse(JSON.stringify(line)))).toEqual(line);
  });
});
