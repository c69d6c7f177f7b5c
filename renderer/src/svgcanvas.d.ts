/** The part of svgcanvas (which ships no types) that Descent uses. */
declare module 'svgcanvas' {
  export class Context {
    constructor(options: { width: number; height: number });
    /** The drawing as an SVG document; `fixNamedEntities` replaces HTML entities XML does not know. */
    getSerializedSvg(fixNamedEntities?: boolean): string;
  }
}
