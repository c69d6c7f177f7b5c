/** The tidy CSVs every export writes (the app's and `descent export`). */
import { describe, expect, it } from 'vitest';
import { BOOK_DEFAULTS } from '../../shared/config';
import { historiesToCsv, outcomesToCsv } from '../../shared/export';

const config = { ...BOOK_DEFAULTS, learningRate: 0.5, iterations: 2, seed: 3 };

describe('tidy history CSV', () => {
  it('one row per run and iteration, a column per config field, raw and smoothed loss side by side', () => {
    const csv = historiesToCsv(
      [
        {
          id: 'a',
          name: '=cmd',
          config,
          iterations: [0, 1],
          losses: [2, 1],
          epochs: [{ iteration: 1, epoch: 1, trainAcc: 0.5, testAcc: 0.4 }],
        },
        { id: 'b', name: 'b', config: { ...config, learningRate: 1, trainSize: 1000 }, iterations: [0], losses: [3], epochs: [] },
      ],
      { smoothing: 0.5 },
    )
      .trim()
      .split('\n');
    expect(csv[0]).toBe(
      'run,name,dataset,layers,activation,weight_init,loss_function,gradient,optimizer,learning_rate,batch_size,iterations,' +
        'train_size,dtype,loss_timing,seed,iteration,epoch,loss,loss_smoothed,smoothing,train_acc,test_acc',
    );
    // Debiased EMA at 0.5: 2, then (0.5·0.5·2 + 0.5·1) / (1 − 0.25) = 1.3333…
    expect(csv[1]).toBe(
      "a,'=cmd,mnist,784-50-10,sigmoid,0.01,cross_entropy,analytic,sgd,0.5,100,2,,float32,after-update,3,0,,2,2,0.5,,",
    );
    expect(csv[2]).toBe(
      `a,'=cmd,mnist,784-50-10,sigmoid,0.01,cross_entropy,analytic,sgd,0.5,100,2,,float32,after-update,3,1,1,1,${(0.5 * 0.5 * 2 + 0.5 * 1) / 0.75},0.5,0.5,0.4`,
    );
    expect(csv[3]).toBe(
      'b,b,mnist,784-50-10,sigmoid,0.01,cross_entropy,analytic,sgd,1,100,2,1000,float32,after-update,3,0,,3,3,0.5,,',
    );
    expect(csv).toHaveLength(4);
  });
});

describe("tidy outcome CSV (the sweep chart's data)", () => {
  it('one row per run with its configuration and final figures', () => {
    const csv = outcomesToCsv([
      {
        id: 'a',
        name: 'lr 0.5',
        config,
        status: 'completed',
        verdict: 'did not learn',
        finalLoss: 2.3,
        meanLossLast100: 2.31,
        trainAcc: 0.1,
        testAcc: null,
      },
    ]);
    expect(csv.split('\n')[0]).toMatch(
      /^run,name,dataset,layers,.*,seed,status,verdict,final_loss,mean_loss_last100,train_acc,test_acc$/,
    );
    expect(csv.split('\n')[1]).toMatch(
      /^a,lr 0\.5,mnist,784-50-10,.*,0\.5,100,2,,float32,after-update,3,completed,did not learn,2\.3,2\.31,0\.1,$/,
    );
  });
});
