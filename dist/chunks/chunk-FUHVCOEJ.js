import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  runSpecs
} from "./chunk-FBGNGFTD.js";
import {
  resolveSettings
} from "./chunk-ENPYAQ3E.js";
import {
  effectiveVariable,
  resolveCredentials,
  unreadVariables
} from "./chunk-JOO4MYIM.js";
import {
  connect,
  getProject,
  getVersion,
  listDeployTokens,
  listProtectedRefs,
  listVariables
} from "./chunk-Y5VIL5JF.js";
import {
  parseGitLabVersion
} from "./chunk-MD44M7EN.js";
import {
  GitLabApiError,
  UsageError
} from "./chunk-NWKT2VDV.js";

// src/resolve/gather.ts
import { readFileSync, statSync } from "node:fs";

// src/resolve/refs.ts
function parseRef(raw, tagName) {
  if (raw.startsWith("refs/tags/")) return { name: raw.slice("refs/tags/".length), kind: "tag" };
  if (raw.startsWith("refs/heads/")) return { name: raw.slice("refs/heads/".length), kind: "branch" };
  return { name: raw, kind: tagName !== void 0 && tagName === raw ? "tag" : "branch" };
}
function refMatches(pattern, name) {
  if (pattern === "") return false;
  if (pattern === name) return true;
  if (!pattern.includes("*")) return false;
  const re = pattern.split("*").map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*?");
  return new RegExp(`^${re}$`, "s").test(name);
}
function protectedBy(patterns, name) {
  return patterns.find((p) => refMatches(p, name));
}

