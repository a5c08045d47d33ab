import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  resolveSettings,
  specPath
} from "./chunk-FJEDMX6I.js";
import {
  clientWith
} from "./chunk-4YG5LHE6.js";
import {
  UNKNOWN_PAIR,
  resolveCredentials
} from "./chunk-2KYKZ3OY.js";
import {
  parseGitLabVersion
} from "./chunk-HYBTJBPM.js";
import {
  getProject,
  getVariable,
  getVersion,
  isActive,
  isSpecial,
  listDeployTokens,
  listVariables
} from "./chunk-W3LW53PW.js";
import {
  GitLabApiError,
  UsageError
} from "./chunk-XSTXBMLW.js";

// src/export/names.ts
var NAME_RE = /^[A-Za-z_][A-Za-z0-9_]{0,254}$/;
var REFUSED_NAMES = /* @__PURE__ */ new Set([
  "PATH",
  "LD_PRELOAD",
  "LD_LIBRARY_PATH",
  "LD_AUDIT",
  "DYLD_INSERT_LIBRARIES",
  "NODE_OPTIONS",
  "NODE_PATH",
  "BASH_ENV",
  "ENV",
  "IFS",
  "PS4",
  "PROMPT_COMMAND",
  "SHELLOPTS",
  "BASHOPTS",
  "HOME",
  "SHELL",
  "PYTHONPATH",
  "PYTHONSTARTUP",
  "PERL5OPT",
  "RUBYOPT",
  "JAVA_TOOL_OPTIONS",
  "GIT_SSH_COMMAND",
  "GIT_EXEC_PATH",
  "GITHUB_ENV",
  "GITHUB_OUTPUT",
  "GITHUB_PATH",
  "GITHUB_STATE"
]);
function checkExportName(name) {
  if (!NAME_RE.test(name)) {
    return `"${name.slice(0, 60)}" is not a valid variable name (letters, digits and _; not starting with a digit)`;
  }
  if (REFUSED_NAMES.has(name.toUpperCase())) {
    return `${name} is refused: exporting it would change how programs start or where they look`;
  }
  return void 0;
}

// src/export/variables.ts
function deployVariables(username, password) {
  return [
    { name: "CI_DEPLOY_USER", value: username, secret: false },
    { name: "CI_DEPLOY_PASSWORD", value: password, secret: true }
  ];
}
function checkVariables(vars) {
  const seen = /* @__PURE__ */ new Set();
  for (const v of vars) {
    const bad = checkExportName(v.name);
    if (bad) throw new UsageError(bad, "rename the variable in the spec");
    if (seen.has(v.name))
      throw new UsageError(`variable ${v.name} is exported twice`, "give each variable one name");
    seen.add(v.name);
  }
}

