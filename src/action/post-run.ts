/**
 * The post step (post-if: always()): undoes what this run's main step recorded in GITHUB_STATE
 * (STATE_manifest), and nothing else. It trusts the saved state only as far as the disk confirms it:
 * the directory must be one main creates directly in RUNNER_TEMP, ours, 0700, holding the random
 * marker the state records (src/credentials/manifest.ts untrustedRunDir); an ephemeral token is
 * deleted only on the instance the action's inputs name, only when its name carries the marker's
 * stamp, and only when GitLab's token of that id still has that name. Anything else is reported and
 * left alone. It never fails the job: a problem becomes a warning.
 */
import { connect, type Connection } from '../app/connection.js';
import { deleteRecordedToken, recordedTokenProblem } from '../app/ephemeral.js';
import { resolveSettings } from '../app/options.js';
import { runSpecs } from '../app/spec.js';
import type { Env } from '../core/env.js';
import {
  cleanup,
  markerStamp,
  parseManifest,
  untrustedRunDir,
  type Manifest,
} from '../credentials/manifest.js';
import { tempBase } from '../credentials/write.js';
import type { GitLabClient } from '../gitlab/client.js';
import * as core from '@actions/core';
import { rawInput, readInputs } from './inputs.js';
import { flagsOf, INPUT_NAMES } from './pair.js';
import { Runner } from './runner.js';

const LATER =
  'it expires at 00:00 UTC; `deploy-token cleanup --ephemeral` deletes it once it is older than --older-than (default 6h) or has expired';

export interface PostDeps {
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** The workspace (the spec's gitlab.url may name the instance); default GITHUB_WORKSPACE, then cwd. */
  cwd?: string;
  runner?: Runner;
}

export async function runPostAll(env: Env, deps: PostDeps = {}): Promise<number> {
  const runner = deps.runner ?? new Runner();
  runner.scrubber.addEnv(env);
  runner.setSecret(rawInput('gitlab-token'));
  runner.setSecret(rawInput('password'));
  if (core.getState('ephemeral'))
    runner.annotate(
      'warning',
      'deploy-token: ignored STATE_ephemeral: this main step saves its tokens in its manifest',
    );
  const state = core.getState('manifest');
  if (!state) {
    runner.info('deploy-token: nothing to clean up');
    return 0;
  }
  let m: Manifest;
  try {
    m = parseManifest(state, 'the saved state');
  } catch (e) {
    runner.annotate('warning', `deploy-token: cleanup skipped: ${(e as Error).message}`);
    return 0;
  }
  const why = untrustedRunDir(m, tempBase(env));
  if (why && why !== 'gone') {
    runner.annotate(
      'warning',
      `deploy-token: left everything the saved state names alone: ${why}; this run's main step did not record it`,
    );
    return 0;
  }
  if (m.ephemeralTokens?.length) await deleteTokens(m, why === 'gone', env, runner, deps);
  removeFiles(m, env, runner);
  return 0;
}

function removeFiles(m: Manifest, env: Env, runner: Runner): void {
  try {
    const r = cleanup(m, { base: tempBase(env) });
    for (const p of r.removed) runner.info(`deploy-token: removed ${p}`);
    for (const p of r.refused)
      runner.annotate(
        'warning',
        `deploy-token: left ${p} in place (not empty, not ours, or outside the credentials directory)`,
      );
    runner.info(`deploy-token: cleanup: ${r.removed.length} removed, ${r.missing.length} already gone`);
  } catch (e) {
    runner.annotate(
      'warning',
      `deploy-token: cleanup failed: ${(e as { message?: string }).message ?? String(e)}`,
    );
  }
}

/** The connection the action's inputs name, as main resolved it (instance and API token), or why it is not known. */
async function inputConnection(env: Env, cwd: string): Promise<{ gitlab?: Connection; why?: string }> {
  try {
    const flags = flagsOf(readInputs());
    return { gitlab: resolveSettings(flags, env, await runSpecs(cwd)(flags.spec), INPUT_NAMES).gitlab };
  } catch (e) {
    return { why: (e as { message?: string }).message ?? String(e) };
  }
}

async function deleteTokens(
  m: Manifest,
  dirGone: boolean,
  env: Env,
  runner: Runner,
  deps: PostDeps,
): Promise<void> {
  const warn = (m: string) => runner.annotate('warning', `deploy-token: ${m}`);
  const { gitlab, why } = await inputConnection(env, deps.cwd ?? env.GITHUB_WORKSPACE ?? process.cwd());
  let client: GitLabClient | undefined;
  for (const t of m.ephemeralTokens ?? []) {
    const which = `ephemeral token #${t.tokenId}`;
    const problem = dirGone
      ? `the run's directory ${m.dir} is gone, so the record cannot be checked`
      : !gitlab
        ? `the GitLab instance is not known (${why ?? 'no input'})`
        : recordedTokenProblem(t, markerStamp(m.marker ?? ''), gitlab.url);
    if (problem || !gitlab) {
      warn(`left ${which} alone: ${problem}; ${LATER}`);
      continue;
    }
    if (!gitlab.apiToken) {
      warn(`no API token to delete ${which} (none in ${gitlab.tokenSource}): ${LATER}`);
      continue;
    }
    try {
      client ??= connect({ ...gitlab, apiToken: gitlab.apiToken }, { ...deps, env }, (l) =>
        runner.info(`deploy-token: ${l}`),
      );
      const res = await deleteRecordedToken(client, { ...t, name: t.name as string });
      runner.info(`deploy-token: ${which} ${res === 'deleted' ? 'deleted' : 'was already gone'}`);
    } catch (e) {
      warn(`could not delete ${which} (${(e as { message?: string }).message ?? String(e)}): ${LATER}`);
    }
  }
}
