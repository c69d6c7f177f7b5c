/**
 * The `descent` command line: the same engine as the desktop app, scriptable. Exit codes: 0 on
 * success, 1 when a run fails, 2 on bad input (the message names the flag and the allowed range).
 */
import { Command, CommanderError, Option } from 'commander';

import { addTrainFlags, configFromFlags, UsageError, type TrainFlagValues } from './train-flags';
import { trainCommand } from './train-command';
import { printGradcheck, runGradcheck } from './gradcheck-command';
import { GRADIENT_CHECK_MAX_BATCH } from '../../shared/engine/gradcheck';
import { benchCommand, benchOnlyOption, type BenchCommandOptions } from './bench-command';
import { sweepCommand } from './sweep-command';
import { addPlanFlags, addRunPlanCommand, planOptions, withoutPlanFlags, type PlanFlagValues } from './plan-flags';
import { writePlanCommand } from './plan-command';
import { compareCommand } from './compare-command';
import { trainRepeats } from './repeat-command';
import { MAX_REPEATS } from '../../shared/repeat-seeds';
import { serveCommand } from './serve-command';
import { importCommand } from './import-command';
import { inspectCommand } from './inspect-command';
import { predictCommand } from './predict-command';
import {
  annotateCommand,
  configOfRun,
  EXPORT_FORMATS,
  exportCommand,
  restoreCommand,
  rmCommand,
  runsCommand,
  showCommand,
  type ExportFormat,
} from './store-commands';
import { defaultConcurrency } from '../core/run-manager';
import { addFigureFlags, exportFigureCommand, figureFlagsFrom, type FigureFlagValues } from './export-figure';
import { printableLines } from './format';
import { nameFlag } from './run-text-flags';
import { packageVersion } from './version';
import { wholeNumber, wholeNumberOption } from './whole-number';
import { errorMessage } from '../../shared/errors';

const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