// src/resolve/variables.ts
function scopeMatches(scope, environment) {
  if (scope === "*") return true;
  if (environment === void 0) return false;
  if (!scope.includes("*")) return scope === environment;
  const re = new RegExp(`^${scope.split("*").map(escapeRe).join(".*")}$`);
  return re.test(environment);
}
function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function rank(scope, environment) {
  if (environment !== void 0 && scope === environment) return 2;
  return scope === "*" ? 0 : 1;
}
function pickForEnvironment(vars, environment) {
  const matching = vars.filter((v) => scopeMatches(v.environment_scope ?? "*", environment));
  if (matching.length === 0) return {};
  matching.sort(
    (a, b) => rank(b.environment_scope ?? "*", environment) - rank(a.environment_scope ?? "*", environment)
  );
  const [best, second] = matching;
  if (!best) return {};
  const bestRank = rank(best.environment_scope ?? "*", environment);
  const note = matching.length > 1 ? `${matching.length} scopes match${environment ? ` environment ${environment}` : ""} (${matching.map((v) => v.environment_scope ?? "*").join(", ")}); GitLab uses ${best.environment_scope ?? "*"}${second && rank(second.environment_scope ?? "*", environment) === bestRank ? " (several equally specific patterns: GitLab's choice among them is unspecified)" : ""}` : void 0;
  return note ? { variable: best, note } : { variable: best };
}
function toLookup(v, note) {
  if (!v) return { state: "unset" };
  const lookup = {
    state: "set",
    value: v.hidden ? null : v.value,
    hidden: v.hidden === true || v.value === null,
    masked: v.masked === true,
    protected: v.protected === true,
    environmentScope: v.environment_scope ?? "*"
  };
  if (note) lookup.note = note;
  return lookup;
}
async function lookupVariable(client, level, id, key, environment) {
  try {
    const v = await getVariable(client, level, id, key);
    return toLookup(scopeMatches(v.environment_scope ?? "*", environment) ? v : void 0);
  } catch (e) {
    if (!(e instanceof GitLabApiError)) throw e;
    if (e.status === 404) return { state: "unset" };
    if (e.status === 403 || e.status === 401) {
      return {
        state: "unknown",
        why: `${level === "projects" ? "project" : "group"} variables cannot be read (${e.status}: needs ${level === "projects" ? "Maintainer" : "Owner"} role)`
      };
    }
    if (e.status !== 409) throw e;
  }
  if (environment !== void 0) {
    try {
      const exact = await getVariable(client, level, id, key, environment);
      if ((exact.environment_scope ?? "*") === environment) {
        return toLookup(exact, `several environment scopes; the exact scope ${environment} wins`);
      }
    } catch (e) {
      if (!(e instanceof GitLabApiError) || e.status !== 404 && e.status !== 409) throw e;
    }
  }
  const all = (await listVariables(client, level, id)).filter((v) => v.key === key);
  const { variable, note } = pickForEnvironment(all, environment);
  return toLookup(variable, note);
}
async function lookupPair(client, level, id, environment) {
  const [user, password] = await Promise.all([
    lookupVariable(client, level, id, "CI_DEPLOY_USER", environment),
    lookupVariable(client, level, id, "CI_DEPLOY_PASSWORD", environment)
  ]);
  return { user, password };
}

// src/resolve/gather.ts
async function tokensOf(client, level, id, now, first) {
  const active = (await (first ?? listDeployTokens(client, level, id, { active: true }))).filter(
    (t) => isActive(t, now)
  );
  if (active.some(isSpecial)) return active;
  return listDeployTokens(client, level, id);
}
function why(e) {
  if (e instanceof GitLabApiError && e.status !== void 0) {
    return `${e.status}${e.status === 403 ? ": needs the Maintainer role" : ""}`;
  }
  return e instanceof Error ? e.message : String(e);
}
async function groupTokens(client, path, now, id) {
  try {
    const tokens = await listDeployTokens(client, "groups", id ?? path);
    return id === void 0 ? { path, tokens } : { path, id, tokens };
  } catch (e) {
    if (e instanceof GitLabApiError && e.status !== void 0 && e.status < 500) return { path, why: why(e) };
    throw e;
  }
}
function nearestSet(pairs) {
  const pick = (k) => pairs.map((p) => p[k]).find((l) => l.state === "set") ?? pairs.map((p) => p[k]).find((l) => l.state === "unknown") ?? { state: "unset" };
  return { user: pick("user"), password: pick("password") };
}
async function gatherInput(opts) {
  const { env, now } = opts;
  const environment = opts.environment ?? env.CI_ENVIRONMENT_NAME ?? void 0;
  const jobEnv = {};
  if (env.CI_DEPLOY_USER) jobEnv.user = env.CI_DEPLOY_USER;
  if (env.CI_DEPLOY_PASSWORD) jobEnv.password = env.CI_DEPLOY_PASSWORD;
  const fallback = opts.fallback && {
    ...opts.fallback,
    ...opts.fallback.usernameEnv && env[opts.fallback.usernameEnv] ? { user: env[opts.fallback.usernameEnv] } : {},
    ...opts.fallback.passwordEnv && env[opts.fallback.passwordEnv] ? { password: env[opts.fallback.passwordEnv] } : {}
  };
  const common = {
    now,
    jobEnv,
    minDaysLeft: opts.minDaysLeft,
    ancestors: [],
    ...fallback ? { fallback } : {},
    ...opts.job ? { job: opts.job } : {},
    ...environment ? { environment } : {}
  };
  const client = opts.client;
  if (!client) {
    return {
      ...common,
      apiAvailable: false,
      variables: { project: UNKNOWN_PAIR("no API token"), group: UNKNOWN_PAIR("no API token") }
    };
  }
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
      if (e instanceof GitLabApiError && e.status !== void 0 && e.status < 500) return { why: why(e) };
      throw e;
    }
  );
  const firstPage = listDeployTokens(client, "projects", projectRef, { active: true });
  versionP.catch(() => void 0);
  firstPage.catch(() => void 0);
  const project = await getProject(client, projectRef);
  const projectTokensP = tokensOf(client, "projects", project.id, now, firstPage);
  const projectVarsP = lookupPair(client, "projects", project.id, environment);
  const ns = project.namespace;
  const groupPaths = [];
  if (ns.kind === "group") {
    const parts = ns.full_path.split("/");
    for (let i = parts.length; i >= 1; i--) groupPaths.push(parts.slice(0, i).join("/"));
  }
  const groupsP = Promise.all(
    groupPaths.map((path, i) => groupTokens(client, path, now, i === 0 ? ns.id : void 0))
  );
  const groupVarsP = Promise.all(
    groupPaths.map(
      (path, i) => lookupPair(client, "groups", i === 0 ? ns.id : path, environment).catch((e) => {
        if (e instanceof GitLabApiError && e.status !== void 0 && e.status < 500)
          return UNKNOWN_PAIR(why(e));
        throw e;
      })
    )
  );
  const [v, projectTokens, projectVars, groups, groupVars] = await Promise.all([
    versionP,
    projectTokensP,
    projectVarsP,
    groupsP,
    groupVarsP
  ]);
  const [parent, ...ancestors] = groups;
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
    variables: {
      project: projectVars,
      group: groupVars.length > 0 ? nearestSet(groupVars) : { user: { state: "unset" }, password: { state: "unset" } }
    }
  };
}

