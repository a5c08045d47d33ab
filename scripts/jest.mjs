#!/usr/bin/env node
/**
 * Runs jest in ESM mode and ends with one plain summary line, `tests: N passed, N failed`, which CI
 * reads. Extra arguments go to jest.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const out = '.test-results.json';
const reliability = '.reliability-report.jsonl';
rmSync(out, { force: true });
rmSync(reliability, { force: true });
const r = spawnSync(
  process.execPath,
  ['node_modules/jest/bin/jest.js', '--json', `--outputFile=${out}`, ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim(),
      RELIABILITY_REPORT: `${process.cwd()}/${reliability}`,
    },
  },
);
if (existsSync(out)) {
  const res = JSON.parse(readFileSync(out, 'utf8'));
  const skipped = res.numPendingTests + res.numTodoTests;
  // The reliability summary (issue 7): checks of test/reliability, faults survived, property cases, leaks.
  const suites = res.testResults.filter((t) => t.name.includes('/test/reliability/'));
  if (suites.length > 0) {
    const tests = suites.flatMap((t) => t.assertionResults);
    const faults = suites
      .filter((t) => t.name.endsWith('faults.test.ts'))
      .flatMap((t) => t.assertionResults)
      .filter((a) => a.status === 'passed').length;
    const rows = existsSync(reliability)
      ? readFileSync(reliability, 'utf8')
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l))
      : [];
    const sum = (kind) => rows.filter((r) => r.kind === kind).reduce((n, r) => n + r.n, 0);
    console.log(
      `reliability: ${tests.filter((a) => a.status === 'passed').length}/${tests.length} checks passed, ${faults + sum('fault')} faults survived, ${sum('property').toLocaleString('en')} property cases tried, ${sum('sweep')} canary runs, ${sum('leak')} leaks found`,
    );
  }
  console.log(
    `tests: ${res.numPassedTests} passed, ${res.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`,
  );
  rmSync(out, { force: true });
  rmSync(reliability, { force: true });
  if (res.numTotalTests === 0) process.exit(1);
}
process.exit(r.status ?? 1);