function buildProgram(): Command {
  const program = new Command('descent')
    .description('Descent: watch neural networks learn — chapter 4 of Deep Learning from Scratch, from scratch.')
    .version(packageVersion(), '-V, --version', 'the version of Descent')
    .exitOverride()
    // Commander quotes what was typed ("unknown option '…'"): escaped like every other message.
    .configureOutput({ outputError: (message, write) => write(printableLines(message)) })
    .showHelpAfterError('(run descent --help for usage)');

  addTrainFlags(program.command('train').description("train a network (the book's 784-50-10 on MNIST by default)"))
    .addOption(new Option('--name <text>', 'a name for the run'))
    .option('--from <id>', "start from an earlier run's configuration (seed included); other flags change it")
    .addOption(
      wholeNumberOption(
        '--repeat <n>',
        "train once per seed over N seeds (with --seed S: S, S+1, …), then the group's statistics",
        1,
        MAX_REPEATS,
        1,
      ),
    )
    .addOption(wholeNumberOption('--parallel <n>', 'runs at once with --repeat', 1, 64, defaultConcurrency(), 'cores − 1'))
    .option('--json', 'one JSON object per line on stdout')
    .action(
      async (flags: TrainFlagValues & { json?: boolean; name?: string; from?: string; repeat: number; parallel: number }) => {
        const { json, name: nameText, from, repeat, parallel, ...trainFlags } = flags;
        const base = from ? configOfRun(from) : undefined;
        const name = nameFlag(nameText);
        const config = configFromFlags(trainFlags, base);
        const runs =
          repeat > 1
            ? await trainRepeats(config, { json: Boolean(json), name, repeat, parallel })
            : [await trainCommand(config, { json: Boolean(json), name })];
        if (runs.some((run) => run.status === 'failed' || run.status === 'diverged')) process.exitCode = EXIT_FAILURE;
      },
    );

  const sweep = addTrainFlags(
    program
      .command('sweep')
      .description(
        'train every combination of comma-listed flag values in parallel (e.g. --lr 0.001,0.01,0.1,1), or plan them for a cluster (--plan, --emit slurm)',
      ),
    { lists: true },
  )
    .addOption(wholeNumberOption('--parallel <n>', 'runs at once', 1, 64, defaultConcurrency(), 'cores − 1'))
    .addOption(new Option('--name <text>', 'a name for the sweep group'))
    .addOption(
      wholeNumberOption(
        '--repeat <n>',
        'train every combination over the same N seeds (paired; with --seed S: S, S+1, …)',
        1,
        MAX_REPEATS,
        1,
      ),
    )
    .option('--json', 'one JSON object per line on stdout, each with its runId');
  addPlanFlags(sweep).action(
    async (flags: TrainFlagValues & PlanFlagValues & { json?: boolean; name?: string; parallel: number; repeat: number }) => {
      const { json, name, parallel, repeat, ...rest } = flags;
      const planned = planOptions(rest, { name: nameFlag(name), repeat, json: Boolean(json) });
      const trainFlags = withoutPlanFlags(rest);
      if (planned) {
        await writePlanCommand(trainFlags, planned);
        return;
      }
      const runs = await sweepCommand(trainFlags, { json: Boolean(json), name: nameFlag(name), parallel, repeat });
      if (runs.some((r) => r.status === 'failed')) process.exitCode = EXIT_FAILURE;
    },
  );

  addRunPlanCommand(program, EXIT_FAILURE);

  program
    .command('compare')
    .description("repeat groups (runs that differ only by seed): mean ± sd, 95% CI, and Welch's test of every pair")
    .argument('[ids...]', 'run ids (or unique prefixes)')
    .option('--group <name>', 'the runs of a sweep or repeat group (its --name)')
    .option('--json', 'the groups and comparisons as one JSON object')
    .action((ids: string[], flags: { group?: string; json?: boolean }) =>
      compareCommand(ids, { group: flags.group, json: Boolean(flags.json) }),
    );

  program
    .command('runs')
    .description('list the runs in the store (DESCENT_HOME)')
    .option('--json', 'one JSON object per run')
    .action((flags: { json?: boolean }) => runsCommand({ json: Boolean(flags.json) }));

  program
    .command('show')
    .description("a run's configuration, status and accuracy per epoch")
    .argument('<id>', 'run id (or a unique prefix)')
    .option('--json', 'the record and all metrics as one JSON object')
    .action((id: string, flags: { json?: boolean }) => showCommand(id, { json: Boolean(flags.json) }));

  program
    .command('inspect')
    .description('inside a run: test-set confusion matrix, per-class accuracy over the snapshots, or its mistakes')
    .argument('<id>', 'run id (or a unique prefix)')
    .option('--epoch <N>', 'the snapshot at epoch N (default: the last one)')
    .option('--confusion', 'the confusion matrix (rows: true class)')
    .option('--per-class', 'per-class test accuracy at every snapshot')
    .option('--mistakes', 'the misclassified test images, confidently wrong first, with their softmax outputs (--json)')
    .option('--json', 'one JSON object on stdout')
    .action(
      async (
        id: string,
        flags: { epoch?: string; confusion?: boolean; perClass?: boolean; mistakes?: boolean; json?: boolean },
      ) => {
        const views = (['confusion', 'per-class', 'mistakes'] as const).filter((v) =>
          v === 'per-class' ? flags.perClass : flags[v],
        );
        if (views.length !== 1) throw new UsageError('give exactly one of --confusion, --per-class, --mistakes');
        const epoch = flags.epoch === undefined ? undefined : wholeNumber('--epoch', flags.epoch, 0, 100_000_000);
        await inspectCommand(id, { view: views[0], epoch, json: Boolean(flags.json) });
      },
    );

  program
    .command('predict')
    .description(
      "a run's prediction and class probabilities for PNG pictures (read like a drawing: centred and scaled as MNIST's digits) or test images by index",
    )
    .argument('<id>', 'run id (or a unique prefix)')
    .argument('<image...>', 'PNG files, or whole numbers: indices into the test set (a file named like a number: ./7)')
    .option('--epoch <N>', 'the snapshot at epoch N (default: the last one)')
    .option('--json', 'one JSON object on stdout')
    .action(async (id: string, images: string[], flags: { epoch?: string; json?: boolean }) => {
      const epoch = flags.epoch === undefined ? undefined : wholeNumber('--epoch', flags.epoch, 0, 100_000_000);
      await predictCommand(id, images, { epoch, json: Boolean(flags.json) });
    });

  const exportProgram = program
    .command('export')
    .description(
      "write runs' histories as one tidy CSV or as JSON, or (--figure) the compare view's report figure as SVG, PNG or PDF",
    )
    .argument('<ids...>', 'run ids (or unique prefixes)')
    .addOption(new Option('--format <format>', 'output format (default: csv)').choices(EXPORT_FORMATS))
    .option('--out <file>', 'write to a new file instead of stdout (never over an existing file or through a link)')
    .option('--force', 'with --out or --figure: replace the file (or link) if one exists');
  addFigureFlags(exportProgram).action(
    async (ids: string[], flags: FigureFlagValues & { format?: ExportFormat; out?: string; force?: boolean }) => {
      if (flags.figure === undefined) exportCommand(ids, { format: flags.format ?? 'csv', out: flags.out, force: flags.force });
      else if (flags.format !== undefined || flags.out !== undefined)
        throw new UsageError('--figure writes the figure to its own file: give --figure without --format and --out');
      else await exportFigureCommand(flags.figure, ids, figureFlagsFrom(flags));
    },
  );

  program
    .command('annotate')
    .description('rename, tag or add notes to a run')
    .argument('<id>', 'run id (or a unique prefix)')
    .option('--name <text>', 'new name')
    .option('--tags <list>', 'comma-separated tags (replaces the old ones; empty to clear)')
    .option('--notes <text>', 'notes (replaces the old ones)')
    .action((id: string, flags: { name?: string; tags?: string; notes?: string }) => annotateCommand(id, flags));

  program
    .command('rm')
    .description("move runs to the store's trash (undo with descent restore)")
    .argument('<ids...>', 'run ids (or unique prefixes)')
    .action((ids: string[]) => rmCommand(ids));

  program
    .command('restore')
    .description('bring runs back from the trash')
    .argument('<ids...>', 'run ids')
    .action((ids: string[]) => restoreCommand(ids));

  program
    .command('import')
    .description(
      "copy runs from another store into this one (a store folder, its runs folder or one run's folder); exit 1 if a folder was damaged",
    )
    .argument('<folder>', 'the folder to import from')
    .option('--json', 'one JSON object per run, then a summary')
    .action(async (folder: string, flags: { json?: boolean }) => {
      if ((await importCommand(folder, { json: Boolean(flags.json) })).damaged.length > 0) process.exitCode = EXIT_FAILURE;
    });

  addTrainFlags(program.command('gradcheck').description('compare numerical and analytic gradients (book ch. 5)'))
    .addOption(
      new Option(
        '--method <name>',
        "numerical gradient: incremental (fast, same differences) or plain (the book's loop)",
      ).choices(['incremental', 'plain']),
    )
    .option('--json', 'one JSON object on stdout')
    .action(async (flags: TrainFlagValues & { json?: boolean; method?: 'incremental' | 'plain' }) => {
      // --batch means the number of images checked here (the book uses 3).
      const batch = wholeNumber('--batch', flags.batch ?? '3', 1, GRADIENT_CHECK_MAX_BATCH);
      const method = flags.method ?? 'incremental';
      const config = configFromFlags({ ...flags, batch: undefined });
      printGradcheck(await runGradcheck(config, batch, method), config, Boolean(flags.json));
    });

  program
    .command('serve')
    .description("the workbench UI in your browser, on this machine's runs (loopback only, token in the URL)")
    // Without --port: the store's own port (serve-port.ts), or any free one while that is taken.
    .addOption(
      new Option(
        '--port <n>',
        "port, 0–65535 (0: any free port) (default: this store's own port from 20000–29999, or a free one when it is taken)",
      ).argParser((text: string) => wholeNumber('--port', text, 0, 65535)),
    )
    // The bridge gives full control of the store and of trainer processes: it never leaves this machine.
    .addOption(
      new Option('--host <address>', 'loopback address to listen on')
        .choices(['127.0.0.1', '::1', 'localhost'])
        .default('127.0.0.1'),
    )
    .addOption(wholeNumberOption('--parallel <n>', 'runs at once', 1, 64, defaultConcurrency(), 'cores − 1'))
    .option('--rebuild', 'build the UI again first')
    .action(async (flags: { port?: number; host: string; parallel: number; rebuild?: boolean }) => {
      await serveCommand({ host: flags.host, port: flags.port, parallel: flags.parallel, rebuild: Boolean(flags.rebuild) });
    });

  program
    .command('bench')
    .description(
      "Descent against the book's numpy code and PyTorch (training step, evaluation, numerical gradient, whole run and the descent train command), the UI under load, 1 000 stored runs listed (medians)",
    )
    .addOption(wholeNumberOption('--repeats <n>', 'interleaved repetitions of each measurement', 1, 50, 5))
    .addOption(wholeNumberOption('--runs <n>', 'repetitions of the whole default run (0 skips it)', 0, 10, 3))
    .option('--no-ui', 'skip the UI figures (8 live runs in Chromium, 1 000 runs listed in Chromium)')
    .option('--no-load', 'skip the load figures (1 000 stored runs listed)')
    .addOption(benchOnlyOption())
    .option('--json', 'one JSON object per figure on stdout')
    .action(async (flags: Omit<BenchCommandOptions, 'json'> & { json?: boolean }) => {
      await benchCommand({ ...flags, json: Boolean(flags.json) });
    });
  return program;
}

/** Parses `argv` and runs the command; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  // `descent export … | head` closes our stdout early: that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has printed its message (unknown flag, missing value) already.
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    // Messages quote what the user typed and what is on disk: escaped, so they cannot drive the terminal.
    if (error instanceof UsageError) {
      process.stderr.write(`descent: ${printableLines(error.message)}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(`descent: ${printableLines(errorMessage(error))}\n`);
    return EXIT_FAILURE;
  }
}
