import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  GitLabApiError,
  UsageError
} from "./chunk-XSTXBMLW.js";

// src/gitlab/types.ts
var ShapeError = class extends Error {
  constructor(what) {
    super(what);
    this.name = "ShapeError";
  }
};
function isObject(x) {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}
function need(cond, what) {
  if (!cond) throw new ShapeError(what);
}
var CONTROL_CHARS = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
function asDeployToken(x) {
  need(isObject(x), "a deploy token must be a JSON object");
  need(typeof x.id === "number", "deploy token `id` must be a number");
  need(typeof x.name === "string", "deploy token `name` must be a string");
  need(typeof x.username === "string", "deploy token `username` must be a string");
  need(
    x.expires_at === null || x.expires_at === void 0 || typeof x.expires_at === "string",
    "deploy token `expires_at` must be a string or null"
  );
  if (typeof x.expires_at === "string") {
    need(!Number.isNaN(Date.parse(x.expires_at)), "deploy token `expires_at` must be a date");
  }
  need(x.revoked === void 0 || typeof x.revoked === "boolean", "deploy token `revoked` must be a boolean");
  need(
    Array.isArray(x.scopes) && x.scopes.every((s) => typeof s === "string"),
    "deploy token `scopes` must be a list of strings"
  );
  const t = {
    id: x.id,
    // A name is free text anyone with Maintainer can set: control characters (terminal escapes,
    // newlines) and invisible format characters (bidi overrides) never reach an output. GitLab's
    // special name has none, so matching is unaffected.
    name: x.name.replace(CONTROL_CHARS, "?"),
    // An empty username is GitLab's default one (app/models/deploy_token.rb `username`,
    // DeployTokenMethods: `params[:username].presence`).
    username: x.username === "" ? `gitlab+deploy-token-${x.id}` : x.username.replace(CONTROL_CHARS, "?"),
    expires_at: x.expires_at ?? null,
    revoked: x.revoked === true,
    scopes: [...x.scopes]
  };
  if (x.revoked === void 0) t.revokedUnknown = true;
  if (typeof x.expired === "boolean") t.expired = x.expired;
  if (typeof x.token === "string") t.token = x.token;
  return t;
}
function asProject(x) {
  need(isObject(x), "a project must be a JSON object");
  need(typeof x.id === "number", "project `id` must be a number");
  need(typeof x.path_with_namespace === "string", "project `path_with_namespace` must be a string");
  const ns = x.namespace;
  need(isObject(ns), "project `namespace` must be an object");
  need(typeof ns.id === "number", "project `namespace.id` must be a number");
  need(ns.kind === "group" || ns.kind === "user", 'project `namespace.kind` must be "group" or "user"');
  need(typeof ns.full_path === "string", "project `namespace.full_path` must be a string");
  const p = {
    id: x.id,
    path_with_namespace: x.path_with_namespace,
    namespace: {
      id: ns.id,
      kind: ns.kind,
      full_path: ns.full_path,
      parent_id: typeof ns.parent_id === "number" ? ns.parent_id : null
    }
  };
  if (typeof x.web_url === "string") p.web_url = x.web_url;
  if (typeof x.http_url_to_repo === "string") p.http_url_to_repo = x.http_url_to_repo;
  if (typeof x.container_registry_image_prefix === "string") {
    p.container_registry_image_prefix = x.container_registry_image_prefix;
  }
  if (typeof x.lfs_enabled === "boolean") p.lfs_enabled = x.lfs_enabled;
  if (isObject(x.permissions)) {
    const level = (a) => isObject(a) && typeof a.access_level === "number" ? a.access_level : null;
    p.permissions = {
      projectAccess: level(x.permissions.project_access),
      groupAccess: level(x.permissions.group_access)
    };
  }
  return p;
}
function asGroup(x) {
  need(isObject(x), "a group must be a JSON object");
  need(typeof x.id === "number", "group `id` must be a number");
  need(typeof x.full_path === "string", "group `full_path` must be a string");
  return {
    id: x.id,
    full_path: x.full_path,
    parent_id: typeof x.parent_id === "number" ? x.parent_id : null
  };
}
function asCiVariable(x) {
  need(isObject(x), "a CI/CD variable must be a JSON object");
  need(typeof x.key === "string", "variable `key` must be a string");
  need(x.value === null || typeof x.value === "string", "variable `value` must be a string or null");
  const v = { key: x.key, value: x.value };
  if (x.variable_type === "env_var" || x.variable_type === "file") v.variable_type = x.variable_type;
  if (typeof x.protected === "boolean") v.protected = x.protected;
  if (typeof x.masked === "boolean") v.masked = x.masked;
  if (typeof x.hidden === "boolean") v.hidden = x.hidden;
  if (typeof x.raw === "boolean") v.raw = x.raw;
  if (typeof x.environment_scope === "string") v.environment_scope = x.environment_scope;
  if (typeof x.description === "string" || x.description === null) v.description = x.description;
  return v;
}
function asProtectedRef(x) {
  need(isObject(x), "a protected branch or tag must be a JSON object");
  need(typeof x.name === "string", "protected branch or tag `name` must be a string");
  return { name: x.name };
}
function asCurrentUser(x) {
  need(isObject(x), "the user must be a JSON object");
  need(typeof x.id === "number", "user `id` must be a number");
  need(typeof x.username === "string", "user `username` must be a string");
  return { id: x.id, username: x.username, isAdmin: x.is_admin === true };
}
function asTokenScopes(x) {
  need(isObject(x), "the personal access token must be a JSON object");
  need(
    Array.isArray(x.scopes) && x.scopes.every((s) => typeof s === "string"),
    "personal access token `scopes` must be a list of strings"
  );
  return [...x.scopes];
}
function asAccessLevel(x) {
  need(isObject(x), "a member must be a JSON object");
  need(typeof x.access_level === "number", "member `access_level` must be a number");
  return x.access_level;
}
function asVersionInfo(x) {
  need(isObject(x), "the version answer must be a JSON object");
  need(typeof x.version === "string", "the version answer must have a `version` string");
  const v = { version: x.version };
  if (typeof x.revision === "string") v.revision = x.revision;
  return v;
}

