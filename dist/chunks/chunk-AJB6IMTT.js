import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  CLIENT_NAMES,
  cleanup,
  existingUserConfig,
  loadManifest,
  planCredentials,
  privateDir,
  saveManifest,
  writeCredentials
} from "./chunk-H3IUSMMK.js";
import {
  loadTemplating
} from "./chunk-4OYPS3EV.js";
import {
  UsageError
} from "./chunk-XSTXBMLW.js";

// src/app/credentials.ts
import { existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// src/app/values.ts
function templateValues(r, input, gitlabUrl, env) {
  const url = new URL(gitlabUrl);
  const registry = env.CI_REGISTRY ?? input.project?.registryImagePrefix?.split("/")[0];
  return {
    username: r.credentials?.username,
    password: r.credentials?.password,
    gitlab_url: gitlabUrl,
    gitlab_host: url.host,
    api_url: `${gitlabUrl}/api/v4`,
    registry,
    // The dependency proxy lives on the GitLab host itself (GITLAB_FACTS §3).
    dependency_proxy: env.CI_DEPENDENCY_PROXY_SERVER ?? `${url.hostname}:${url.port || (url.protocol === "https:" ? "443" : "80")}`,
    project_id: input.project?.id ?? env.CI_PROJECT_ID,
    project_path: input.project?.path ?? env.CI_PROJECT_PATH,
    token_id: r.token?.id,
    expires_at: r.token ? r.token.expiresAt ?? "never" : void 0,
    scopes: r.token?.scopes
  };
}

// src/app/credentials.ts
function parseClients(raw) {
  const list = (raw ?? []).flatMap((s) => s.split(/[,\s]+/)).filter(Boolean);
  for (const c of list) {
    if (!CLIENT_NAMES.includes(c)) {
      throw new UsageError(
        `unknown client "${c.slice(0, 40)}" to configure`,
        `use one of: ${CLIENT_NAMES.join(", ")}`
      );
    }
  }
  return [...new Set(list)];
}
function wantedFiles(flow, extraClients) {
  const job = flow.settings.job?.spec;
  const clients = [.../* @__PURE__ */ new Set([...parseClients(job?.configure ?? []), ...extraClients])];
  return { clients, userFiles: job?.files ?? [] };
}
async function credentialPlan(flow, env, extraClients, dir) {
  const r = flow.resolution;
  if (!r.credentials) return { files: [], variables: [] };
  const { clients, userFiles } = wantedFiles(flow, extraClients);
  if (clients.length === 0 && userFiles.length === 0) return { files: [], variables: [] };
  await loadTemplating();
  const v = templateValues(r, flow.input, flow.settings.gitlabUrl, env);
  const userConfig = existingUserConfig(env);
  return planCredentials(
    clients,
    userFiles,
    {
      username: r.credentials.username,
      password: r.credentials.password,
      gitlabUrl: flow.settings.gitlabUrl,
      projectId: String(v.project_id ?? flow.settings.project ?? ""),
      projectPath: String(v.project_path ?? ""),
      ...typeof v.registry === "string" ? { registry: v.registry } : {},
      ...typeof v.dependency_proxy === "string" && flow.settings.job?.spec.dependency_proxy ? { dependencyProxy: v.dependency_proxy } : {}
    },
    dir,
    { ...userConfig, userValues: v }
  );
}
async function writeJobCredentials(flow, env, extraClients) {
  const { clients, userFiles } = wantedFiles(flow, extraClients);
  if (clients.length === 0 && userFiles.length === 0) return void 0;
  const dir = privateDir(env);
  let plan;
  try {
    plan = await credentialPlan(flow, env, extraClients, dir);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const manifest = writeCredentials(
    plan,
    dir,
    plan.variables.map((v) => v.name)
  );
  return { manifest, variables: plan.variables };
}
function stateDir(env) {
  return join(
    env.RUNNER_TEMP && env.RUNNER_TEMP !== "" ? env.RUNNER_TEMP : tmpdir(),
    `deploy-token-state-${process.getuid?.() ?? "u"}`
  );
}
function recordedManifests(env, manifestPath) {
  if (manifestPath) return [manifestPath];
  return existsSync(stateDir(env)) ? readdirSync(stateDir(env)).filter((f) => f.endsWith(".json")).map((f) => join(stateDir(env), f)) : [];
}
function tokenManifest(env, now) {
  const dir = privateDir(env);
  return { version: 1, createdAt: now.toISOString(), dir, files: [], dirs: [], variables: [] };
}
function recordManifest(m, env) {
  const dir = stateDir(env);
  mkdirSync(dir, { recursive: true, mode: 448 });
  const path = join(dir, `${m.dir.split("/").pop() ?? "run"}.json`);
  saveManifest(m, path);
  return path;
}
function cleanupRecorded(env, manifestPath) {
  const paths = recordedManifests(env, manifestPath);
  const total = {
    removed: [],
    missing: [],
    refused: [],
    manifests: paths
  };
  for (const p of paths) {
    const m = loadManifest(p);
    const r = cleanup(m);
    total.removed.push(...r.removed);
    total.missing.push(...r.missing);
    total.refused.push(...r.refused);
    if (r.refused.length === 0 && !m.ephemeralTokens?.length && p.startsWith(stateDir(env)))
      rmSync(p, { force: true });
  }
  return total;
}

export {
  templateValues,
  parseClients,
  credentialPlan,
  writeJobCredentials,
  recordedManifests,
  tokenManifest,
  recordManifest,
  cleanupRecorded
};
