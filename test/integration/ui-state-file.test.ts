/** `<home>/ui-state.json` on a real disk: round trip, and files that cannot be used read as defaults, never fatal. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_UI_STATE_BYTES, readUiState, uiStatePath, writeUiState } from '../../electron/core/store/ui-state-file';
import { DEFAULT_PREFS, parseUiState, type UiState } from '../../shared/ui-state';

let root: string;
let home: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'descent-ui-state-'));
  home = join(root, 'home');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const defaults = parseUiState(null);
const state: UiState = {
  selected: ['20260101-000100-000004', '20260101-000100-000005'],
  view: 'compare',
  labPage: 'numerical-diff',
  prefs: { ...DEFAULT_PREFS, smoothing: 0.25, logY: true, xAxis: 'epoch' },
  form: null,
  sweep: { parameter: 'hidden', valuesText: '20, 40', name: null, iterations: '25', repeatText: '3', parallelText: '2' },
  locale: 'zh-CN',
};

describe('ui-state.json in the store home', () => {
  it('reads back what was written, in a home that did not exist yet, leaving no temporary file', () => {
    expect(readUiState(home)).toBeNull();
    writeUiState(home, state);
    expect(readUiState(home)).toEqual(state);
    writeUiState(home, { ...state, view: 'sweep' });
    expect(readUiState(home)?.view).toBe('sweep');
    expect(readdirSync(home)).toEqual(['ui-state.json']);
  });

  it("stores only the schema's fields, each in range", () => {
    writeUiState(home, { ...state, extra: 'dropped', prefs: { ...state.prefs, smoothing: 5 } } as UiState);
    const saved = JSON.parse(readFileSync(uiStatePath(home), 'utf8'));
    expect(Object.keys(saved).sort()).toEqual(['form', 'labPage', 'locale', 'prefs', 'selected', 'sweep', 'view']);
    expect(saved.prefs.smoothing).toBe(0.6);
  });

  it('a corrupt file keeps every field that still fits and warns about nothing it could read', () => {
    mkdirSync(home);
    const warnings: string[] = [];
    writeFileSync(
      uiStatePath(home),
      JSON.stringify({ view: 'nowhere', selected: 'x', prefs: { smoothing: 0.4, logY: 'yes', xAxis: 'time' } }),
    );
    expect(readUiState(home, (w) => warnings.push(w))).toEqual({
      ...defaults,
      prefs: { ...DEFAULT_PREFS, smoothing: 0.4, xAxis: 'time' },
    });
    writeFileSync(uiStatePath(home), '{"view": "compare", tru');
    expect(readUiState(home, (w) => warnings.push(w))).toEqual(defaults);
    expect(warnings).toEqual([]);
  });

  it('an oversized file, a folder or a link out of the home read as the defaults, with a warning naming the file', () => {
    mkdirSync(home);
    const warnings: string[] = [];
    writeFileSync(uiStatePath(home), `{"view":"compare","pad":"${'x'.repeat(MAX_UI_STATE_BYTES)}"}`);
    expect(readUiState(home, (w) => warnings.push(w))).toEqual(defaults);
    rmSync(uiStatePath(home));
    mkdirSync(uiStatePath(home));
    expect(readUiState(home, (w) => warnings.push(w))).toEqual(defaults);
    rmSync(uiStatePath(home), { recursive: true });
    writeFileSync(join(root, 'elsewhere.json'), JSON.stringify(state));
    symlinkSync(join(root, 'elsewhere.json'), uiStatePath(home));
    expect(readUiState(home, (w) => warnings.push(w))).toEqual(defaults);
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/ui-state\.json: is .* more than the 256 KiB/);
    expect(warnings[1]).toMatch(/ui-state\.json: is a folder, not a regular file/);
    expect(warnings[2]).toMatch(/outside the store/);
    // Saving replaces the link; the file it pointed to is untouched.
    writeUiState(home, state);
    expect(readUiState(home)).toEqual(state);
    expect(JSON.parse(readFileSync(join(root, 'elsewhere.json'), 'utf8'))).toEqual(state);
  });
});
