/**
 * `--export github` and the action: masks first, then GITHUB_ENV and GITHUB_OUTPUT in the heredoc-delimited form
 * `@actions/core` writes (`NAME<<ghadelimiter_<uuid>\nvalue\nghadelimiter_<uuid>`), each file
 * appended in one write after everything has been rendered, so a failure leaves nothing half-written.
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync, rmSync, statSync, truncateSync } from 'node:fs';
import { UsageError } from '../core/errors.js';
import type { Env } from '../core/env.js';
import { escapeData } from '../core/output.js';
import type { ExportVariable } from './variables.js';

/** @actions/core's escaping for workflow command data (`::add-mask::`). */
export const escapeCommandData = escapeData;

/** One heredoc entry; refuses a value that contains the delimiter, as @actions/core does. */
export function heredoc(name: string, value: string, delimiter: string): string {
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new UsageError(
      `the value of ${name} contains the GITHUB_ENV delimiter`,
      'this value cannot be exported safely',
    );
  }
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}

export interface GithubWrite {
  /** The values to register with `::add-mask::`, before anything else. */
  masks: string[];
  env: string;
  output: string;
}

export function renderGithub(
  vars: readonly ExportVariable[],
  outputs: Readonly<Record<string, string>>,
  maskForms: readonly string[],
  delimiter = `ghadelimiter_${randomUUID()}`,
): GithubWrite {
  return {
    masks: [...maskForms],
    env: vars.map((v) => heredoc(v.name, v.value, delimiter)).join(''),
    output: Object.entries(outputs)
      .map(([k, v]) => heredoc(k, v, delimiter))
      .join(''),
  };
}

/** Where the runner reads them; both must be set for a `github` export. */
export function githubFiles(env: Env): { envFile: string; outputFile: string } {
  const envFile = env.GITHUB_ENV;
  const outputFile = env.GITHUB_OUTPUT;
  if (!envFile || !outputFile) {
    throw new UsageError(
      '--export github needs GITHUB_ENV and GITHUB_OUTPUT (it runs inside a GitHub Actions step)',
      'use --export shell or json elsewhere',
    );
  }
  return { envFile, outputFile };
}

/** Masks first, then one append per file; if the second append fails, the first is undone. */
export function writeGithub(
  w: GithubWrite,
  files: { envFile: string; outputFile: string },
  addMask: (value: string) => void,
): void {
  for (const m of w.masks) addMask(m);
  const envSize = sizeOf(files.envFile);
  try {
    if (w.env) appendFileSync(files.envFile, w.env, { encoding: 'utf8' });
    if (w.output) appendFileSync(files.outputFile, w.output, { encoding: 'utf8' });
  } catch (e) {
    // Nothing half-written: take back what this call appended to GITHUB_ENV (a file it created goes).
    if (envSize === undefined) rmSync(files.envFile, { force: true });
    else if (sizeOf(files.envFile) !== envSize) truncateSync(files.envFile, envSize);
    const code = (e as { code?: string }).code;
    throw new UsageError(
      `cannot write GITHUB_ENV / GITHUB_OUTPUT${code ? ` (${code})` : ''}`,
      "check the runner's file command paths",
    );
  }
}

function sizeOf(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch {
    return undefined;
  }
}
