import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_STATE, parseWindowState } from '../../shared/window-state';

describe('window-state.json', () => {
  it('a state the window saved is restored as saved', () => {
    const saved = { x: -1920, y: 20, width: 1000, height: 700, maximized: true };
    expect(parseWindowState(JSON.stringify(saved))).toEqual(saved);
    expect(parseWindowState('{"width":900,"height":600}')).toEqual({ width: 900, height: 600 });
  });

  it('a file that does not fit opens the window at its default size instead of failing', () => {
    for (const text of [
      '',
      'not json',
      'null',
      '[]',
      '{"width":"wide","height":600}',
      '{"width":0,"height":600}',
      '{"width":1e9,"height":600}',
      '{"x":1.5,"width":900,"height":600}',
    ]) {
      expect(parseWindowState(text)).toEqual(DEFAULT_WINDOW_STATE);
    }
  });
});
