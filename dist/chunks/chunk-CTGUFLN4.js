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
  untrustedManifest,
  writeCredentials
} from "./chunk-BWGITJJA.js";
import {
  loadTemplating
} from "./chunk-BUYLEDRM.js";
import {
  UsageError
} from "./chunk-XSTXBMLW.js";

// src/app/credentials.ts
import { existsSync, lstatSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

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
function stateDir(env, uid = process.getuid?.()) {
  return join(
    env.RUNNER_TEMP && env.RUNNER_TEMP !== "" ? env.RUNNER_TEMP : tmpdir(),
    `deploy-token-state-${uid ?? "u"}`
  );
}
function jobIdentity(env) {
  const v = (name) => env[name] && env[name] !== "" ? env[name] : void 0;
  const gitlabJob = v("CI_JOB_ID");
  if (gitlabJob)
    return `GitLab job ${gitlabJob} of project ${v("CI_PROJECT_ID") ?? "?"} on ${v("CI_SERVER_URL") ?? "?"}`;
  const run = v("GITHUB_RUN_ID");
  if (run) return `GitHub run ${run} attempt ${v("GITHUB_RUN_ATTEMPT") ?? "1"} job ${v("GITHUB_JOB") ?? "?"}`;
  return void 0;
}
function unsafeStateDir(dir, uid = process.getuid?.()) {
  let st;
  try {
    st = lstatSync(dir);
  } catch (e) {
    return e.code === "ENOENT" ? void 0 : `it cannot be read (${e.code ?? "error"})`;
  }
  if (st.isSymbolicLink()) return "it is a symlink";
  if (!st.isDirectory()) return "it is not a directory";
  if (uid !== void 0 && st.uid !== uid) return `it belongs to uid ${st.uid}, not to us (uid ${uid})`;
  if ((st.mode & 18) !== 0) return `others may write in it (mode ${(st.mode & 511).toString(8)})`;
  return void 0;
}
function checkStateDir(env, uid = process.getuid?.()) {
  const dir = stateDir(env, uid);
  const why = unsafeStateDir(dir, uid);
  if (why) {
    throw new UsageError(
      `the state directory ${dir} is not safe to use: ${why}`,
      "someone else may have planted it: inspect and remove it (or set RUNNER_TEMP to a private directory), then run again"
    );
  }
  return dir;
}
function recordedManifests(env, manifestPath) {
  if (manifestPath) return [manifestPath];
  const dir = checkStateDir(env);
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".json")).sort().map((f) => join(dir, f)) : [];
}
function tokenManifest(env, now) {
  const dir = privateDir(env);
  return { version: 1, createdAt: now.toISOString(), dir, files: [], dirs: [], variables: [] };
}
function recordManifest(m, env) {
  const dir = stateDir(env);
  try {
    mkdirSync(dir, { mode: 448 });
  } catch (e) {
    const code = e.code;
    if (code !== "EEXIST") {
      throw new UsageError(
        `cannot create the state directory ${dir}${code ? ` (${code})` : ""}`,
        "check that RUNNER_TEMP (or the system temp dir) exists and is writable"
      );
    }
  }
  checkStateDir(env);
  const job = jobIdentity(env);
  if (job) m.job = job;
  const path = join(dir, `${m.dir.split("/").pop() ?? "run"}.json`);
  saveManifest(m, path);
  return path;
}
function selectRecorded(env, opts = {}) {
  const uid = "uid" in opts ? opts.uid : process.getuid?.();
  const current = jobIdentity(env);
  const out = { runs: [], leftAlone: [], refused: [] };
  const paths = opts.manifest ? [opts.manifest] : recordedManifests(env);
  for (const path of paths) {
    const why = untrustedManifest(path, uid);
    if (why && opts.manifest) {
      throw new UsageError(
        `the manifest ${path} cannot be used: ${why}`,
        "pass a manifest that this user's deploy-token run wrote (0600)"
      );
    }
    if (why) {
      out.refused.push({ path, why: `the file is not ours: ${why}` });
      continue;
    }
    let manifest;
    try {
      manifest = loadManifest(path);
    } catch (e) {
      if (opts.manifest) throw e;
      out.refused.push({ path, why: e.message });
      continue;
    }
    if (!opts.manifest && !opts.all && manifest.job !== current) {
      out.leftAlone.push({ path, job: manifest.job });
      continue;
    }
    out.runs.push({ path, manifest });
  }
  return out;
}
function cleanupRun(run, env, opts = {}) {
  const uid = "uid" in opts ? opts.uid : process.getuid?.();
  const r = cleanup(run.manifest, { dryRun: opts.dryRun === true, uid });
  if (!opts.dryRun && r.refused.length === 0 && !run.manifest.ephemeralTokens?.length && dirname(run.path) === stateDir(env, uid))
    rmSync(run.path, { force: true });
  return r;
}
function forgetManifest(path) {
  rmSync(path, { force: true });
}

export {
  templateValues,
  parseClients,
  wantedFiles,
  credentialPlan,
  writeJobCredentials,
  jobIdentity,
  checkStateDir,
  tokenManifest,
  recordManifest,
  selectRecorded,
  cleanupRun,
  forgetManifest
};