// src/resolve/gather.ts
function refused(e) {
  if (e instanceof GitLabApiError && e.status !== void 0 && e.status < 500) {
    return `${e.status}${e.status === 403 ? ": needs the Maintainer role (Owner for group variables)" : ""}`;
  }
  return void 0;
}
async function levelVariables(client, level, id, path) {
  const kind = level === "projects" ? "project" : "group";
  try {
    return { level: kind, path, variables: await listVariables(client, level, id) };
  } catch (e) {
    const why = refused(e);
    if (why === void 0) throw e;
    return { level: kind, path, why: `${kind} variables cannot be read (${why})` };
  }
}
async function groupTokens(client, path, id) {
  try {
    const tokens = await listDeployTokens(client, "groups", id ?? path);
    return id === void 0 ? { path, tokens } : { path, id, tokens };
  } catch (e) {
    const why = refused(e);
    if (why === void 0) throw e;
    return { path, why };
  }
}
function refToCheck(env, flag) {
  const jobState = env.CI_COMMIT_REF_PROTECTED;
  const jobKnows = jobState === "true" || jobState === "false";
  if (jobKnows && (flag === void 0 || flag === env.CI_COMMIT_REF_NAME)) {
    return {
      state: jobState === "true" ? "protected" : "unprotected",
      ...env.CI_COMMIT_REF_NAME ? { ref: env.CI_COMMIT_REF_NAME } : {},
      source: "CI_COMMIT_REF_PROTECTED"
    };
  }
  const raw = flag ?? env.CI_COMMIT_REF_NAME;
  if (raw === void 0 || raw === "")
    return { state: "unknown", source: "no ref given (--ref NAME, default $CI_COMMIT_REF_NAME)" };
  return { ask: parseRef(raw, env.CI_COMMIT_TAG) };
}
async function protection(client, project, ask) {
  const source = `protected ${ask.kind === "tag" ? "tags" : "branches"} API`;
  try {
    const refs = await listProtectedRefs(client, project, ask.kind === "tag" ? "tags" : "branches");
    const by = protectedBy(
      refs.map((r) => r.name),
      ask.name
    );
    return {
      state: by === void 0 ? "unprotected" : "protected",
      ref: ask.name,
      source: by === void 0 || by === ask.name ? source : `${source} (wildcard ${by})`
    };
  } catch (e) {
    const why = refused(e);
    if (why === void 0) throw e;
    return { state: "unknown", ref: ask.name, source, why };
  }
}
function readJobEnv(env) {
  const jobEnv = {};
  if (env.CI_DEPLOY_USER) jobEnv.user = env.CI_DEPLOY_USER;
  if (env.CI_DEPLOY_PASSWORD) jobEnv.password = env.CI_DEPLOY_PASSWORD;
  return jobEnv;
}
function defaultReadFile(path) {
  try {
    if (!statSync(path).isFile()) return void 0;
    return readFileSync(path, "utf8");
  } catch {
    return void 0;
  }
}
function readFileVariables(input, readFile) {
  const keys = [
    ["CI_DEPLOY_USER", "user"],
    ["CI_DEPLOY_PASSWORD", "password"]
  ];
  for (const [key, field] of keys) {
    const value = input.jobEnv[field];
    if (value === void 0 || !value.startsWith("/")) continue;
    const fileByApi = [true, false].some((p) => {
      const e = effectiveVariable(input.variables, key, input.environment, p);
      return e.state === "set" && e.variable.variable_type === "file";
    });
    if (!fileByApi && !value.endsWith(`/${key}`)) continue;
    const content = readFile(value);
    if (content === void 0) continue;
    input.jobEnv[field] = content.replace(/\r?\n$/, "");
    input.jobEnv.fromFile = [...input.jobEnv.fromFile ?? [], key];
  }
}
function fallbackOf(opts) {
  const fb = opts.fallback;
  if (!fb) return void 0;
  const user = fb.usernameEnv ? opts.env[fb.usernameEnv] : void 0;
  const password = fb.passwordEnv ? opts.env[fb.passwordEnv] : void 0;
  return { ...fb, ...user ? { user } : {}, ...password ? { password } : {} };
}
async function gatherInput(opts) {
  const { env, now } = opts;
  const environment = opts.environment ?? env.CI_ENVIRONMENT_NAME ?? void 0;
  const fallback = fallbackOf(opts);
  const ref = refToCheck(env, opts.ref);
  const common = {
    now,
    apiAvailable: false,
    inGitLabJob: env.GITLAB_CI === "true",
    jobEnv: readJobEnv(env),
    minDaysLeft: opts.minDaysLeft,
    ancestors: [],
    variables: unreadVariables("no API token"),
    ..."state" in ref ? { ref } : {},
    ...fallback ? { fallback } : {},
    ...opts.job ? { job: opts.job } : {},
    ...environment ? { environment } : {}
  };
  const input = opts.client ? await fromGitLab(opts.client, opts, common, ref) : common;
  readFileVariables(input, opts.readFile ?? defaultReadFile);
  return input;
}
async function fromGitLab(client, opts, common, ref) {
  if (opts.project === void 0 || opts.project === "") {
    throw new UsageError(
      "no project given",
      "pass --project ID|PATH, set gitlab.project in the spec, or run where CI_PROJECT_ID / CI_PROJECT_PATH is set"
    );
  }
  const projectRef = opts.project;
  const versionP = getVersion(client).then(
    (v2) => {
      const parsed = parseGitLabVersion(v2.version);
      return parsed ? { version: parsed } : { why: `unrecognised version string "${v2.version.slice(0, 40)}"` };
    },
    (e) => {
      const why = refused(e);
      if (why === void 0) throw e;
      return { why };
    }
  );
  const tokensP = listDeployTokens(client, "projects", projectRef);
  const projectVarsP = levelVariables(client, "projects", projectRef, String(projectRef));
  const refP = "ask" in ref ? protection(client, projectRef, ref.ask) : Promise.resolve(ref);
  for (const p of [versionP, tokensP, projectVarsP, refP]) p.catch(() => void 0);
  const project = await getProject(client, projectRef);
  const ns = project.namespace;
  const groupPaths = [];
  if (ns.kind === "group") {
    const parts = ns.full_path.split("/");
    for (let i = parts.length; i >= 1; i--) groupPaths.push(parts.slice(0, i).join("/"));
  }
  const groupsP = Promise.all(
    groupPaths.map((path, i) => groupTokens(client, path, i === 0 ? ns.id : void 0))
  );
  const groupVarsP = Promise.all(
    groupPaths.map((path, i) => levelVariables(client, "groups", i === 0 ? ns.id : path, path))
  );
  const [v, projectTokens, projectVars, refState, groups, groupVars] = await Promise.all([
    versionP,
    tokensP,
    projectVarsP,
    refP,
    groupsP,
    groupVarsP
  ]);
  const [parent, ...ancestors] = groups;
  const variables = {
    project: { ...projectVars, path: project.path_with_namespace },
    groups: groupVars
  };
  return {
    ...common,
    apiAvailable: true,
    ..."version" in v ? { version: v.version } : { versionWhy: v.why },
    project: {
      id: project.id,
      path: project.path_with_namespace,
      namespaceKind: ns.kind,
      namespacePath: ns.full_path,
      ...project.container_registry_image_prefix ? { registryImagePrefix: project.container_registry_image_prefix } : {}
    },
    projectTokens,
    ...parent ? { group: parent } : {},
    ancestors,
    variables,
    ref: refState
  };
}

