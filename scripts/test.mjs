// `npm test`: every test — unit and integration (vitest), then end-to-end in Chromium — and one
// closing line "tests: N passed, N failed" that CI can read whatever the runner prints.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureTestDependencies } from './test-deps.mjs';

// Before anything runs: a missing pdftotext or Chromium stops here with the command to run.
if (!ensureTestDependencies()) process.exit(1);

const root = fileURLToPath(new URL('..', import.meta.url));
const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
const resultsDir = path.join(root, 'out', 'test-results');
fs.mkdirSync(resultsDir, { recursive: true });

const suites = [
  ['unit + integration', []],
  ['end-to-end', ['-c', 'vitest.e2e.config.mts']],
];
let passed = 0;
let failed = 0;
let skipped = 0;
let exitCode = 0;
for (const [name, args] of suites) {
  const output = path.join(resultsDir, `${name.replace(/\W+/g, '-')}.json`);
  fs.rmSync(output, { force: true });
  const run = spawnSync(process.execPath, [vitest, 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${output}`, ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
  });
  if (run.status !== 0) exitCode = run.status ?? 1;
  if (fs.existsSync(output)) {
    const r = JSON.parse(fs.readFileSync(output, 'utf8'));
    passed += r.numPassedTests;
    // A file that fails to load has no failed test of its own; count it, or the tally would lie.
    failed += r.numFailedTests + r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
    skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  } else {
    console.error(`${name}: no results were written`);
    exitCode ||= 1;
  }
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(exitCode || (failed > 0 ? 1 : 0));
