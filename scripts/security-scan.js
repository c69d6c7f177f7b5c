// Doyensec's Electronegativity over Descent's sources (the Electron checklist, automated): fails on
// any HIGH or MEDIUM finding. False positives are silenced at the line named, with an
// `eng-disable CHECK_ID` comment saying why. The tool lives in tools/electronegativity with its own
// lockfile (it needs commander 6; the project uses 14), installed here on first use.
//
// Only the sources are scanned (copied to a scratch folder): out/ holds bundles of the same code
// without the comments that explain the exceptions, and test/ mocks Electron on purpose.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const toolDir = join(root, 'tools', 'electronegativity');
const cli = join(toolDir, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
const SOURCES = ['package.json', 'package-lock.json', 'electron', 'renderer', 'shared'];

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

if (!existsSync(cli)) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  if (run(npm, ['ci', '--no-audit', '--no-fund', '--prefix', toolDir], { shell: process.platform === 'win32' }) !== 0) {
    console.error('security: could not install tools/electronegativity');
    process.exit(1);
  }
}

const scratch = mkdtempSync(join(tmpdir(), 'descent-electronegativity-'));
try {
  for (const source of SOURCES) cpSync(join(root, source), join(scratch, source), { recursive: true });
  const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const report = join(scratch, 'findings.csv');
  // -s MEDIUM: the report lists only HIGH and MEDIUM findings; -e: the installed Electron (the tool
  // would otherwise try the network for release data, which it may not reach).
  const status = run(
    process.execPath,
    [cli, '-i', scratch, '-r', '-v', 'false', '-s', 'MEDIUM', '-e', electronVersion, '-o', report],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (status !== 0 || !existsSync(report)) {
    console.error(`security: electronegativity exited with ${status} and no report`);
    process.exit(1);
  }
  // Rows are `CHECK_ID,"SEVERITY",...`; global checks ignore -s, so the severity is filtered here too.
  const rows = readFileSync(report, 'utf8').trim().split('\n').slice(1);
  const findings = rows.filter((line) => /^\w+,"(HIGH|MEDIUM)"/.test(line));
  for (const line of rows.filter((row) => !findings.includes(row) && row.trim() !== ''))
    console.log(`security: below MEDIUM, reviewed: ${line}`);
  if (findings.length > 0) {
    console.error(`security: ${findings.length} HIGH or MEDIUM finding(s) from Electronegativity:`);
    for (const line of findings) console.error(`  ${line}`);
    process.exit(1);
  }
  console.log(`security: Electronegativity found no HIGH or MEDIUM issue in ${SOURCES.join(', ')}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
