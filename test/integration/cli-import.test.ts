/** `descent import <folder>`: runs from another store copied in, reported per run, bad folders refused with exit 2. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RunStore } from '../../electron/core/store/run-store';
import { runDescent } from '../support/descent-cli';
import { makeRecord } from '../support/runs';

const HOME = mkdtempSync(join(tmpdir(), 'descent-cli-import-'));
// The other store's folder name has an escape sequence: printed, it must show as text and not act.
const OTHER = join(mkdtempSync(join(tmpdir(), 'descent-cli-import-from-')), 'colleague\u001b[31m');
afterAll(() => {
  rmSync(HOME, { recursive: true, force: true });
  rmSync(join(OTHER, '..'), { recursive: true, force: true });
});

const jsonLines = (text: string): Array<Record<string, unknown>> =>
  text
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
const finished = makeRecord({ name: 'finished there', iterationsDone: 100 });
const running = makeRecord({ status: 'running', owner: { pid: 1, hostname: 'elsewhere' } });
const other = new RunStore(OTHER);
other.create(finished);
other.create(running);

describe('descent import', () => {
  it("copies the runs of another store's home and says what it did, the folder name escaped", () => {
    const result = runDescent(HOME, ['import', OTHER]);
    expect(result.code, result.stderr).toBe(0);
    const shown = join(OTHER, 'runs').replace('\u001b', '\\x1b');
    expect(result.stdout).not.toContain('\u001b');
    expect(result.stdout).toContain(`imported ${finished.id} from ${shown}/${finished.id}\n`);
    expect(result.stdout).toContain(
      `imported ${running.id} from ${shown}/${running.id} — it was running there, so it is interrupted here\n`,
    );
    expect(result.stdout).toContain(`2 imported into ${HOME}, 0 already there, 0 damaged\n`);
    const listed = jsonLines(runDescent(HOME, ['runs', '--json']).stdout);
    expect(listed.map((r) => [r.id, r.status, r.name]).sort()).toEqual(
      [
        [finished.id, 'completed', 'finished there'],
        [running.id, 'interrupted', running.name],
      ].sort(),
    );
  });

  it('--json: one line per run, then the summary; a second import skips what is there', () => {
    const result = runDescent(HOME, ['import', join(OTHER, 'runs'), '--json']);
    expect(result.code, result.stderr).toBe(0);
    const lines = jsonLines(result.stdout);
    expect(lines.map((l) => [l.type, l.id])).toEqual([
      ['skipped', finished.id],
      ['skipped', running.id],
      ['summary', undefined],
    ]);
    expect(lines.at(-1)).toEqual({ type: 'summary', imported: 0, skipped: 2, damaged: 0 });
  });

  it('a damaged folder (run.json a link to /etc/passwd) is reported, not imported, and the exit code is 1', () => {
    const bad = join(OTHER, '..', 'bad', '20260101-000000-abcdef');
    mkdirSync(bad, { recursive: true });
    symlinkSync('/etc/passwd', join(bad, 'run.json'));
    const result = runDescent(HOME, ['import', bad, '--json']);
    expect(result.code).toBe(1);
    expect(jsonLines(result.stdout)).toEqual([
      { type: 'damaged', path: bad, reason: 'run.json is a symbolic link to a file outside the store; it was not read' },
      { type: 'summary', imported: 0, skipped: 0, damaged: 1 },
    ]);
    expect(runDescent(HOME, ['runs', '--json']).stdout).not.toContain('abcdef');
  });

  it('a folder that does not exist, a file, or an empty argument is bad input: exit 2 naming <folder>', () => {
    const missing = runDescent(HOME, ['import', join(HOME, 'nowhere')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      `descent: <folder>: ${JSON.stringify(join(HOME, 'nowhere'))} does not exist; give a store, its runs folder or a run folder\n`,
    );
    const file = runDescent(HOME, ['import', join(OTHER, 'runs', finished.id, 'run.json')]);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('is a regular file, not a folder');
    expect(runDescent(HOME, ['import', '']).code).toBe(2);
    expect(runDescent(HOME, ['import']).code).toBe(2);
  });
});
