// Module hooks (node:module register): `electron` resolves to a module re-exporting the stand-in that
// register.mjs loaded, so the app and the test's `evaluate` see one and the same instance.
let key = '';
let names = [];

export function initialize(data) {
  key = data.key;
  names = data.names;
}

export function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: 'descent-stand-in:electron', shortCircuit: true };
  return next(specifier, context);
}

export function load(url, context, next) {
  if (url !== 'descent-stand-in:electron') return next(url, context);
  const exports = names.map((name) => `export const ${name} = standIn.${name};`).join('\n');
  return {
    format: 'module',
    source: `const standIn = globalThis[Symbol.for(${JSON.stringify(key)})];\n${exports}\nexport default standIn;`,
    shortCircuit: true,
  };
}
