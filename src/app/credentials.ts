/**
 * Credential files for a resolved job: which clients (spec `configure`, the action's `configure`
 * input, `--configure`), their plan, writing them, and where runs are recorded for `cleanup`.
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Env } from '../core/env.js';
import {
  CLIENT_NAMES,
  cleanup,
  existingUserConfig,
  loadManifest,
  planCredentials,
  privateDir,
  saveManifest,
  writeCredentials,
  type ClientName,
  type CleanupReport,
  type CredentialPlan,
  type Manifest,
} from '../credentials/index.js';
import { UsageError } from '../core/errors.js';
import { loadTemplating } from '../export/templating.js';
import type { FlowResult } from './flow.js';
import { templateValues } from './values.js';

export function parseClients(raw: readonly string[] | undefined): ClientName[] {
  const list = (raw ?? []).flatMap((s) => s.split(/[,\s]+/)).filter(Boolean);
  for (const c of list) {
    if (!(CLIENT_NAMES as readonly string[]).includes(c)) {
      throw new UsageError(
        `unknown client "${c.slice(0, 40)}" to configure`,
        `use one of: ${CLIENT_NAMES.join(', ')}`,
      );
    }
  }
  return [...new Set(list)] as ClientName[];
}

/** The clients and user files a job asks for: the spec's, plus any named on the command line or input. */
export function wantedFiles(flow: FlowResult, extraClients: readonly ClientName[]) {
  const job = flow.settings.job?.spec;
  const clients = [...new Set([...parseClients(job?.configure ?? []), ...extraClients])];
  return { clients, userFiles: job?.files ?? [] };
}

export async function credentialPlan(
  flow: FlowResult,
  env: Env,
  extraClients: readonly ClientName[],
  dir: string,
): Promise<CredentialPlan> {
  const r = flow.resolution;
  if (!r.credentials) return { files: [], variables: [] };
  const { clients, userFiles } = wantedFiles(flow, extraClients);
  if (clients.length === 0 && userFiles.length === 0) return { files: [], variables: [] };
  await loadTemplating();
  const v = templateValues(r, flow.input, flow.settings.gitlabUrl, env);
  // The user's own git and docker settings keep working: included / merged under ours.
  const userConfig = existingUserConfig(env);
  return planCredentials(
    clients,
    userFiles,
    {
      username: r.credentials.username,
      password: r.credentials.password,
      gitlabUrl: flow.settings.gitlabUrl,
      projectId: String(v.project_id ?? flow.settings.project ?? ''),
      projectPath: String(v.project_path ?? ''),
      ...(typeof v.registry === 'string' ? { registry: v.registry } : {}),
      ...(typeof v.dependency_proxy === 'string' && flow.settings.job?.spec.dependency_proxy
        ? { dependencyProxy: v.dependency_proxy }
        : {}),
    },
    dir,
    { ...userConfig, userValues: v },
  );
}

/** Plans, then writes into a fresh private directory. Returns undefined when the job needs no files. */
export async function writeJobCredentials(
  flow: FlowResult,
  env: Env,
  extraClients: readonly ClientName[],
): Promise<{ manifest: Manifest; variables: { name: string; value: string }[] } | undefined> {
  const { clients, userFiles } = wantedFiles(flow, extraClients);
  if (clients.length === 0 && userFiles.length === 0) return undefined;
  const dir = privateDir(env);
  let plan: CredentialPlan;
  try {
    plan = await credentialPlan(flow, env, extraClients, dir);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const manifest = writeCredentials(
    plan,
    dir,
    plan.variables.map((v) => v.name),
  );
  return { manifest, variables: plan.variables };
}

/** Where CLI runs record their manifests, so `deploy-token cleanup` finds them. */
export function stateDir(env: Env): string {
  return join(
    env.RUNNER_TEMP && env.RUNNER_TEMP !== '' ? env.RUNNER_TEMP : tmpdir(),
    `deploy-token-state-${process.getuid?.() ?? 'u'}`,
  );
}

/** The manifests recorded on this machine (or the one given). */
export function recordedManifests(env: Env, manifestPath?: string): string[] {
  if (manifestPath) return [manifestPath];
  return existsSync(stateDir(env))
    ? readdirSync(stateDir(env))
        .filter((f) => f.endsWith('.json'))
        .map((f) => join(stateDir(env), f))
    : [];
}

/** A manifest for a run that wrote no files but created an ephemeral token. */
export function tokenManifest(env: Env, now: Date): Manifest {
  const dir = privateDir(env);
  return { version: 1, createdAt: now.toISOString(), dir, files: [], dirs: [], variables: [] };
}

export function recordManifest(m: Manifest, env: Env): string {
  const dir = stateDir(env);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, `${m.dir.split('/').pop() ?? 'run'}.json`);
  saveManifest(m, path);
  return path;
}

/** Cleans up the given manifest, or every recorded one; removes the records of finished runs. */
export function cleanupRecorded(env: Env, manifestPath?: string): CleanupReport & { manifests: string[] } {
  const paths = recordedManifests(env, manifestPath);
  const total: CleanupReport & { manifests: string[] } = {
    removed: [],
    missing: [],
    refused: [],
    manifests: paths,
  };
  for (const p of paths) {
    const m = loadManifest(p);
    const r = cleanup(m);
    total.removed.push(...r.removed);
    total.missing.push(...r.missing);
    total.refused.push(...r.refused);
    // The record stays while it still names something to remove (files, or ephemeral tokens).
    if (r.refused.length === 0 && !m.ephemeralTokens?.length && p.startsWith(stateDir(env)))
      rmSync(p, { force: true });
  }
  return total;
}
