/** Every relative link in README*.md and docs/**.md resolves: the file exists, and a #fragment names one of its headings. */
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { brokenLinks, documentationFiles, headingAnchors, linkTargets } from '../../support/markdown-links.js';

const root = resolve(import.meta.dirname, '../../..');

describe("the project's documentation", () => {
  const files = documentationFiles(root);

  it('covers the README, its translations and the docs pages', () => {
    const names = files.map((file) => file.slice(root.length + 1));
    expect(names).toContain('README.md');
    expect(names).toContain('docs/cli.md');
    expect(names.filter((name) => name.startsWith('docs/guide/')).length).toBeGreaterThanOrEqual(5);
  });

  it('has no broken relative link or anchor', () => {
    expect(brokenLinks(files, root)).toEqual([]);
  });

  it('links every docs page from the README (directly or through a page it links)', () => {
    const reached = new Set<string>();
    const visit = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const href of linkTargets(readText(file))) {
        const path = href.split('#')[0];
        if (path.endsWith('.md') && !/^[a-z]+:/i.test(path)) visit(resolve(file, '..', path));
      }
    };
    visit(join(root, 'README.md'));
    expect(files.filter((file) => file.includes('/docs/') && !reached.has(file))).toEqual([]);
  });

  it('links the same docs pages from README.zh-CN.md and README.ja.md as from README.md', () => {
    const pages = (readme: string) =>
      [
        ...new Set(
          linkTargets(readText(join(root, readme)))
            .map((href) => href.split('#')[0])
            .filter((path) => path.startsWith('docs/') && path.endsWith('.md')),
        ),
      ].sort();
    const english = pages('README.md');
    expect(english.length).toBeGreaterThan(10);
    for (const readme of ['README.zh-CN.md', 'README.ja.md']) expect(pages(readme), readme).toEqual(english);
  });
});

describe('the link check itself', () => {
  const dir = mkdtempSync(join(tmpdir(), 'descent-docs-links-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports a missing file, a missing anchor and an anchor into a non-Markdown file, and accepts good links', () => {
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs', 'page.md'), '# The `descent serve` page\n\n## Compare & export\n\n## Compare & export\n');
    writeFileSync(join(dir, 'docs', 'shot.png'), '');
    writeFileSync(
      join(dir, 'README.md'),
      [
        '# Top',
        '[ok](docs/page.md#the-descent-serve-page) [ok](docs/page.md#compare--export) [ok](docs/page.md#compare--export-1)',
        '![ok](docs/shot.png) [ok](#top) [web](https://example.com/missing.md) `[code](docs/nowhere.md)`',
        '[gone](docs/nowhere.md) [no anchor](docs/page.md#nothing) [png anchor](docs/shot.png#x) [self](#bottom)',
        '',
        '| a | b |',
        '|---|---|',
        '| [in a table](docs/table.md) | x |',
        '',
        '- [in a list](docs/list.md)',
      ].join('\n'),
    );
    expect(brokenLinks(documentationFiles(dir), dir)).toEqual([
      { file: 'README.md', href: 'docs/nowhere.md', reason: 'docs/nowhere.md does not exist' },
      { file: 'README.md', href: 'docs/page.md#nothing', reason: 'docs/page.md has no heading #nothing' },
      { file: 'README.md', href: 'docs/shot.png#x', reason: '#x points into docs/shot.png, which is not a Markdown file' },
      { file: 'README.md', href: '#bottom', reason: 'README.md has no heading #bottom' },
      { file: 'README.md', href: 'docs/table.md', reason: 'docs/table.md does not exist' },
      { file: 'README.md', href: 'docs/list.md', reason: 'docs/list.md does not exist' },
    ]);
  });

  it("slugs headings as GitHub does (code spans' text, punctuation dropped, repeats numbered)", () => {
    expect([...headingAnchors('# Repeats: is the difference real? `descent compare`\n## A\n## A\n')]).toEqual([
      'repeats-is-the-difference-real-descent-compare',
      'a',
      'a-1',
    ]);
  });
});

function readText(file: string): string {
  return readFileSync(file, 'utf8');
}
