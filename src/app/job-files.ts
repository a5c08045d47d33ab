/**
 * Credential files for a resolved job: which clients (spec `configure`, the action's `configure`
 * input, `--configure`) and user files, their layout, and writing them into the run's directory after
 * the ledger recorded them (src/app/delivery.ts).
 */
import type { Env } from '../core/env.js';
import {
  CLIENT_NAMES,
  existingUserConfig,
  layoutCredentials,
  writeCredentials,
  type ClientName,
  type CredentialLayout,
  type LayoutVariable,
} from '../credentials/index.js';
import { layoutManifest } from '../credentials/write.js';
import { checkExportName } from '../export/names.js';
import type { Manifest } from '../credentials/manifest.js';
import { UsageError } from '../core/errors.js';
import { loadTemplating } from '../export/templating.js';
import type { FlowResult } from './flow.js';
import type { RunDir } from './run-dir.js';
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
  const userFiles = job?.files ?? [];
  // A file's `env:` is exported like a variable: the same names are refused (src/export/names.ts).
  for (const f of userFiles) {
    const bad = f.env === undefined ? undefined : checkExportName(f.env);
    if (bad) throw new UsageError(`file ${f.path}: env ${bad}`, 'name another variable in the spec');
  }
  return { clients, userFiles };
}

export async function credentialLayout(
  flow: FlowResult,
  env: Env,
  extraClients: readonly ClientName[],
  dir: string,
): Promise<CredentialLayout> {
  const r = flow.resolution;
  if (!r.credentials) return { files: [], variables: [] };
  const { clients, userFiles } = wantedFiles(flow, extraClients);
  if (clients.length === 0 && userFiles.length === 0) return { files: [], variables: [] };
  await loadTemplating();
  const v = templateValues(r, flow.input, flow.settings.gitlab.url, env);
  // The user's own git, docker and containers settings keep working: included / merged under ours.
  const userConfig = existingUserConfig(env);
  return layoutCredentials(
    clients,
    userFiles,
    {
      username: r.credentials.username,
      password: r.credentials.password,
      gitlabUrl: flow.settings.gitlab.url,
      projectId: String(v.project_id ?? flow.settings.project ?? ''),
      projectPath: String(v.project_path ?? ''),
      ...(typeof v.registry === 'string' ? { registry: v.registry } : {}),
      ...(typeof v.dependency_proxy === 'string' && flow.settings.job?.spec.dependency_proxy
        ? { dependencyProxy: v.dependency_proxy }
        : {}),
      ...(flow.settings.job?.spec.client_options ? { options: flow.settings.job.spec.client_options } : {}),
    },
    dir,
    { ...userConfig, userValues: v },
  );
}

/**
 * Lays out, records what will be written (`record`: the state directory for the CLI, GITHUB_STATE for
 * the action), then writes into the run's directory. Returns undefined when the job needs no files.
 */
export async function writeJobFiles(
  flow: FlowResult,
  env: Env,
  extraClients: readonly ClientName[],
  run: RunDir,
  record: (laidOut: Manifest) => void = () => undefined,
): Promise<{ manifest: Manifest; variables: LayoutVariable[] } | undefined> {
  const { clients, userFiles } = wantedFiles(flow, extraClients);
  if (clients.length === 0 && userFiles.length === 0) return undefined;
  const fresh = !run.opened;
  const { dir, marker } = run.open();
  let layout: CredentialLayout;
  try {
    layout = await credentialLayout(flow, env, extraClients, dir);
  } catch (e) {
    if (fresh) run.discard();
    throw e;
  }
  const names = layout.variables.map((v) => v.name);
  record({ ...layoutManifest(layout, dir, names), marker });
  const manifest = writeCredentials(layout, dir, names);
  return { manifest: { ...manifest, marker }, variables: layout.variables };
}
