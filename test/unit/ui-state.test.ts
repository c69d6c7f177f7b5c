import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFS, parseUiState } from '../../shared/ui-state';
import { fieldsFrom } from '../../renderer/src/lib/form';

const prefs = {
  smoothing: 0.8,
  logY: true,
  xAxis: 'time',
  exportWidth: 1600,
  exportHeight: 900,
  exportScale: 3,
  exportBackground: 'transparent',
};

describe("the page's saved UI state", () => {
  it('a state the page saved is restored as saved', () => {
    const form = { ...fieldsFrom(), hidden: ['100'], learningRate: '0.5', iterations: '777', name: 'half filled' };
    const sweep = {
      parameter: 'batchSize',
      valuesText: '50, 100',
      name: 'batch for the report',
      iterations: '30',
      repeatText: '2',
      parallelText: '1',
    };
    const saved = {
      selected: ['20261128-103400-3f9a1c'],
      view: 'compare',
      labPage: 'descent',
      prefs,
      form,
      sweep,
      locale: 'zh-CN',
    };
    expect(parseUiState(JSON.stringify(saved))).toEqual(saved);
    // Name and iterations not offered yet (the builder never showed).
    const unnamed = { ...saved, sweep: { ...sweep, name: null, iterations: null } };
    expect(parseUiState(JSON.stringify(unnamed))).toEqual(unnamed);
  });

  it('a state saved before the language was kept still loads, following the system language (locale null)', () => {
    const before = { selected: ['20261128-103400-3f9a1c'], view: 'compare', labPage: 'descent', prefs, form: null };
    expect(parseUiState(JSON.stringify(before))).toEqual({ ...before, sweep: null, locale: null });
  });

  it('a sweep builder that does not fit (a field missing or not text, a parameter no sweep varies) is dropped alone', () => {
    const sweep = {
      parameter: 'learningRate',
      valuesText: '0.1',
      name: null,
      iterations: '300',
      repeatText: '1',
      parallelText: '',
    };
    for (const bad of [
      { ...sweep, parameter: 'momentum' },
      { ...sweep, valuesText: 0.1 },
      { ...sweep, repeatText: undefined },
      { ...sweep, valuesText: 'x'.repeat(5000) },
      'learningRate',
    ]) {
      expect(parseUiState(JSON.stringify({ view: 'sweep', labPage: 'gradient', sweep: bad }))).toMatchObject({
        view: 'sweep',
        labPage: 'gradient',
        sweep: null,
      });
    }
  });

  it('a language the workbench does not speak, or not a string, falls back to the system language alone', () => {
    for (const locale of ['fr', 'zh', 'ZH-CN', 3, ['ja']]) {
      expect(parseUiState(JSON.stringify({ view: 'sweep', locale }))).toMatchObject({ view: 'sweep', locale: null });
    }
    expect(parseUiState(JSON.stringify({ locale: 'ja' })).locale).toBe('ja');
  });

  it('nothing saved, or not JSON, or not an object: every field at its default', () => {
    const defaults = {
      selected: [],
      view: 'train',
      labPage: 'losses',
      prefs: DEFAULT_PREFS,
      form: null,
      sweep: null,
      locale: null,
    };
    for (const text of [null, '', 'not json', 'null', '[1]', '7']) expect(parseUiState(text)).toEqual(defaults);
    expect(DEFAULT_PREFS).toEqual({
      smoothing: 0.6,
      logY: false,
      xAxis: 'iteration',
      exportWidth: 1200,
      exportHeight: 700,
      exportScale: 2,
      exportBackground: '#ffffff',
    });
  });

  it('each field that does not fit falls back alone; the others are kept', () => {
    const state = parseUiState(
      JSON.stringify({
        selected: ['a', 3, null, 'b'],
        view: 'settings',
        labPage: 'chapter 5',
        prefs: { ...prefs, smoothing: 1, exportWidth: 'wide', exportBackground: 'red', xAxis: 'loss' },
      }),
    );
    expect(state).toEqual({
      selected: ['a', 'b'],
      view: 'train',
      labPage: 'losses',
      prefs: { ...prefs, smoothing: 0.6, exportWidth: 1200, exportBackground: '#ffffff', xAxis: 'iteration' },
      form: null,
      sweep: null,
      locale: null,
    });
    // A form draft that does not fit (a field missing, an unknown weight init) is dropped alone.
    expect(parseUiState(JSON.stringify({ view: 'sweep', form: { ...fieldsFrom(), initKind: 'lecun' } }))).toMatchObject({
      view: 'sweep',
      form: null,
    });
    expect(parseUiState(JSON.stringify({ form: { learningRate: '0.5' } })).form).toBeNull();
    expect(parseUiState(JSON.stringify({ selected: Array.from({ length: 150 }, (_, i) => `r${i}`) })).selected).toHaveLength(100);
    expect(parseUiState(JSON.stringify({ view: 'lab', prefs: 'dark' }))).toEqual({
      selected: [],
      view: 'lab',
      labPage: 'losses',
      prefs: DEFAULT_PREFS,
      form: null,
      sweep: null,
      locale: null,
    });
  });
});
