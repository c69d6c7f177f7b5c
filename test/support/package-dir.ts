/**
 * electron-builder's Linux `dir` target built for real from the app built into a staging folder (so other
 * tests serving out/ meanwhile are undisturbed), against a stand-in Electron distribution (none can be
 * downloaded here): the packaged layout — resources/app.asar, resources/mnist — as installers ship it.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { writeStandInElectron } from './stand-in-electron';

const ROOT = join(import.meta.dirname, '..', '..');

function run(command: string, args: string[], cwd = ROOT): void {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 300_000 });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
}

/** Builds the packaged app under `work`; returns the unpacked folder (the executable, resources/). */
export function buildLinuxDir(work: string): string {
  const stage = join(work, 'stage');
  const output = join(work, 'release');
  run('npm', ['run', 'package:assets']);
  run(process.execPath, [
    join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'),
    'build',
    '--outDir',
    join(stage, 'out'),
  ]);
  for (const file of ['package.json', 'electron.builder.yml']) copyFileSync(join(ROOT, file), join(stage, file));
  for (const folder of ['build', 'node_modules']) symlinkSync(join(ROOT, folder), join(stage, folder));
  const electronVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8'))
    .version as string;
  writeStandInElectron(join(work, 'electron-dist'), electronVersion);
  run(join(ROOT, 'node_modules', '.bin', 'electron-builder'), [
    '--projectDir',
    stage,
    '-c',
    'electron.builder.yml',
    '--linux',
    'dir',
    `-c.electronDist=${join(work, 'electron-dist')}`,
    `-c.directories.output=${output}`,
  ]);
  return join(output, 'linux-unpacked');
}
