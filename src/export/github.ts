/**
 * `--export github` and the action: on `@actions/core` (setSecret, exportVariable, setOutput), which
 * writes GITHUB_ENV and GITHUB_OUTPUT in the runner's delimited form. Everything is checked first
 * (`prepareGithub`: the files exist, every name and value can be carried); then the masks, then the
 * library's writes; if one of those fails, both files are cut back to where they were, so a failure
 * leaves nothing half-written.
 */
import * as core from '@actions/core';
import { existsSync, rmSync, statSync, truncateSync } from 'node:fs';
import { UsageError } from '../core/errors.js';
import type { Env } from '../core/env.js';
import type { ExportVariable } from './variables.js';

export interface GithubWrite {
  /** The values to register as secrets, before anything else. */
  masks: string[];
  env: readonly { name: string; value: string }[];
  outputs: readonly { name: string; value: string }[];
  envFile: string;
  outputFile: string;
}

/** A name the runner's file commands take: no `=`, no line break, not empty. */
const NAME_RE = /^[^=\r\n]+$/;

/** Where the runner reads them; both must be set (and exist) for a `github` export. */
export function githubFiles(env: Env): { envFile: string; outputFile: string } {
  const envFile = env.GITHUB_ENV;
  const outputFile = env.GITHUB_OUTPUT;
  if (!envFile || !outputFile) {
    throw new UsageError(
      'exporting to GitHub needs GITHUB_ENV and GITHUB_OUTPUT (it runs inside a GitHub Actions step)',
      'use --export shell or json elsewhere',
    );
  }
  for (const [name, path] of [
    ['GITHUB_ENV', envFile],
    ['GITHUB_OUTPUT', outputFile],
  ] as const) {
    if (!existsSync(path))
      throw new UsageError(
        `cannot write ${name}: ${path} does not exist`,
        "check the runner's file command paths",
      );
  }
  return { envFile, outputFile };
}

/** Everything checked, nothing written: the files, the names, the values. */
export function prepareGithub(
  vars: readonly ExportVariable[],
  outputs: Readonly<Record<string, string>>,
  maskForms: readonly string[],
  env: Env,
): GithubWrite {
  const files = githubFiles(env);
  const out = Object.entries(outputs).map(([name, value]) => ({ name, value }));
  for (const { name } of [...vars, ...out]) {
    if (!NAME_RE.test(name))
      throw new UsageError(`"${name.slice(0, 60)}" cannot be a GitHub variable or output name`, 'rename it');
  }
  return {
    masks: [...maskForms],
    env: vars.map((v) => ({ name: v.name, value: v.value })),
    outputs: out,
    ...files,
  };
}

/** Masks first, then the library's writes; if one fails, both files go back to their size before. */
export function writeGithub(w: GithubWrite): void {
  for (const m of w.masks) if (m) core.setSecret(m);
  const before = [sizeOf(w.envFile), sizeOf(w.outputFile)] as const;
  const envBefore = w.env.map((v) => [v.name, process.env[v.name]] as const);
  // The library reads the files' paths from process.env: the prepared ones, whatever the caller's env was.
  const files = { GITHUB_ENV: process.env.GITHUB_ENV, GITHUB_OUTPUT: process.env.GITHUB_OUTPUT };
  process.env.GITHUB_ENV = w.envFile;
  process.env.GITHUB_OUTPUT = w.outputFile;
  try {
    for (const v of w.env) core.exportVariable(v.name, v.value);
    for (const o of w.outputs) core.setOutput(o.name, o.value);
  } catch (e) {
    cutBack(w.envFile, before[0]);
    cutBack(w.outputFile, before[1]);
    // exportVariable also sets the variable in this process: that goes back too.
    for (const [k, v] of envBefore) {
      if (v === undefined) Reflect.deleteProperty(process.env, k);
      else process.env[k] = v;
    }
    const code = (e as { code?: string }).code;
    throw new UsageError(
      `cannot write GITHUB_ENV / GITHUB_OUTPUT${code ? ` (${code})` : ''}`,
      "check the runner's file command paths",
    );
  } finally {
    for (const [k, v] of Object.entries(files)) {
      if (v === undefined) Reflect.deleteProperty(process.env, k);
      else process.env[k] = v;
    }
  }
}

function cutBack(path: string, size: number | undefined): void {
  try {
    if (size === undefined) rmSync(path, { force: true });
    else if (sizeOf(path) !== size) truncateSync(path, size);
  } catch {
    // Best effort: the error that brought us here is the one to report.
  }
}

function sizeOf(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch {
    return undefined;
  }
}
