/**
 * Where `resolve` exports, decided in one place: `--export` (repeatable, comma lists), else the job's
 * `export:` in the spec (`--job NAME`), else `github` inside a GitHub Actions step; at most one target on stdout;
 * `dotenv` needs `--output FILE` and never carries an ephemeral job's token (it would outlive the job).
 * Every refusal names where the targets came from.
 */
import { UsageError } from '../core/errors.js';
import type { Env } from '../core/env.js';
import type { JobSpec } from '../spec/types.js';

export const EXPORT_TARGETS = ['github', 'shell', 'dotenv', 'json'] as const;
export type ExportTarget = (typeof EXPORT_TARGETS)[number];

/** Targets printed on stdout: one at a time (`eval "$(…)"` or a JSON reader takes it whole). */
const STDOUT_TARGETS: readonly ExportTarget[] = ['github', 'shell', 'json'];

/** The targets of a run and the setting that named them (`--export`, `spec jobs.NAME.export`, `$GITHUB_ENV`). */
export interface Targets {
  targets: ExportTarget[];
  source: string;
}

/** A list of targets (flag values, each a comma list), unknown names refused. */
export function parseTargets(raw: readonly string[] | undefined, source = '--export'): ExportTarget[] {
  const list = (raw ?? [])
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  for (const t of list) {
    if (!(EXPORT_TARGETS as readonly string[]).includes(t)) {
      throw new UsageError(
        `unknown export target "${t.slice(0, 40)}" in ${source}`,
        `use one of: ${EXPORT_TARGETS.join(', ')}`,
      );
    }
  }
  return [...new Set(list)] as ExportTarget[];
}

/** The job `resolve` exports for, when it names one. */
export interface TargetJob {
  name: string;
  spec?: JobSpec | undefined;
}

/** The targets a request names: `--export`, else the job's `export:`; undefined when neither does. */
export function requestedTargets(
  flag: readonly string[] | undefined,
  job: TargetJob | undefined,
): Targets | undefined {
  const fromFlag = parseTargets(flag);
  if (fromFlag.length > 0) return { targets: fromFlag, source: '--export' };
  const spec = job?.spec?.export;
  if (!job || !spec || spec.length === 0) return undefined;
  const source = `spec jobs.${job.name}.export`;
  return { targets: parseTargets(spec, source), source };
}

/**
 * The targets `resolve` exports to: the requested ones, else `github` in a GitHub step (GITHUB_ENV
 * set); none at all is a usage error. Checked before GitLab is asked anything (`checkTargets`).
 */
export function resolveTargets(
  flag: readonly string[] | undefined,
  o: { env: Env; job?: TargetJob | undefined; output?: string | undefined },
): Targets {
  const chosen =
    requestedTargets(flag, o.job) ??
    (o.env.GITHUB_ENV ? { targets: ['github'], source: '$GITHUB_ENV (a GitHub Actions step)' } : undefined);
  if (!chosen) {
    throw new UsageError(
      'resolve needs --export (or --job NAME whose spec says export:)',
      'e.g. eval "$(deploy-token resolve --export shell)", or --export json, or export: [shell] in the job\'s spec; `deploy-token plan` shows what would be exported',
    );
  }
  checkTargets(chosen, o);
  return chosen;
}

/** One stdout target at most (also for `plan`, which shows the targets without exporting). */
export function checkStdout(t: Targets): void {
  const onStdout = t.targets.filter((x) => STDOUT_TARGETS.includes(x));
  if (onStdout.length > 1) {
    throw new UsageError(
      `${t.source} ${onStdout.join(',')} would all print on stdout`,
      'choose one of github, shell, json (dotenv goes to --output)',
    );
  }
}

/** What every run's targets must satisfy, before anything is asked of GitLab. */
function checkTargets(t: Targets, o: { job?: TargetJob | undefined; output?: string | undefined }): void {
  checkStdout(t);
  if (!t.targets.includes('dotenv')) return;
  if (!o.output) {
    throw new UsageError(
      `${t.source === '--export' ? '--export dotenv' : `dotenv (from ${t.source})`} needs --output FILE`,
      'e.g. --output deploy.env, then artifacts:reports:dotenv: deploy.env',
    );
  }
  if (o.job?.spec?.ephemeral === true) {
    throw new UsageError(
      `job "${o.job.name}" is ephemeral: its token is deleted when this job ends, so a dotenv report would hand later jobs a dead token`,
      'use `deploy-token exec --job NAME -- CMD` in the job that needs it',
    );
  }
}

/** Where each target writes, for `plan`. */
export function targetPlace(t: ExportTarget, output: string | undefined): string {
  if (t === 'github') return '$GITHUB_ENV, $GITHUB_OUTPUT';
  if (t === 'dotenv') return output ?? '(--output FILE)';
  return 'stdout';
}
