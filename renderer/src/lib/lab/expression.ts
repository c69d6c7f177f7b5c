/**
 * Functions of (x0, x1) typed by the reader ("x0^2 - x1^2"), for the gradient-descent page: parsed by jsep
 * (an expression parser; it evaluates nothing) and evaluated here over a closed set of operations — numbers,
 * x0 and x1, pi and e, + − × ÷ and powers, and a few named functions. Nothing else is reachable: no
 * property access, no other names, no JavaScript evaluation.
 */
import jsep from 'jsep';
import { t, type MessageKey } from '../i18n';
import { errorMessage } from '../../../../shared/errors';

type Fn2 = (x: Float64Array) => number;

/** The named functions one may call, with their number of arguments. */
const FUNCTIONS: Record<string, [number, (...a: number[]) => number]> = {
  sin: [1, Math.sin],
  cos: [1, Math.cos],
  tan: [1, Math.tan],
  tanh: [1, Math.tanh],
  exp: [1, Math.exp],
  log: [1, Math.log],
  sqrt: [1, Math.sqrt],
  abs: [1, Math.abs],
  min: [2, Math.min],
  max: [2, Math.max],
};

const CONSTANTS: Record<string, number> = { pi: Math.PI, e: Math.E };

const BINARY: Record<string, (a: number, b: number) => number> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '^': (a, b) => a ** b,
};

// Only arithmetic, with ^ as the power (above × and ÷, right to left, as in mathematics).
jsep.removeAllBinaryOps();
jsep.removeAllUnaryOps();
jsep.removeAllLiterals();
for (const [op, precedence] of [
  ['+', 9],
  ['-', 9],
  ['*', 10],
  ['/', 10],
] as const)
  jsep.addBinaryOp(op, precedence);
jsep.addBinaryOp('^', 11, true);
jsep.addUnaryOp('-');
jsep.addUnaryOp('+');

/** What an expression may use, in the page's language. */
const allowed = (): string => t('lab.expression.allowed', { functions: Object.keys(FUNCTIONS).join(', ') });

function fail(message: string): never {
  throw new RangeError(t('lab.expression.fail', { message }));
}

function compileNode(node: jsep.Expression): Fn2 {
  switch (node.type) {
    case 'Literal': {
      const value = (node as jsep.Literal).value;
      if (typeof value !== 'number') fail(t('lab.expression.notNumber', { value: JSON.stringify(value), allowed: allowed() }));
      return () => value;
    }
    case 'Identifier': {
      const name = (node as jsep.Identifier).name;
      if (name === 'x0') return (x) => x[0];
      if (name === 'x1') return (x) => x[1];
      if (Object.hasOwn(CONSTANTS, name)) {
        const value = CONSTANTS[name];
        return () => value;
      }
      return fail(t('lab.expression.unknownName', { name, allowed: allowed() }));
    }
    case 'UnaryExpression': {
      const { operator, argument } = node as jsep.UnaryExpression;
      const inner = compileNode(argument);
      return operator === '-' ? (x) => -inner(x) : inner;
    }
    case 'BinaryExpression': {
      const { operator, left, right } = node as jsep.BinaryExpression;
      // jsep binds a sign tighter than ^, so "-x0^2" would read as (−x0)²; mathematics reads −(x0²).
      if (operator === '^' && left.type === 'UnaryExpression') fail(t('lab.expression.ambiguousSign'));
      const op = BINARY[operator];
      const [a, b] = [compileNode(left), compileNode(right)];
      return (x) => op(a(x), b(x));
    }
    case 'CallExpression': {
      const { callee, arguments: args } = node as jsep.CallExpression;
      const name = callee.type === 'Identifier' ? (callee as jsep.Identifier).name : '';
      if (!Object.hasOwn(FUNCTIONS, name))
        fail(t('lab.expression.unknownFunction', { name: name || '…', functions: Object.keys(FUNCTIONS).join(', ') }));
      const [arity, fn] = FUNCTIONS[name];
      if (args.length !== arity) fail(t('lab.expression.arity', { name, count: arity, got: args.length }));
      const compiled = args.map(compileNode);
      return arity === 1 ? (x) => fn(compiled[0](x)) : (x) => fn(compiled[0](x), compiled[1](x));
    }
    default:
      return fail(t('lab.expression.notAllowed', { type: node.type, allowed: allowed() }));
  }
}

/** `text` as a function of x = [x0, x1]; a RangeError naming the field and what is allowed if it is not one. */
export function compileExpression(text: string): Fn2 {
  if (!text.trim()) fail(t('lab.expression.empty'));
  if (text.length > 500) fail(t('lab.expression.tooLong', { length: text.length }));
  let tree: jsep.Expression;
  try {
    tree = jsep(text);
  } catch (e) {
    return fail(t('lab.expression.syntax', { message: errorMessage(e).replace(/ at character \d+$/, ''), text }));
  }
  return compileNode(tree);
}

/** Surfaces to try: the book's bowl, a saddle point, and a plateau where the gradient all but vanishes. */
export const FUNCTION_PRESETS: ReadonlyArray<{ label: MessageKey; text: string }> = [
  { label: 'lab.descent.presetBook', text: 'x0^2 + x1^2' },
  { label: 'lab.descent.presetSaddle', text: 'x0^2 - x1^2' },
  { label: 'lab.descent.presetPlateau', text: '1 - exp(-(x0^2 + x1^2) / 2)' },
  { label: 'lab.descent.presetValley', text: 'x0^2 / 20 + x1^2' },
];
