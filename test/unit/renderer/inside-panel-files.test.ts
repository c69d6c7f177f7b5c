/** What each Inside export holds (panel-files.ts): names from the run and snapshot, the right content per format. */
import { describe, expect, it } from 'vitest';
import { MultiLayerNet } from '../../../shared/engine/network';
import { encodeFloats } from '../../../shared/inside/float-codec';
import {
  activationsFile,
  confusionFile,
  predictionFile,
  predictionsFile,
  weightsFile,
  type PanelContext,
} from '../../../renderer/src/lib/inside/panel-files';

const context: PanelContext = {
  runId: 'r1',
  iteration: 600,
  at: 'lr 1, iteration 600',
  ink: { background: '#ffffff', text: '#1f2328' },
};
const analysis = {
  iteration: 600,
  classes: 2,
  confusion: [
    [3, 1],
    [0, 2],
  ],
  labels: [0, 0, 0, 0, 1, 1],
  predicted: [0, 1, 0, 0, 1, 1],
  mistakes: [{ index: 1, label: 0, predicted: 1, probabilities: [0.4, 0.6] }],
};

describe('Inside panel files', () => {
  it('confusion matrix: CSV of counts, JSON of the analysis, a picture as SVG or PNG, named by run and snapshot', () => {
    expect(confusionFile(context, analysis, false, 'csv')).toEqual({
      name: 'r1-600-confusion.csv',
      mime: 'text/csv',
      text: 'true\\pred,0,1\n0,3,1\n1,0,2\n',
    });
    const json = confusionFile(context, analysis, false, 'json');
    expect(json && 'text' in json && JSON.parse(json.text)).toMatchObject({ runId: 'r1', confusion: analysis.confusion });
    const png = confusionFile(context, analysis, true, 'png');
    expect(png && 'svg' in png && [png.name, png.format, png.svg.includes('>75.0<')]).toEqual(['r1-600-confusion', 'png', true]);
    expect(predictionsFile({ ...context, iteration: null }, analysis)).toMatchObject({ name: 'r1-final-predictions.csv' });
  });

  it("the drawing's prediction as JSON (input, predicted, probabilities) and activations as CSV; pictures only as SVG or PNG", () => {
    const file = predictionFile(context, 'lr 1', [0, 0.5, 1], [0.2, 0.7, 0.1], 'json');
    expect(file && 'text' in file && JSON.parse(file.text)).toEqual({
      runId: 'r1',
      iteration: 600,
      input: [0, 0.5, 1],
      predicted: 1,
      probabilities: [0.2, 0.7, 0.1],
    });
    const network = new MultiLayerNet({ layers: [3, 2, 2], activation: 'sigmoid', loss: 'cross_entropy', dtype: 'float64' });
    expect(activationsFile(context, network, [0.5, 0.25], 'csv')).toMatchObject({ text: 'unit,activation\n1,0.5\n2,0.25\n' });
    expect(activationsFile(context, network, [0.5, 0.25], 'svg')).toMatchObject({ name: 'r1-600-activations', format: 'svg' });
    const weights = {
      iteration: 600,
      dtype: 'float64' as const,
      layers: [4, 1, 2],
      activation: 'sigmoid' as const,
      loss: 'cross_entropy' as const,
      parameters: [{ name: 'W1', rows: 4, cols: 1, base64: encodeFloats([1, -1, 0, 0.5], 'float64') }],
    };
    expect(weightsFile(context, weights, 'per-tile', 'csv')).toBeNull();
    const tiles = weightsFile(context, weights, 'per-tile', 'svg');
    expect(tiles && 'svg' in tiles && tiles.svg.match(/data-label="unit 1"/g)).toHaveLength(1);
  });
});
