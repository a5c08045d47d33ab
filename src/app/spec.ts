/**
 * The job spec of a run, loaded once: `--spec FILE` (the action: input `spec`), else
 * `deploy-token.yml` in the working directory when it exists. The reader and validator
 * (src/validate/spec/load.ts) load only when there is a spec to read, and each path is read, parsed
 * and validated at most once per run however often the run asks (resolve reads `export:` before its
 * flow, the flow reads the job).
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { DEFAULT_SPEC, type Spec } from '../spec/types.js';
import type { SpecLoader } from '../validate/spec/load.js';

/** The spec path to load: `spec` (relative to `cwd`), else `deploy-token.yml` in `cwd` when it exists. */
export function specPath(spec: string | undefined, cwd: string): string | undefined {
  if (spec) return isAbsolute(spec) ? spec : join(cwd, spec);
  const def = join(cwd, DEFAULT_SPEC);
  return existsSync(def) ? def : undefined;
}

/** A run's specs: the valid spec (or a usage error listing its first errors), undefined when there is none. */
export type RunSpecs = (spec: string | undefined) => Promise<Spec | undefined>;

/** One per run. */
export function runSpecs(cwd: string): RunSpecs {
  let loader: Promise<SpecLoader> | undefined;
  return async (spec) => {
    const path = specPath(spec, cwd);
    if (!path) return undefined;
    loader ??= import('../validate/spec/load.js').then((m) => m.createSpecLoader());
    return (await loader).valid(path);
  };
}
