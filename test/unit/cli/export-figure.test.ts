/** `descent export --figure`'s checks before any browser starts: the file's format, the browser, the flags. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { figureFlagsFrom, figureFormatOf, findChromium } from '../../../electron/cli/export-figure';
import { UsageError } from '../../../electron/cli/train-flags';

const dir = mkdtempSync(join(tmpdir(), 'descent-figure-unit-'));
const fakeBrowser = join(dir, 'chromium');
writeFileSync(fakeBrowser, '');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('descent export --figure', () => {
  it('takes the format from the extension, in any case, and refuses others naming --figure and the choices', () => {
    expect(figureFormatOf('out/figure.svg')).toBe('svg');
    expect(figureFormatOf('Figure.PNG')).toBe('png');
    expect(figureFormatOf('a.b.pdf')).toBe('pdf');
    expect(() => figureFormatOf('figure.jpg')).toThrow(UsageError);
    expect(() => figureFormatOf('figure')).toThrow('--figure: "figure" must end in .svg, .png, .pdf');
  });

  it('draws in the browser --chromium names, else CHROMIUM_PATH, else the first of the usual places', () => {
    const missing = join(dir, 'nowhere');
    expect(findChromium(fakeBrowser, { CHROMIUM_PATH: missing }, [])).toBe(fakeBrowser);
    expect(findChromium(undefined, { CHROMIUM_PATH: fakeBrowser }, [])).toBe(fakeBrowser);
    expect(findChromium(undefined, {}, [missing, fakeBrowser])).toBe(fakeBrowser);
    expect(() => findChromium(missing, {}, [fakeBrowser])).toThrow(`--chromium: no browser at "${missing}"`);
    expect(() => findChromium(undefined, { CHROMIUM_PATH: missing }, [fakeBrowser])).toThrow(`CHROMIUM_PATH: no browser at`);
  });

  it('without a browser, says where it looked and how to name one (the flag and the variable)', () => {
    const missing = join(dir, 'nowhere');
    expect(() => findChromium(undefined, {}, [missing])).toThrow(
      new RegExp(`none was found \\(looked at ${missing}\\).*apt-get install chromium.*--chromium PATH or CHROMIUM_PATH=PATH`),
    );
  });

  it('reads the flags as the compare view has them: size, panels, caption, band; chart settings only where given', () => {
    expect(figureFlagsFrom({ size: 'single', caption: true, band: 'sd' })).toEqual({
      force: false,
      options: { preset: 'single', panels: false, caption: true, band: 'sd' },
      chart: {},
      chromium: undefined,
      locale: undefined,
    });
    const flags = figureFlagsFrom({
      size: 'slide',
      panels: true,
      caption: false,
      band: 'ci95',
      smoothing: '0',
      xAxis: 'epoch',
      logY: true,
    });
    expect(flags.options).toEqual({ preset: 'slide', panels: true, caption: false, band: 'ci95' });
    expect(flags.chart).toEqual({ smoothing: 0, xAxis: 'epoch', logY: true });
    for (const bad of ['1', '-0.1', 'x', ' '])
      expect(() => figureFlagsFrom({ size: 'double', caption: true, band: 'sd', smoothing: bad })).toThrow(
        `--smoothing: must be a number from 0 to 0.99, got ${JSON.stringify(bad)}`,
      );
  });
});
