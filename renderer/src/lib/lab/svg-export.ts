/**
 * The Lab's SVG figures as files: a copy of the figure on screen with every colour the page's CSS gave it
 * written into the copy (a saved SVG has no stylesheet), on the panel's background, saved as SVG or PNG.
 */
import type { WorkbenchApi } from '../../../../shared/api';
import { figurePng } from '../figure';

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

/** Saves the figure as `name`.svg or `name`.png (300 dpi). */
export async function saveSvgFigure(api: WorkbenchApi, svg: SVGSVGElement, name: string, format: 'svg' | 'png'): Promise<void> {
  const text = standaloneSvg(svg);
  if (format === 'svg') await api.saveFile({ suggestedName: `${name}.svg`, mime: 'image/svg+xml', data: text, base64: false });
  else await api.saveFile({ suggestedName: `${name}.png`, mime: 'image/png', data: await figurePng(text), base64: true });
}
