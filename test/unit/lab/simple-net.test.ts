import { describe, expect, it } from 'vitest';
import { softmax } from '../../../shared/engine/functions';
import { BOOK_W, predict, simpleNetGradient, simpleNetLoss } from '../../../renderer/src/lib/lab/simple-net';

describe('Lab: simpleNet page (§4.4.2)', () => {
  it("x·W is the book's [1.05414809, 0.63071653, 1.1328074]", () => {
    const p = predict(BOOK_W);
    [1.05414809, 0.63071653, 1.1328074].forEach((v, i) => expect(p[i]).toBeCloseTo(v, 8));
  });

  it("the loss is the book's 0.92806853663411326 less δ's share; dW the book's to 6 decimals", () => {
    // The book printed its loss with −log y (no δ); with the printed (rounded) W that agrees to 8 digits.
    expect(-Math.log(softmax(predict(BOOK_W))[2])).toBeCloseTo(0.92806853663411326, 8);
    // With δ = 1e-7 inside the log, as the engine (and the book's common/functions.py today) computes it.
    const { loss, dW } = simpleNetGradient([...BOOK_W]);
    expect(loss).toBeCloseTo(-Math.log(softmax(predict(BOOK_W))[2] + 1e-7), 15);
    expect(loss).toBeCloseTo(0.9280682857864075, 12);
    [0.21924763, 0.14356247, -0.36281009, 0.32887144, 0.2153437, -0.54421514].forEach((v, i) => expect(dW[i]).toBeCloseTo(v, 6));
  });

  it('each column of dW is x times the softmax minus the label (the analytic gradient)', () => {
    const w = [0.1, -0.4, 0.9, 1.2, 0.3, -0.7];
    const y = softmax(predict(w));
    const { dW } = simpleNetGradient(w);
    const t = [0, 0, 1];
    [0.6, 0.9].forEach((x, r) => [0, 1, 2].forEach((c) => expect(dW[r * 3 + c]).toBeCloseTo(x * (y[c] - t[c]), 6)));
    expect(simpleNetLoss(w)).toBeCloseTo(-Math.log(y[2] + 1e-7), 15);
  });

  it('the gradient leaves W as it was', () => {
    const w = [...BOOK_W];
    simpleNetGradient(w);
    expect(w).toEqual(BOOK_W);
  });
});