// src/gitlab/api.ts
function encodeId(idOrPath) {
  return encodeURIComponent(String(idOrPath).replace(/^\/+|\/+$/g, ""));
}
async function getVersion(client) {
  try {
    return await client.get("/version", asVersionInfo);
  } catch (e) {
    if (e instanceof GitLabApiError && e.status === 404) return client.get("/metadata", asVersionInfo);
    throw e;
  }
}
function getProject(client, id) {
  return client.get(`/projects/${encodeId(id)}`, asProject);
}
function getGroup(client, id) {
  return client.get(`/groups/${encodeId(id)}`, asGroup);
}
function listDeployTokens(client, level, id) {
  return client.getAll(`/${level}/${encodeId(id)}/deploy_tokens`, asDeployToken);
}
function getVariable(client, level, id, key, environmentScope) {
  const query = environmentScope === void 0 ? {} : { "filter[environment_scope]": environmentScope };
  return client.get(`/${level}/${encodeId(id)}/variables/${encodeURIComponent(key)}`, asCiVariable, query);
}
function listVariables(client, level, id) {
  return client.getAll(`/${level}/${encodeId(id)}/variables`, asCiVariable);
}
function listDescendantGroups(client, id) {
  return client.getAll(`/groups/${encodeId(id)}/descendant_groups`, asGroup);
}
function listGroupProjects(client, id, opts = {}) {
  return client.getAll(
    `/groups/${encodeId(id)}/projects`,
    asProject,
    opts.includeSubgroups ? { include_subgroups: "true" } : {}
  );
}
function getCurrentUser(client) {
  return client.get("/user", asCurrentUser);
}
async function getTokenScopes(client) {
  try {
    return await client.get("/personal_access_tokens/self", asTokenScopes);
  } catch (e) {
    if (e instanceof GitLabApiError && (e.status === 404 || e.status === 401 || e.status === 403))
      return void 0;
    throw e;
  }
}
async function getGroupAccess(client, group, userId) {
  try {
    return await client.get(`/groups/${encodeId(group)}/members/all/${userId}`, asAccessLevel);
  } catch (e) {
    if (e instanceof GitLabApiError && e.status === 404) return 0;
    throw e;
  }
}
async function createDeployToken(client, level, id, t) {
  const { data } = await client.request("POST", `/${level}/${encodeId(id)}/deploy_tokens`, asDeployToken, {
    body: t
  });
  if (!data?.token) {
    throw new GitLabApiError(
      "GitLab created a deploy token but its answer has no `token`",
      `/${level}/:id/deploy_tokens`,
      void 0,
      "the secret is only in the creation answer: delete that token in Settings > Repository > Deploy tokens and run again"
    );
  }
  return data;
}
async function findDeployToken(client, level, id, tokenId) {
  try {
    return await client.get(`/${level}/${encodeId(id)}/deploy_tokens/${tokenId}`, asDeployToken);
  } catch (e) {
    if (!(e instanceof GitLabApiError && e.status === 404)) throw e;
  }
  return (await listDeployTokens(client, level, id)).find((t) => t.id === tokenId);
}
function listProtectedRefs(client, project, kind) {
  return client.getAll(`/projects/${encodeId(project)}/protected_${kind}`, asProtectedRef);
}
async function deleteDeployToken(client, level, id, tokenId) {
  try {
    await client.request("DELETE", `/${level}/${encodeId(id)}/deploy_tokens/${tokenId}`, () => void 0);
    return "deleted";
  } catch (e) {
    if (e instanceof GitLabApiError && e.status === 404) return "gone";
    throw e;
  }
}
async function writeVariable(client, level, id, v, mode) {
  const scope = v.environment_scope ?? "*";
  const secrets = v.masked ? [v.value] : [];
  const { data } = mode === "create" ? await client.request("POST", `/${level}/${encodeId(id)}/variables`, asCiVariable, {
    body: { ...v, environment_scope: scope },
    secrets
  }) : await client.request(
    "PUT",
    `/${level}/${encodeId(id)}/variables/${encodeURIComponent(v.key)}`,
    asCiVariable,
    {
      body: { ...v, environment_scope: scope },
      query: { "filter[environment_scope]": scope },
      secrets
    }
  );
  if (!data)
    throw new GitLabApiError("GitLab answered a variable write with no body", `/${level}/:id/variables`);
  return data;
}
async function deleteVariable(client, level, id, key, environmentScope = "*") {
  try {
    await client.request(
      "DELETE",
      `/${level}/${encodeId(id)}/variables/${encodeURIComponent(key)}`,
      () => void 0,
      {
        query: { "filter[environment_scope]": environmentScope }
      }
    );
    return "deleted";
  } catch (e) {
    if (e instanceof GitLabApiError && e.status === 404) return "gone";
    throw e;
  }
}

