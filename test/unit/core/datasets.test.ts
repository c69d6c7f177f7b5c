/** Where datasets are found and what their headers say (the bundled MNIST: the book's numbers). */
import { describe, expect, it } from 'vitest';
import { bundledMnistFolder, datasetFolder, probeIdxDataset } from '../../../electron/core/datasets';

describe('datasets', () => {
  it('resolves "mnist" to the bundled folder and any other dataset to its own folder', () => {
    expect(datasetFolder('mnist')).toBe(bundledMnistFolder());
    expect(datasetFolder('/data/fashion')).toBe('/data/fashion');
  });

  it('probes the bundled MNIST from its headers: 60 000 training and 10 000 test images of 28×28 pixels, 10 classes', () => {
    expect(probeIdxDataset(bundledMnistFolder())).toEqual({ trainCount: 60_000, testCount: 10_000, features: 784, classes: 10 });
  });
});