// src/app/flow.ts
async function runFlow(flags, deps) {
  const spec = await (deps.specs ?? runSpecs(deps.cwd))(flags.spec);
  const settings = resolveSettings(flags, deps.env, spec, deps.names);
  const { gitlab } = settings;
  deps.scrubber?.add(gitlab.apiToken);
  const client = gitlab.apiToken ? connect({ ...gitlab, apiToken: gitlab.apiToken }, deps, deps.notice ?? (() => void 0)) : void 0;
  const found = {
    settings,
    ...spec ? { spec } : {},
    ...client ? { client } : {}
  };
  if (settings.job?.spec.ephemeral === true || deps.ephemeral?.force === true) {
    const { ephemeralFlow } = await import("./ephemeral-NET4ZFJT.js");
    const e = await ephemeralFlow(
      settings,
      client,
      deps.now(),
      deps.ephemeral?.mode ?? "plan",
      deps.ephemeral?.random
    );
    registerSecrets(deps.scrubber, e.input, e.resolution);
    return {
      ...found,
      input: e.input,
      resolution: e.resolution,
      requestCount: client?.requestCount ?? 0,
      ...e.record ? { ephemeral: { ...e.record, gitlabUrl: gitlab.url } } : {}
    };
  }
  const input = await gatherInput(gatherRequest(settings, spec, client, deps));
  if (settings.lfs && !input.job) input.job = { name: "(command line)", scopes: [], lfs: true };
  const resolution = resolveCredentials(input);
  registerSecrets(deps.scrubber, input, resolution);
  return { ...found, input, resolution, requestCount: client?.requestCount ?? 0 };
}
function gatherRequest(settings, spec, client, deps) {
  const fb = spec?.token?.fallback;
  const fallback = fb && (fb.username_env || fb.password_env) ? {
    ...fb.username_env ? { usernameEnv: fb.username_env } : {},
    ...fb.password_env ? { passwordEnv: fb.password_env } : {}
  } : void 0;
  const job = settings.job;
  return {
    ...client ? { client } : {},
    ...settings.project ? { project: settings.project } : {},
    env: deps.env,
    now: deps.now(),
    ...settings.environment ? { environment: settings.environment } : {},
    ...settings.ref ? { ref: settings.ref } : {},
    ...fallback ? { fallback } : {},
    ...job ? {
      job: { name: job.name, scopes: job.scopes, lfs: job.lfs, dependencyProxy: job.dependencyProxy }
    } : {},
    minDaysLeft: settings.minDaysLeft
  };
}
function registerSecrets(scrubber, input, r) {
  if (!scrubber) return;
  for (const level of [input.variables.project, ...input.variables.groups]) {
    for (const v of level.variables ?? []) {
      if (v.key === "CI_DEPLOY_PASSWORD") scrubber.add(v.value ?? void 0);
      if (v.key === "CI_DEPLOY_USER") scrubber.addIfNotUsername(v.value ?? void 0);
    }
  }
  scrubber.add(input.jobEnv.password);
  scrubber.addIfNotUsername(input.jobEnv.user);
  scrubber.add(input.fallback?.password);
  scrubber.addIfNotUsername(input.fallback?.user);
  if (r.credentials) {
    scrubber.add(r.credentials.password, { username: r.credentials.username });
    scrubber.addIfNotUsername(r.credentials.username);
  }
}

export {
  runFlow
};
