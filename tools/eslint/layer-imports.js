// An ESLint rule that keeps each folder inside its layer by an allow-list (VS Code's `code-import-patterns`):
// a layer names what it MAY import, so anything new is refused until someone decides it belongs there.
import { isBuiltin } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * What an import specifier points at: a repo path (`shared/engine/rng`), a Node builtin, the Electron runtime,
 * or an npm package (by its package name, `@scope/name` or `name`).
 */
export function classifyImport(specifier, fromFile) {
  const bare = specifier.split('?')[0];
  if (bare.startsWith('.') || bare.startsWith('/')) {
    const target = relative(ROOT, resolve(dirname(fromFile), bare))
      .split(sep)
      .join('/');
    return { kind: 'repo', name: target };
  }
  if (bare.startsWith('node:') || isBuiltin(bare)) return { kind: 'node', name: bare };
  const parts = bare.split('/');
  const name = bare.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  if (name === 'electron') return { kind: 'electron', name };
  return { kind: 'npm', name };
}

const inFolder = (path, folder) => path === folder || path.startsWith(`${folder}/`);

/** Whether `layer.may` lets it import `target` (see the option schema below for the fields). */
export function mayImport(may, target) {
  switch (target.kind) {
    case 'repo':
      return (may.folders ?? []).some((folder) => inFolder(target.name, folder));
    case 'node':
      return may.node === true;
    case 'electron':
      return may.electron === true;
    case 'npm':
      return may.npm === true || (Array.isArray(may.npm) && may.npm.includes(target.name));
  }
  return false;
}

/** A layer's allow-list in words, for the error message. */
export function describeAllowList(may) {
  const words = (may.folders ?? []).map((folder) => `${folder}/`);
  if (may.node) words.push('node:*');
  if (may.npm === true) words.push('npm packages');
  else if (Array.isArray(may.npm) && may.npm.length) words.push(...may.npm);
  if (may.electron) words.push('electron');
  return words.join(', ');
}

const layerOf = (layers, file) => {
  const path = relative(ROOT, file).split(sep).join('/');
  return layers.find((layer) => inFolder(path, layer.folder));
};

const allowList = {
  type: 'object',
  additionalProperties: false,
  properties: {
    folders: { type: 'array', items: { type: 'string' } },
    node: { type: 'boolean' },
    electron: { type: 'boolean' },
    npm: { anyOf: [{ type: 'boolean' }, { type: 'array', items: { type: 'string' } }] },
  },
};

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Each layer imports only what its allow-list names (the layer table in README.md).' },
    schema: [
      {
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['folder', 'may'],
          properties: { folder: { type: 'string' }, may: allowList, why: { type: 'string' } },
        },
      },
    ],
    messages: {
      outside: '{{layer}}/ may not import "{{specifier}}" ({{target}}): besides itself it may import only {{allowed}}.{{why}}',
    },
  },
  create(context) {
    // The file on disk: a processor's block (assembly/*.ts) has a virtual name below it.
    const file = context.physicalFilename;
    const layer = layerOf(context.options[0] ?? [], file);
    if (!layer) return {};
    const check = (source) => {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const target = classifyImport(source.value, file);
      if (target.kind === 'repo' && inFolder(target.name, layer.folder)) return; // a layer may always use itself
      if (mayImport(layer.may, target)) return;
      context.report({
        node: source,
        messageId: 'outside',
        data: {
          layer: layer.folder,
          specifier: source.value,
          target: {
            repo: target.name,
            node: 'a Node builtin',
            electron: 'the Electron runtime',
            npm: `npm package ${target.name}`,
          }[target.kind],
          allowed: describeAllowList(layer.may) || 'nothing',
          why: layer.why ? ` ${layer.why}` : '',
        },
      });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportType: (node) => check(node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument),
    };
  },
};

export default { meta: { name: 'descent-layers' }, rules: { 'layer-imports': rule } };