// src/app/flow.ts
async function loadSpecFor(flags, cwd) {
  const path = specPath(flags, cwd);
  if (!path) return void 0;
  const { loadSpecFile } = await import("./load-4ZQI4GXJ.js");
  const { spec, findings } = await loadSpecFile(path);
  const errors = findings.filter((f) => f.severity === "error");
  if (!spec || errors.length > 0) {
    const first = errors.slice(0, 5).map((f) => `${f.file}:${f.line}:${f.col}: ${f.message} [${f.ruleId}]`).join("\n  ");
    throw new UsageError(
      `the spec is invalid:
  ${first}`,
      `run \`deploy-token validate ${path}\` for every finding`
    );
  }
  return spec;
}
async function runFlow(flags, deps) {
  const spec = await loadSpecFor(flags, deps.cwd);
  const settings = resolveSettings(flags, deps.env, spec);
  const client = settings.apiToken ? clientWith(settings.gitlabUrl, settings.apiToken, deps) : void 0;
  if (settings.job?.spec.ephemeral === true || deps.ephemeral?.force === true) {
    const { ephemeralFlow } = await import("./ephemeral-GUTPPVAR.js");
    const e = await ephemeralFlow(
      settings,
      client,
      deps.now(),
      deps.ephemeral?.mode ?? "plan",
      deps.ephemeral?.random
    );
    return {
      settings,
      ...spec ? { spec } : {},
      input: e.input,
      resolution: e.resolution,
      requestCount: client?.requestCount ?? 0,
      ...e.record ? { ephemeral: { ...e.record, gitlabUrl: settings.gitlabUrl } } : {},
      ...client ? { client } : {}
    };
  }
  const fb = spec?.token?.fallback;
  const fallback = fb && (fb.username_env || fb.password_env) ? {
    ...fb.username_env ? { usernameEnv: fb.username_env } : {},
    ...fb.password_env ? { passwordEnv: fb.password_env } : {}
  } : void 0;
  const input = await gatherInput({
    ...client ? { client } : {},
    ...settings.project ? { project: settings.project } : {},
    env: deps.env,
    now: deps.now(),
    ...settings.environment ? { environment: settings.environment } : {},
    ...fallback ? { fallback } : {},
    ...settings.job ? { job: { name: settings.job.name, scopes: settings.job.scopes, lfs: settings.job.lfs } } : {},
    minDaysLeft: settings.minDaysLeft
  });
  if (settings.lfs && !input.job) input.job = { name: "(command line)", scopes: [], lfs: true };
  const resolution = resolveCredentials(input);
  return {
    settings,
    ...spec ? { spec } : {},
    input,
    resolution,
    requestCount: client?.requestCount ?? 0,
    ...client ? { client } : {}
  };
}

export {
  deployVariables,
  checkVariables,
  loadSpecFor,
  runFlow
};