// src/app/options.ts
import { existsSync } from "node:fs";
import { isAbsolute, join } from "node:path";
var DEFAULT_SPEC = "deploy-token.yml";
var NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
function specPath(flags, cwd) {
  if (flags.spec) return isAbsolute(flags.spec) ? flags.spec : join(cwd, flags.spec);
  const def = join(cwd, DEFAULT_SPEC);
  return existsSync(def) ? def : void 0;
}
function withoutUserInfo(raw) {
  return raw.replace(/^([a-z][a-z0-9+.-]*:\/*)?[^/?#\s]*@/i, "$1***@").replace(/\/\/[^/?#\s]*@/g, "//***@");
}
function normaliseUrl(raw) {
  let u;
  try {
    u = new URL(raw);
  } catch {
    throw new UsageError(
      `--gitlab-url "${withoutUserInfo(raw).slice(0, 100)}" is not a URL`,
      "give the instance URL, e.g. https://gitlab.example.com"
    );
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") {
    throw new UsageError(
      `--gitlab-url must be http(s), not ${u.protocol}`,
      "give the instance URL, e.g. https://gitlab.example.com"
    );
  }
  if (u.username || u.password) {
    throw new UsageError(
      "--gitlab-url must not contain credentials",
      "put the API token in GITLAB_TOKEN instead"
    );
  }
  return `${u.origin}${u.pathname.replace(/\/+$/, "").replace(/\/api\/v4$/, "")}`;
}
function resolveSettings(flags, env, spec) {
  const gitlabUrl = normaliseUrl(
    flags.gitlabUrl ?? spec?.gitlab?.url ?? env.CI_SERVER_URL ?? "https://gitlab.com"
  );
  const specProject = spec?.gitlab?.project;
  const project = flags.project ?? (specProject === void 0 ? void 0 : String(specProject)) ?? env.CI_PROJECT_ID ?? env.CI_PROJECT_PATH;
  if (project !== void 0)
    checkProjectRef(project, flags.project !== void 0 ? "--project" : "the project");
  const apiTokenEnv = flags.apiTokenEnv ?? spec?.gitlab?.api_token_env ?? "GITLAB_TOKEN";
  if (!NAME_RE.test(apiTokenEnv)) {
    throw new UsageError(
      `--api-token-env "${apiTokenEnv.slice(0, 60)}" is not a variable name`,
      "name the environment variable that holds the API token, e.g. GITLAB_TOKEN"
    );
  }
  const apiToken = env[apiTokenEnv] || void 0;
  const environment = flags.environment ?? spec?.gitlab?.environment ?? env.CI_ENVIRONMENT_NAME ?? void 0;
  const rawDays = flags.minDaysLeft ?? spec?.token?.min_days_left ?? 7;
  const minDaysLeft = typeof rawDays === "number" ? rawDays : Number(rawDays);
  if (!Number.isFinite(minDaysLeft) || minDaysLeft < 0 || !/^\d+(\.\d+)?$/.test(String(rawDays))) {
    throw new UsageError(
      `--min-days-left must be a number of days, not "${String(rawDays).slice(0, 40)}"`,
      "e.g. --min-days-left 14"
    );
  }
  let job;
  if (flags.job !== void 0) {
    const jobSpec = spec?.jobs[flags.job];
    if (!spec)
      throw new UsageError(`--job ${flags.job} needs a spec`, `write ${DEFAULT_SPEC} or pass --spec FILE`);
    if (!jobSpec) {
      throw new UsageError(
        `job "${flags.job}" is not in the spec`,
        `choose one of: ${Object.keys(spec.jobs).join(", ") || "(none)"}`
      );
    }
    job = {
      name: flags.job,
      spec: jobSpec,
      scopes: [...new Set(jobSpec.scopes ?? [])],
      lfs: flags.lfs === true || jobSpec.lfs === true,
      dependencyProxy: jobSpec.dependency_proxy === true
    };
  }
  const s = { gitlabUrl, apiTokenEnv, minDaysLeft, lfs: flags.lfs === true || job?.lfs === true };
  if (project) s.project = project;
  if (apiToken) s.apiToken = apiToken;
  if (environment) s.environment = environment;
  if (job) s.job = job;
  if (flags.ref !== void 0) {
    if (flags.ref.trim() === "")
      throw new UsageError("--ref needs a branch or tag name", "e.g. --ref main, or --ref refs/tags/v1.2");
    s.ref = flags.ref;
  }
  return s;
}
function checkProjectRef(value, source) {
  const segments = value.split("/");
  if (value.trim() === "" || segments.some((s) => s === "" || s === "." || s === "..")) {
    throw new UsageError(
      `${source} "${value.slice(0, 80)}" is not a project or group: a path has no empty, "." or ".." segment`,
      "give the numeric id or the full path, e.g. tanuki/awesome_project"
    );
  }
  return value;
}

// src/resolve/activity.ts
var GITLAB_DEPLOY_TOKEN_NAME = "gitlab-deploy-token";
var DAY_MS = 864e5;
function expiresAt(token) {
  if (token.expires_at === null) return null;
  const d = new Date(token.expires_at);
  return Number.isNaN(d.getTime()) ? null : d;
}
function tokenActivity(token, now) {
  const exp = expiresAt(token);
  if (token.revoked) return { active: false, reason: "revoked", expiresAt: exp };
  if (exp !== null && now.getTime() >= exp.getTime())
    return { active: false, reason: "expired", expiresAt: exp };
  return { active: true, expiresAt: exp };
}
function daysLeft(token, now) {
  const exp = expiresAt(token);
  return exp === null ? null : (exp.getTime() - now.getTime()) / DAY_MS;
}
function isSpecial(token) {
  return token.name === GITLAB_DEPLOY_TOKEN_NAME;
}
function formatInstant(d) {
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export {
  ShapeError,
  getVersion,
  getProject,
  getGroup,
  listDeployTokens,
  getVariable,
  listVariables,
  listDescendantGroups,
  listGroupProjects,
  getCurrentUser,
  getTokenScopes,
  getGroupAccess,
  createDeployToken,
  findDeployToken,
  listProtectedRefs,
  deleteDeployToken,
  writeVariable,
  deleteVariable,
  specPath,
  normaliseUrl,
  resolveSettings,
  checkProjectRef,
  GITLAB_DEPLOY_TOKEN_NAME,
  tokenActivity,
  daysLeft,
  isSpecial,
  formatInstant
};
