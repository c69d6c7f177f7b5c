/**
 * The `descent` command line: the same engine as the desktop app, scriptable. Exit codes: 0 on
 * success, 1 when a run fails, 2 on bad input (the message names the flag and the allowed range).
 */
import { Command, CommanderError, Option } from 'commander';

import { addTrainFlags, configFromFlags, UsageError, type TrainFlagValues } from './train-flags';
import { trainCommand } from './train-command';
import { printGradcheck, runGradcheck } from './gradcheck-command';

const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

function buildProgram(): Command {
  const program = new Command('descent')
    .description('Descent: watch neural networks learn — chapter 4 of Deep Learning from Scratch, from scratch.')
    .exitOverride()
    .showHelpAfterError('(run descent --help for usage)');

  addTrainFlags(program.command('train').description('train a network (the book\'s 784-50-10 on MNIST by default)'))
    .addOption(new Option('--name <text>', 'a name for the run'))
    .option('--json', 'one JSON object per line on stdout')
    .action(async (flags: TrainFlagValues & { json?: boolean; name?: string }) => {
      const summary = await trainCommand(configFromFlags(flags), { json: Boolean(flags.json), name: flags.name });
      if (summary.status === 'diverged') process.exitCode = EXIT_FAILURE;
    });

  addTrainFlags(program.command('gradcheck').description('compare numerical and analytic gradients (book ch. 5)'))
    .option('--json', 'one JSON object on stdout')
    .action((flags: TrainFlagValues & { json?: boolean }) => {
      // --batch means the number of images checked here (the book uses 3).
      const batchText = flags.batch ?? '3';
      const batch = Number(batchText);
      if (!/^\d+$/.test(batchText) || batch < 1 || batch > 1000) {
        throw new UsageError(`--batch: must be a whole number from 1 to 1000, got ${JSON.stringify(batchText)}`);
      }
      const config = configFromFlags({ ...flags, batch: undefined });
      printGradcheck(runGradcheck(config, batch), config, Boolean(flags.json));
    });

  return program;
}

/** Parses `argv` and runs the command; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has printed its message (unknown flag, missing value) already.
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`descent: ${error.message}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(`descent: ${(error as Error).message}\n`);
    return EXIT_FAILURE;
  }
}

