/** The Inside view's CSV files, on a hand-made matrix and history. */
import { describe, expect, it } from 'vitest';
import { analysisJson, confusionCsv, perClassCsv } from '../../../renderer/src/lib/inside/inside-export';

describe('Inside exports', () => {
  it('confusion matrix: a header of predicted classes, a row per true class', () => {
    expect(
      confusionCsv([
        [1, 1, 0],
        [0, 2, 1],
        [0, 0, 1],
      ]),
    ).toBe('true\\pred,0,1,2\n0,1,1,0\n1,0,2,1\n2,0,0,1\n');
  });
  it('per-class accuracy: iteration, epoch, one column per class; null (no images, final weights) as empty', () => {
    const csv = perClassCsv({
      points: [
        { iteration: 0, epoch: 0, perClass: [0.5, null] },
        { iteration: null, epoch: null, perClass: [1, 0.25] },
      ],
    });
    expect(csv).toBe('iteration,epoch,class_0,class_1\n0,0,0.5,\n,,1,0.25\n');
  });
  it('the analysis as JSON parses back with its run id', () => {
    const analysis = {
      iteration: 5,
      classes: 2,
      confusion: [
        [1, 0],
        [1, 0],
      ],
      labels: [0, 1],
      predicted: [0, 0],
      mistakes: [{ index: 1, label: 1, predicted: 0, probabilities: [0.6, 0.4] }],
    };
    expect(JSON.parse(analysisJson('20260101-000000-000001', analysis))).toEqual({
      runId: '20260101-000000-000001',
      ...analysis,
    });
  });
});
