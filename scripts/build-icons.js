// Renders build/icon.svg to the icon files each platform's installer needs, into build/generated/:
// icon.png (1024 px, the source for the rest), icon.icns (macOS), icon.ico (Windows) and icons/NxN.png
// (Linux desktop entries and AppImage). The SVG is the only committed artwork; these are build outputs.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

const root = join(import.meta.dirname, '..');
const out = join(root, 'build', 'generated');
const svg = readFileSync(join(root, 'build', 'icon.svg'));

/** The SVG rasterized at `size` × `size` pixels (rendering each size from the vector keeps small ones sharp). */
const render = (size) => new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();

mkdirSync(join(out, 'icons'), { recursive: true });
const master = render(1024);
writeFileSync(join(out, 'icon.png'), master);
for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
  writeFileSync(join(out, 'icons', `${size}x${size}.png`), render(size));
}
const icns = png2icons.createICNS(master, png2icons.BICUBIC2, 0);
// ICO with PNG-compressed entries (Vista and later) keeps the 256 px layer small.
const ico = png2icons.createICO(master, png2icons.BICUBIC2, 0, true, true);
if (!icns || !ico) throw new Error('png2icons could not convert build/generated/icon.png');
writeFileSync(join(out, 'icon.icns'), icns);
writeFileSync(join(out, 'icon.ico'), ico);
console.log(`icons: ${out}`);
