/**
 * The CLI's output cannot be abused, and its store commands refuse what would lose data: names, tags,
 * notes and folder names reach the terminal escaped; one length limit for names; CSV cells cannot be
 * formulas; `export --out` never clobbers a file or follows a link; `rm ""` and unknown ids are refused.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RUN_TEXT_LIMITS } from '../../shared/run-text';

const BIN = join(__dirname, '..', '..', 'bin', 'descent.js');
const HOME = mkdtempSync(join(tmpdir(), 'descent-cli-output-'));
const env = { ...process.env, DESCENT_HOME: HOME };
afterAll(() => rmSync(HOME, { recursive: true, force: true }));

function descent(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000, env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const runIds = (): string[] =>
  descent('runs', '--json')
    .stdout.trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l))
    .filter((l) => l.type === 'run')
    .map((l) => l.id);

// Printed raw, this retitles the terminal (OSC 0 … BEL), clears the screen (CSI 2J) and forges a line.
const HOSTILE = 'lr 0.1\u001b]0;pwned\u0007\u001b[2J\r\nfinal: test acc 0.9999\u009b31m\u202e';
// Anything a terminal acts on, other than the line feeds the CLI writes itself.
// eslint-disable-next-line no-control-regex -- looking for raw control characters
const ACTIVE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;

describe('names, tags, notes and folder names reach the terminal escaped', () => {
  const trained = descent('train', '--name', HOSTILE, '--iters', '5', '--train-size', '500', '--seed', '1');
  const id = runIds()[0];

  it('train accepts the name and prints nothing active', () => {
    expect(trained.code).toBe(0);
    expect(trained.stdout + trained.stderr).not.toMatch(ACTIVE);
  });

  it('runs, show and annotate show the text escaped, on one line', () => {
    expect(descent('annotate', id, '--tags', `a\u001b[2J,b`, '--notes', `see\u001b]8;;http://evil.example\u0007here`).code).toBe(
      0,
    );
    for (const args of [['runs'], ['show', id], ['annotate', id, '--name', HOSTILE]]) {
      const { code, stdout, stderr } = descent(...args);
      expect(code).toBe(0);
      expect(stdout + stderr).not.toMatch(ACTIVE);
      expect(stdout).toContain('lr 0.1\\x1b]0;pwned\\x07\\x1b[2J\\r\\nfinal: test acc 0.9999\\x9b31m\\u202e');
    }
    const shown = descent('show', id).stdout;
    expect(shown).toContain('tags       a\\x1b[2J, b');
    expect(shown).toContain('notes      see\\x1b]8;;http://evil.example\\x07here');
  });

  it('--json keeps the exact text, as JSON escapes that print inertly', () => {
    const { stdout } = descent('runs', '--json');
    expect(stdout).not.toMatch(ACTIVE);
    expect(JSON.parse(stdout.trim().split('\n')[0]).name).toBe(HOSTILE);
  });

  it("a damaged folder's name is escaped too", () => {
    mkdirSync(join(HOME, 'runs', 'x\u001b]0;pwned\u0007'));
    const { code, stderr } = descent('runs');
    expect(code).toBe(0);
    expect(stderr).toContain('x\\x1b]0;pwned\\x07');
    expect(stderr).not.toMatch(ACTIVE);
    rmSync(join(HOME, 'runs', 'x\u001b]0;pwned\u0007'), { recursive: true });
  });

  it('an id typed with control characters is echoed escaped in the error', () => {
    const { code, stderr } = descent('show', '\u001b[2Jnope');
    expect(code).toBe(2);
    expect(stderr).not.toMatch(ACTIVE);
    expect(stderr).toMatch(/no run matches/);
  });

  it('so is an unknown flag that the command-line parser quotes', () => {
    const { code, stderr } = descent('runs', '--\u001b]0;pwned\u0007');
    expect(code).toBe(2);
    expect(stderr).toContain("unknown option '--\\x1b]0;pwned\\x07'");
    expect(stderr).not.toMatch(ACTIVE);
  });
});

describe("one length limit for names, tags and notes, the API's", () => {
  const long = (n: number) => 'x'.repeat(n);
  it.each([
    [
      'train --name',
      ['train', '--name', long(RUN_TEXT_LIMITS.name + 1), '--iters', '1'],
      /--name: at most 200 characters, got 201/,
    ],
    [
      'sweep --name',
      ['sweep', '--lr', '0.1,1', '--name', long(RUN_TEXT_LIMITS.name + 1), '--iters', '1'],
      /--name: at most 200 characters, got 201/,
    ],
    ['annotate --name', ['annotate', 'RUN', '--name', long(RUN_TEXT_LIMITS.name + 1)], /--name: at most 200 characters, got 201/],
    [
      'annotate --notes',
      ['annotate', 'RUN', '--notes', long(RUN_TEXT_LIMITS.notes + 1)],
      /--notes: at most 10000 characters, got 10001/,
    ],
    [
      'annotate --tags (a long tag)',
      ['annotate', 'RUN', '--tags', `ok,${long(RUN_TEXT_LIMITS.tag + 1)}`],
      /--tags: each tag at most 50 characters, got 51/,
    ],
    [
      'annotate --tags (too many)',
      ['annotate', 'RUN', '--tags', Array.from({ length: RUN_TEXT_LIMITS.tags + 1 }, (_, i) => `t${i}`).join(',')],
      /--tags: at most 20 tags, got 21/,
    ],
  ])('%s over the limit is refused (exit 2) and changes nothing', (_, args, message) => {
    const before = descent('runs', '--json').stdout;
    const { code, stderr } = descent(...args.map((a) => (a === 'RUN' ? runIds()[0] : a)));
    expect(stderr).toMatch(message);
    expect(code).toBe(2);
    expect(descent('runs', '--json').stdout).toBe(before);
  });

  it('a sweep named at the limit names its runs within it too (cut with …)', () => {
    const sweep = descent(
      'sweep',
      '--lr',
      '0.1,1',
      '--name',
      long(RUN_TEXT_LIMITS.name),
      '--iters',
      '1',
      '--train-size',
      '100',
      '--json',
    );
    expect(sweep.code).toBe(0);
    const names = sweep.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .filter((l) => l.type === 'summary')
      .map((l) => l.name as string);
    expect(names).toEqual([`${long(RUN_TEXT_LIMITS.name - 1)}…`, `${long(RUN_TEXT_LIMITS.name - 1)}…`]);
  });

  it('a name of exactly the limit is accepted', () => {
    const id = runIds()[0];
    expect(descent('annotate', id, '--name', long(RUN_TEXT_LIMITS.name)).code).toBe(0);
    expect(JSON.parse(descent('show', id, '--json').stdout).run.name).toBe(long(RUN_TEXT_LIMITS.name));
  });
});

describe('export --out never overwrites or follows a link without --force', () => {
  const out = mkdtempSync(join(tmpdir(), 'descent-export-out-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('writes a new file', () => {
    const file = join(out, 'new.csv');
    expect(descent('export', runIds()[0], '--out', file).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^run,name,/);
  });

  it('refuses a --format other than csv or json before anything is written (exit 2, naming the flag and the choices)', () => {
    const file = join(out, 'never.xml');
    const result = descent('export', runIds()[0], '--format', 'xml', '--out', file);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/'--format <format>' argument 'xml' is invalid\. Allowed choices are csv, json\./);
    expect(existsSync(file)).toBe(false);
  });

  it('refuses an existing file (exit 2, the file untouched), replaces it with --force', () => {
    const file = join(out, 'kept.csv');
    writeFileSync(file, 'precious');
    const refused = descent('export', runIds()[0], '--out', file);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--out: .*kept\.csv exists; add --force to replace it/);
    expect(readFileSync(file, 'utf8')).toBe('precious');
    expect(descent('export', runIds()[0], '--out', file, '--force').code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^run,name,/);
  });

  it('never writes through a symlink: refused without --force; with it, the link is replaced, not its target', () => {
    const target = join(out, 'target.txt');
    const link = join(out, 'link.csv');
    writeFileSync(target, 'precious');
    symlinkSync(target, link);
    const refused = descent('export', runIds()[0], '--out', link);
    expect(refused.code).toBe(2);
    expect(readFileSync(target, 'utf8')).toBe('precious');
    expect(readlinkSync(link)).toBe(target);
    // A dangling link too: O_EXCL refuses it rather than creating the file it points at.
    const dangling = join(out, 'dangling.csv');
    symlinkSync(join(out, 'nowhere.csv'), dangling);
    expect(descent('export', runIds()[0], '--out', dangling).code).toBe(2);
    expect(existsSync(join(out, 'nowhere.csv'))).toBe(false);
    expect(descent('export', runIds()[0], '--out', link, '--force').code).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe('precious');
    expect(lstatSync(link).isFile()).toBe(true);
  });
});

describe('rm and restore refuse ids that name no run', () => {
  it.each([[''], [' '], ['\t']])('rm %j is refused and removes nothing', (ref) => {
    const before = runIds();
    expect(before.length).toBeGreaterThan(0);
    const { code, stderr } = descent('rm', ref);
    expect(code).toBe(2);
    expect(stderr).toMatch(/empty run id/);
    expect(runIds()).toEqual(before);
  });

  it('restore of an id that is not in the trash exits 2 naming it', () => {
    const notAnId = descent('restore', 'nope');
    expect(notAnId.code).toBe(2);
    expect(notAnId.stderr).toMatch(/restore: "nope" is not a run id/);
    const absent = descent('restore', '20260101-000000-abcdef');
    expect(absent.code).toBe(2);
    expect(absent.stderr).toMatch(/restore: no run 20260101-000000-abcdef in the trash/);
  });
});

describe('CSV cells cannot be formulas', () => {
  it('a name that a spreadsheet would evaluate is exported as text; numbers stay numbers', () => {
    const id = runIds()[0];
    expect(descent('annotate', id, '--name', '=HYPERLINK("http://evil.example","click")').code).toBe(0);
    const rows = descent('export', id).stdout.trim().split('\n');
    expect(rows[1]).toContain(`,"'=HYPERLINK(""http://evil.example"",""click"")",`);
    expect(rows[1]).toMatch(/^\d{8}-\d{6}-[0-9a-f]{6},/);
  });
});
