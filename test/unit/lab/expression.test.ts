import { describe, expect, it } from 'vitest';
import { compileExpression, FUNCTION_PRESETS } from '../../../renderer/src/lib/lab/expression';
import { descentPath, function2 } from '../../../renderer/src/lib/lab/gradient-field';

const at = (text: string, x0: number, x1: number) => compileExpression(text)(new Float64Array([x0, x1]));

describe('Lab: functions typed by the reader', () => {
  it("evaluates arithmetic with mathematics' precedence: ^ above × ÷ above + −, ^ right to left", () => {
    expect(at('x0^2 + x1^2', 3, 4)).toBe(25);
    expect(at('2 * x0^2', 3, 0)).toBe(18);
    expect(at('2^3^2', 0, 0)).toBe(512);
    expect(at('1 - 2 - 3', 0, 0)).toBe(-4);
    expect(at('-(x0^2) + x1 / 4', 3, 2)).toBe(-8.5);
    expect(at('sin(pi / 2) + exp(0) + max(x0, x1)', 1, 2)).toBe(4);
    expect(at('e', 0, 0)).toBe(Math.E);
  });

  it("the book's preset is the book's function: the same descent end point", () => {
    const typed = compileExpression(FUNCTION_PRESETS[0].text);
    expect(descentPath(typed, [-3, 4], 0.1, 100)[100]).toEqual(descentPath(function2, [-3, 4], 0.1, 100)[100]);
  });

  it('a saddle: descent from (1, 1e-3) slides down along x1 and away from the saddle point', () => {
    const saddle = compileExpression('x0^2 - x1^2');
    const end = descentPath(saddle, [1, 1e-3], 0.1, 30)[30];
    expect(Math.abs(end[0])).toBeLessThan(1e-2);
    expect(end[1]).toBeGreaterThan(0.2);
  });

  it('refuses anything but arithmetic, naming the field and what is allowed', () => {
    expect(() => compileExpression('')).toThrow('function: type an expression in x0 and x1');
    expect(() => compileExpression('alert(1)')).toThrow('function: unknown function "alert"');
    expect(() => compileExpression('constructor')).toThrow('function: unknown name "constructor"');
    expect(() => compileExpression('x0.constructor')).toThrow(/function: /);
    expect(() => compileExpression('x0 = 1')).toThrow(/function: /);
    expect(() => compileExpression('"a"')).toThrow('function: "a" is not a number');
    expect(() => compileExpression('x0 && x1')).toThrow(/function: /);
    expect(() => compileExpression('sin(1, 2)')).toThrow('function: sin takes 1 argument, got 2');
    expect(() => compileExpression('-x0^2')).toThrow('function: a sign right before ^ is ambiguous');
    expect(() => compileExpression('x0 +')).toThrow(/function: .* in "x0 \+"/);
    expect(() => compileExpression('toString()')).toThrow('function: unknown function "toString"');
  });
});
