/**
 * Relative links in the project's Markdown (README*.md, docs/**): every link and image must name a file that
 * exists, and a `#fragment` must name a heading of its target as GitHub renders it (github-slugger: the slugs
 * GitHub gives headings, `-1`, `-2`… for repeats). Links with a scheme (https:, mailto:) are not followed.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import GithubSlugger from 'github-slugger';
import { Lexer, type Token, type Tokens } from 'marked';

export interface BrokenLink {
  file: string;
  href: string;
  reason: string;
}

/** The Markdown files whose links the docs check covers: README*.md at the root and every .md under docs/. */
export function documentationFiles(root: string): string[] {
  const readmes = readdirSync(root).filter((name) => /^README.*\.md$/.test(name));
  const docs = existsSync(join(root, 'docs'))
    ? readdirSync(join(root, 'docs'), { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.md'))
        .map((name) => join('docs', name))
    : [];
  return [...readmes, ...docs].map((name) => join(root, name)).sort();
}

/** Every link's and image's destination in a Markdown text, code spans and blocks left out (marked's lexer). */
export function linkTargets(markdown: string): string[] {
  const hrefs: string[] = [];
  walk(new Lexer().lex(markdown), (token) => {
    if (token.type === 'link' || token.type === 'image') hrefs.push((token as Tokens.Link | Tokens.Image).href);
    if (token.type === 'html') {
      for (const match of (token as Tokens.HTML).raw.matchAll(/\s(?:href|src)\s*=\s*"([^"]*)"/g)) hrefs.push(match[1]);
    }
  });
  return hrefs;
}

/** The anchors GitHub gives a Markdown text's headings. */
export function headingAnchors(markdown: string): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  walk(new Lexer().lex(markdown), (token) => {
    if (token.type === 'heading') anchors.add(slugger.slug(plainText((token as Tokens.Heading).tokens)));
  });
  return anchors;
}

/** The links of `files` that do not resolve, each with the reason. */
export function brokenLinks(files: readonly string[], root: string): BrokenLink[] {
  const anchorsOf = new Map<string, Set<string>>();
  const anchors = (file: string): Set<string> => {
    let set = anchorsOf.get(file);
    if (!set) anchorsOf.set(file, (set = headingAnchors(readFileSync(file, 'utf8'))));
    return set;
  };
  const broken: BrokenLink[] = [];
  for (const file of files) {
    for (const href of linkTargets(readFileSync(file, 'utf8'))) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) continue;
      const report = (reason: string) => broken.push({ file: relative(root, file), href, reason });
      const [path, fragment] = splitFragment(href);
      const target = path === '' ? file : resolve(dirname(file), decodeURIComponent(path));
      if (!existsSync(target)) {
        report(`${relative(root, target)} does not exist`);
        continue;
      }
      if (fragment === undefined || fragment === '') continue;
      if (!target.endsWith('.md') || statSync(target).isDirectory()) {
        report(`#${fragment} points into ${relative(root, target)}, which is not a Markdown file`);
      } else if (!anchors(target).has(decodeURIComponent(fragment).toLowerCase())) {
        report(`${relative(root, target)} has no heading #${fragment}`);
      }
    }
  }
  return broken;
}

function splitFragment(href: string): [string, string | undefined] {
  const hash = href.indexOf('#');
  const withoutQuery = (path: string) => path.replace(/\?.*$/, '');
  return hash < 0 ? [withoutQuery(href), undefined] : [withoutQuery(href.slice(0, hash)), href.slice(hash + 1)];
}

/** The text a heading renders as (what GitHub slugs): code spans' content, links' text, no markup. */
function plainText(tokens: readonly Token[] | undefined): string {
  return (tokens ?? [])
    .map((token) => {
      if ('tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0) return plainText(token.tokens);
      if (token.type === 'html') return '';
      return 'text' in token && typeof token.text === 'string' ? token.text : '';
    })
    .join('');
}

/** Calls `visit` on every token, depth first: nested inline tokens, list items and table cells included. */
function walk(tokens: readonly Token[], visit: (token: Token) => void): void {
  for (const token of tokens) {
    visit(token);
    if ('tokens' in token && Array.isArray(token.tokens)) walk(token.tokens, visit);
    if (token.type === 'list') walk((token as Tokens.List).items, visit);
    if (token.type === 'table') {
      const table = token as Tokens.Table;
      for (const cell of [...table.header, ...table.rows.flat()]) walk(cell.tokens, visit);
    }
  }
}
