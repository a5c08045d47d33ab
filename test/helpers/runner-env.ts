/** A GitHub runner's environment for one step, for tests that run the action (in-process or dist/). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The runner's files for a step, by the variable naming each, as the tests lay them out in one directory. */
const RUNNER_FILES = {
  GITHUB_ENV: 'env',
  GITHUB_OUTPUT: 'output',
  GITHUB_STEP_SUMMARY: 'summary',
  GITHUB_STATE: 'state',
} as const;

/** The runner's files, empty, in `dir`. */
export function emptyRunnerFiles(dir: string): void {
  for (const f of Object.values(RUNNER_FILES)) writeFileSync(join(dir, f), '');
}

/** A step's environment as the runner gives it: its files and RUNNER_TEMP in `dir`, `extra`, and each input as INPUT_<NAME>. */
export function runnerEnv(
  dir: string,
  inputs: Record<string, string> = {},
  extra: Record<string, string> = {},
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, f] of Object.entries(RUNNER_FILES)) env[name] = join(dir, f);
  Object.assign(env, { RUNNER_TEMP: dir }, extra);
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  return env;
}
