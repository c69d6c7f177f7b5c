/** The train flags as commander parses them: choices refused by commander, values refused by the schema, both naming the flag. */
import { Command, CommanderError } from 'commander';
import { describe, expect, it } from 'vitest';
import { addTrainFlags, configFromFlags, FLAG_CHOICES, type TrainFlagValues } from '../../../electron/cli/train-flags';

/** The flag values `argv` gives a `train` (or, with `lists`, a `sweep`) command, or the CommanderError it throws. */
function parse(argv: string[], lists = false): TrainFlagValues | CommanderError {
  const command = addTrainFlags(new Command('train'), { lists })
    .exitOverride()
    .configureOutput({ writeErr: () => {} });
  try {
    return command.parse(argv, { from: 'user' }).opts<TrainFlagValues>();
  } catch (error) {
    if (error instanceof CommanderError) return error;
    throw error;
  }
}

describe('descent train flags', () => {
  it("takes the enumerated flags' choices from the config schema (plus ce for cross_entropy)", () => {
    expect(FLAG_CHOICES).toEqual({
      activation: ['sigmoid', 'relu', 'step'],
      loss: ['ce', 'cross_entropy', 'mse'],
      gradient: ['analytic', 'numerical'],
      dtype: ['float32', 'float64'],
      lossTiming: ['after-update', 'before-update'],
    });
  });

  it('refuses a value outside the choices before anything runs, naming the flag and the choices', () => {
    const error = parse(['--activation', 'tanh']);
    expect(error).toBeInstanceOf(CommanderError);
    expect((error as CommanderError).code).toBe('commander.invalidArgument');
    expect((error as CommanderError).message).toBe(
      "error: option '--activation <name>' argument 'tanh' is invalid. Allowed choices are sigmoid, relu, step.",
    );
    expect((parse(['--loss-timing', 'later']) as CommanderError).message).toMatch(
      /'--loss-timing <when>'.*Allowed choices are after-update, before-update\./,
    );
  });

  it('accepts the choices, and `ce` trains with cross_entropy', () => {
    const flags = parse(['--activation', 'relu', '--loss', 'ce', '--dtype', 'float64']) as TrainFlagValues;
    expect(configFromFlags(flags)).toMatchObject({ activation: 'relu', loss: 'cross_entropy', dtype: 'float64' });
  });

  it("in a sweep lets enumerated flags list values, each then checked by the schema under the flag's name", () => {
    expect(parse(['--activation', 'sigmoid,relu'], true)).toEqual({ activation: 'sigmoid,relu' });
    expect(() => configFromFlags({ activation: 'tanh' })).toThrow('--activation: must be one of sigmoid, relu, step, got "tanh"');
  });

  it('names --hidden, not --layers, when the hidden sizes the user typed are refused', () => {
    expect(() => configFromFlags({ hidden: '0' })).toThrow('--hidden: must be a whole number from 1 to 16384, got 0');
    expect(() => configFromFlags({ hidden: '50,x' })).toThrow(/^--hidden: must be a whole number from 1 to 16384, got "x"$/);
    expect(() => configFromFlags({ layers: '784,0,10' })).toThrow('--layers: must be a whole number from 1 to 16384, got 0');
  });
});
