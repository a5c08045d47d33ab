import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);

// src/resolve/messages.ts
var SETTINGS_VARIABLES = "Settings > CI/CD > Variables";
var SETTINGS_TOKENS = "Settings > Repository > Deploy tokens";
function summarize(token, level, owner) {
  return {
    id: token.id,
    name: token.name,
    username: token.username,
    scopes: [...token.scopes],
    expiresAt: token.expires_at === null ? null : new Date(token.expires_at).toISOString(),
    level,
    owner
  };
}
function describeToken(t) {
  return `${t.level} token #${t.id} "${t.name}" (${t.username}) of ${t.owner}`;
}
function variableWords(key, e) {
  const flags = [
    `environment scope ${e.variable.environment_scope ?? "*"}`,
    ...e.variable.protected ? ["protected"] : [],
    ...e.variable.hidden || e.variable.value === null ? ["hidden"] : [],
    ...e.variable.variable_type === "file" ? ["file"] : []
  ];
  return `${e.level} CI/CD variable ${key} of ${e.path} (${flags.join(", ")})`;
}
function variableSource(key, e) {
  return {
    kind: e.level === "project" ? "project-variable" : "group-variable",
    detail: variableWords(key, e)
  };
}
function envSource(key, fromFile) {
  return {
    kind: "job-environment",
    detail: `job environment (${key}${fromFile ? ", a file variable: read from its file" : ""})`
  };
}
function tokenSource(t) {
  return { kind: "token", detail: `deploy token #${t.id}` };
}
function ruleTextFor(rule, version) {
  const v = version ? `GitLab ${version}` : "GitLab";
  switch (rule) {
    case "project-token":
      return `${v}: the project's active gitlab-deploy-token becomes CI_DEPLOY_USER / CI_DEPLOY_PASSWORD (app/models/project.rb)`;
    case "group-token":
      return `${v}: no project token, so the direct parent group's active gitlab-deploy-token is exposed (15.1+, MR !88696)`;
    case "group-variables-fallback":
      return `${v}: group tokens reach jobs only through CI/CD variables CI_DEPLOY_USER / CI_DEPLOY_PASSWORD (the 15.0 workaround)`;
    case "variables-override":
      return `${v}: CI/CD variables CI_DEPLOY_USER / CI_DEPLOY_PASSWORD override the generated ones (predefined variables rank lowest)`;
    case "unverified-environment":
      return "no API token: CI_DEPLOY_USER / CI_DEPLOY_PASSWORD taken from the environment as they are, unverified";
    case "ephemeral-token":
      return "ephemeral: a project deploy token made for this job alone, with just its scopes, expiring at the next 00:00 UTC and deleted when the job ends (never named gitlab-deploy-token)";
    case "none":
      return `${v}: no credentials`;
  }
}
function noTokenFix(project) {
  const parent = project?.namespaceKind === "group" ? ` or its direct parent group ${project.namespacePath}` : "";
  return `create a deploy token named exactly gitlab-deploy-token on ${project?.path ?? "the project"}${parent} (${SETTINGS_TOKENS}), with the scopes the job needs`;
}
function invisibleSources(over) {
  return over === "token" ? "instance CI/CD variables, .gitlab-ci.yml variables:, dotenv reports, and pipeline, schedule or manual-job variables" : "pipeline, schedule or manual-job variables";
}

// src/resolve/precedence.ts
function scopeMatches(scope, environment) {
  if (scope === "*") return true;
  if (environment === void 0) return false;
  if (!scope.includes("*")) return scope === environment;
  const re = new RegExp(`^${scope.split("*").map(escapeRe).join(".*")}$`, "s");
  return re.test(environment);
}
function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function rank(scope, environment) {
  if (environment !== void 0 && scope === environment) return 2;
  return scope === "*" ? 0 : 1;
}
var scopeOf = (v) => v.environment_scope ?? "*";
function pickForEnvironment(rows, environment) {
  const matching = rows.filter((v) => scopeMatches(scopeOf(v), environment));
  if (matching.length === 0) return {};
  matching.sort((a, b) => rank(scopeOf(b), environment) - rank(scopeOf(a), environment));
  const [best, second] = matching;
  if (!best) return {};
  if (matching.length === 1) return { variable: best };
  const tie = second !== void 0 && rank(scopeOf(second), environment) === rank(scopeOf(best), environment);
  const note = `${matching.length} environment scopes match${environment ? ` environment ${environment}` : ""} (${matching.map(scopeOf).join(", ")}); GitLab uses ${scopeOf(best)}` + (tie ? " (several equally specific patterns: GitLab's choice among them is unspecified)" : "");
  return { variable: best, note };
}
function atLevel(level, key, environment, protectedRef) {
  const rows = (level.variables ?? []).filter((v) => v.key === key && (protectedRef || v.protected !== true));
  const { variable, note } = pickForEnvironment(rows, environment);
  if (!variable) return { state: "unset" };
  return { state: "set", level: level.level, path: level.path, variable, ...note ? { note } : {} };
}
function effectiveVariable(levels, key, environment, protectedRef) {
  const order = [levels.project, ...levels.groups];
  const walk = (i) => {
    const level = order[i];
    if (!level) return { state: "unset" };
    if (level.variables === void 0) {
      return { state: "unknown", path: level.path, why: level.why ?? "not read", behind: walk(i + 1) };
    }
    const here = atLevel(level, key, environment, protectedRef);
    return here.state === "set" ? here : walk(i + 1);
  };
  return walk(0);
}
function unreadVariables(why, projectPath = "the project") {
  return { project: { level: "project", path: projectPath, why }, groups: [] };
}

export {
  SETTINGS_VARIABLES,
  SETTINGS_TOKENS,
  summarize,
  describeToken,
  variableWords,
  variableSource,
  envSource,
  tokenSource,
  ruleTextFor,
  noTokenFix,
  invisibleSources,
  effectiveVariable,
  unreadVariables
};
