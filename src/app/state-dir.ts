/**
 * Where CLI runs record what they leave (src/app/run-record.ts), and which records `cleanup` may act
 * on: the state directory in RUNNER_TEMP (or the temp dir), ours and private; each record ours, of
 * this job, and not of a run still going.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Env } from '../core/env.js';
import { UsageError } from '../core/errors.js';
import { whyNotOurs } from '../core/owned.js';
import {
  cleanup,
  loadManifest,
  saveManifest,
  untrustedManifest,
  type CleanupReport,
  type Manifest,
} from '../credentials/manifest.js';
import { tempBase } from '../credentials/write.js';

/** Where CLI runs record their manifests, so `deploy-token cleanup` finds them. */
export function stateDir(env: Env, uid: number | undefined = process.getuid?.()): string {
  return join(tempBase(env), `deploy-token-state-${uid ?? 'u'}`);
}

/**
 * The CI job this process runs in, as recorded in manifests: on a shell runner concurrent jobs of
 * one user share the temp dir, so `cleanup` must tell their records apart. Undefined outside CI.
 */
export function jobIdentity(env: Env): string | undefined {
  const v = (name: string) => (env[name] && env[name] !== '' ? env[name] : undefined);
  const gitlabJob = v('CI_JOB_ID');
  if (gitlabJob)
    return `GitLab job ${gitlabJob} of project ${v('CI_PROJECT_ID') ?? '?'} on ${v('CI_SERVER_URL') ?? '?'}`;
  const run = v('GITHUB_RUN_ID');
  if (run) return `GitHub run ${run} attempt ${v('GITHUB_RUN_ATTEMPT') ?? '1'} job ${v('GITHUB_JOB') ?? '?'}`;
  return undefined;
}

/** Refuses (exit 2) a state directory someone else made or may write in: its records would steer cleanup. */
export function checkStateDir(env: Env, uid: number | undefined = process.getuid?.()): string {
  const dir = stateDir(env, uid);
  // Ours, or not there yet.
  const why = whyNotOurs(dir, 'directory', uid, { absentOk: true });
  if (why) {
    throw new UsageError(
      `the state directory ${dir} is not safe to use: ${why}`,
      'someone else may have planted it: inspect and remove it (or set RUNNER_TEMP to a private directory), then run again',
    );
  }
  return dir;
}

/** The manifests recorded on this machine (or the one given). */
export function recordedManifests(env: Env, manifestPath?: string): string[] {
  if (manifestPath) return [manifestPath];
  const dir = checkStateDir(env);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => join(dir, f))
    : [];
}

/** Records `m` (with this job's identity) in the state directory, made 0700 if missing; returns its path. */
export function recordManifest(m: Manifest, env: Env): string {
  const dir = stateDir(env);
  try {
    mkdirSync(dir, { mode: 0o700 });
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code !== 'EEXIST') {
      throw new UsageError(
        `cannot create the state directory ${dir}${code ? ` (${code})` : ''}`,
        'check that RUNNER_TEMP (or the system temp dir) exists and is writable',
      );
    }
  }
  checkStateDir(env);
  const job = jobIdentity(env);
  if (job) m.job = job;
  const path = join(dir, `${m.dir.split('/').pop() ?? 'run'}.json`);
  saveManifest(m, path);
  return path;
}

/** A record `cleanup` may act on: its path and what it says. */
export interface RecordedRun {
  path: string;
  manifest: Manifest;
}

export interface RecordedSelection {
  /** Ours and of this job (or every one, with `all`, or the one named). */
  runs: RecordedRun[];
  /** Records of another job (or of none, when this one is known): not touched. */
  leftAlone: { path: string; job: string | undefined }[];
  /** Records that must not be used at all: not ours, or not a manifest. */
  refused: { path: string; why: string }[];
  /** Records of a run still going (exec while its command runs): its files are in use. */
  running: { path: string; pid: number }[];
}

/** Whether a process with this id exists (EPERM: it does, as another user's). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

/**
 * Which recorded runs `cleanup` handles. A record is used only when it is ours (regular file, this
 * user's, writable by nobody else) in a safe state directory, and — unless `all`, or the manifest
 * was named — when it was recorded by the current job (`jobIdentity`; none outside CI).
 */
export function selectRecorded(
  env: Env,
  opts: { manifest?: string; all?: boolean; uid?: number | undefined } = {},
): RecordedSelection {
  const uid = 'uid' in opts ? opts.uid : process.getuid?.();
  const current = jobIdentity(env);
  const out: RecordedSelection = { runs: [], leftAlone: [], refused: [], running: [] };
  const paths = opts.manifest ? [opts.manifest] : recordedManifests(env);
  for (const path of paths) {
    const why = untrustedManifest(path, uid);
    if (why && opts.manifest) {
      throw new UsageError(
        `the manifest ${path} cannot be used: ${why}`,
        "pass a manifest that this user's deploy-token run wrote (0600)",
      );
    }
    if (why) {
      out.refused.push({ path, why: `the file is not ours: ${why}` });
      continue;
    }
    let manifest: Manifest;
    try {
      manifest = loadManifest(path);
    } catch (e) {
      if (opts.manifest) throw e;
      out.refused.push({ path, why: (e as Error).message });
      continue;
    }
    if (!opts.manifest && !opts.all && manifest.job !== current) {
      out.leftAlone.push({ path, job: manifest.job });
      continue;
    }
    if (manifest.pid !== undefined && manifest.pid !== process.pid && running(manifest.pid)) {
      out.running.push({ path, pid: manifest.pid });
      continue;
    }
    out.runs.push({ path, manifest });
  }
  return out;
}

/**
 * Removes what one recorded run wrote (or, with `dryRun`, lists it), only inside the run's own
 * directory holding its marker (`untrustedRunDir`); the record itself goes once nothing is left to
 * remove (files, or ephemeral tokens still listed in `manifest`, whose marker stays with them).
 */
export function cleanupRun(
  run: RecordedRun,
  env: Env,
  opts: { dryRun?: boolean; uid?: number | undefined } = {},
): CleanupReport {
  const uid = 'uid' in opts ? opts.uid : process.getuid?.();
  const r = cleanup(run.manifest, {
    dryRun: opts.dryRun === true,
    uid,
    base: tempBase(env),
    // A dry run shows what a real run does: that one deletes the tokens first, then the marker goes.
    keepMarker: !opts.dryRun && (run.manifest.ephemeralTokens?.length ?? 0) > 0,
  });
  if (
    !opts.dryRun &&
    r.refused.length === 0 &&
    !run.manifest.ephemeralTokens?.length &&
    dirname(run.path) === stateDir(env, uid)
  )
    rmSync(run.path, { force: true });
  return r;
}

/** Removes a record this run wrote (a failed `resolve` undoing itself). */
export function forgetManifest(path: string): void {
  rmSync(path, { force: true });
}
