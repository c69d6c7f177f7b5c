// AssemblyScript is TypeScript syntax plus decorators where TypeScript allows none (`@inline function …`), which
// typescript-eslint refuses to parse. This processor blanks those decorators with spaces of the same length, so
// the rest of the file is linted as TypeScript and every reported line and column is still the source's.
const DECORATOR = /@(?:inline|unsafe|global|lazy|final|unmanaged|external(?:\([^)]*\))?|operator(?:\.\w+)?(?:\([^)]*\))?)(?=\s)/g;

/** The AssemblyScript source with its decorators replaced by as many spaces. */
export const blankDecorators = (text) => text.replace(DECORATOR, (decorator) => ' '.repeat(decorator.length));

export default {
  meta: { name: 'descent-assemblyscript' },
  processors: {
    assemblyscript: {
      meta: { name: 'assemblyscript' },
      preprocess: (text) => [blankDecorators(text)],
      postprocess: (messages) => messages.flat(),
      supportsAutofix: false,
    },
  },
};
