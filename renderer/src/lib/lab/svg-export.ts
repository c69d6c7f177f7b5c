/**
 * The Lab's SVG figures as files: a copy of the figure on screen with every colour the page's CSS gave it
 * written into the copy (a saved SVG has no stylesheet), on the panel's background (saved by export-figure.ts).
 */

const PAINTED = [
  'fill',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'opacity',
  'font-size',
  'font-family',
  'font-weight',
] as const;

/** A standalone SVG document of `svg` as it looks now. */
export function standaloneSvg(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  originals.forEach((element, i) => {
    const style = getComputedStyle(element);
    for (const property of PAINTED) copies[i].setAttribute(property, style.getPropertyValue(property));
  });
  const box = svg.viewBox.baseVal;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(box.width));
  copy.setAttribute('height', String(box.height));
  copy.removeAttribute('class');
  const background = getComputedStyle(svg).getPropertyValue('--panel').trim() || '#ffffff';
  const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  Object.entries({ x: box.x, y: box.y, width: box.width, height: box.height, fill: background }).forEach(([k, v]) =>
    rect.setAttribute(k, String(v)),
  );
  copy.prepend(rect);
  return new XMLSerializer().serializeToString(copy);
}
