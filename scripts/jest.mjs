#!/usr/bin/env node
/**
 * Runs jest in ESM mode and ends with one plain summary line, `tests: N passed, N failed`, which CI
 * reads. Extra arguments go to jest.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const out = '.test-results.json';
rmSync(out, { force: true });
const r = spawnSync(
  process.execPath,
  ['node_modules/jest/bin/jest.js', '--json', `--outputFile=${out}`, ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules`.trim(),
    },
  },
);
if (existsSync(out)) {
  const res = JSON.parse(readFileSync(out, 'utf8'));
  const skipped = res.numPendingTests + res.numTodoTests;
  console.log(
    `tests: ${res.numPassedTests} passed, ${res.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`,
  );
  rmSync(out, { force: true });
  if (res.numTotalTests === 0) process.exit(1);
}
process.exit(r.status ?? 1);
