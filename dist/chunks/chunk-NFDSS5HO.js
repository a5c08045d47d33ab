import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  runSpecs
} from "./chunk-OI2XTNVL.js";
import {
  resolveSettings
} from "./chunk-VHOR7ZN3.js";
import {
  DEPENDENCY_PROXY_DEPLOY_TOKENS,
  DEPENDENCY_PROXY_VIRTUAL_SCOPES,
  DEPENDENCY_PROXY_VIRTUAL_SCOPES_FLAG,
  DEPLOY_TOKEN_SCOPES,
  LFS_GROUP_TOKENS,
  REGISTRY_SCOPES,
  VIRTUAL_REGISTRY_SCOPES,
  exposesGroupDeployToken,
  formatVersion,
  groupTokenBehindFlag,
  impliedScopes,
  parseGitLabVersion,
  reached,
  releaseText,
  scopeExistsIn
} from "./chunk-MD44M7EN.js";
import {
  SETTINGS_TOKENS,
  SETTINGS_VARIABLES,
  describeToken,
  effectiveVariable,
  envSource,
  invisibleSources,
  noTokenFix,
  ruleTextFor,
  summarize,
  tokenSource,
  unreadVariables,
  variableSource,
  variableWords
} from "./chunk-BM72ILTC.js";
import {
  connect,
  daysLeft,
  formatInstant,
  getProject,
  getVersion,
  isSpecial,
  listDeployTokens,
  listProtectedRefs,
  listVariables,
  tokenActivity
} from "./chunk-CID4WHD4.js";
import {
  isGitLabToken,
  isPrefixlessDeployToken
} from "./chunk-MYCCQ4L5.js";
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

// src/resolve/checks.ts
function checkToken(input, d, version) {
  if (!d.token || !(d.ok || d.forJob?.ok)) return d;
  const t = summarize(d.token.token, d.token.level, d.token.owner);
  const warnings = [...d.warnings, ...tokenWarnings(input, t, d.rule, version)];
  const blocked = scopeProblem(input, t) ?? proxyProblem(input, d.token.token.scopes, t);
  if (!blocked) return { ...d, warnings };
  return {
    ...d,
    ...blocked,
    ok: false,
    warnings,
    considered: d.considered,
    ...d.forJob ? { forJob: { ok: false, line: blocked.reason } } : {}
  };
}
function tokenWarnings(input, t, rule, version) {
  const out = [];
  const left = daysLeft({ expires_at: t.expiresAt }, input.now);
  if (left !== null && left < input.minDaysLeft) {
    const days = Math.max(0, Math.floor(left));
    out.push({
      code: "expiring-soon",
      message: `${describeToken(t)} expires in ${days} day${days === 1 ? "" : "s"}, at ${formatInstant(new Date(t.expiresAt))} (less than ${input.minDaysLeft}); rotate it`
    });
  }
  if (input.version && rule === "group-token" && groupTokenBehindFlag(input.version)) {
    out.push({
      code: "feature-flag",
      message: `GitLab ${version} exposes group tokens behind the feature flag ci_variable_for_group_gitlab_deploy_token (on by default, removed in 15.4); if an administrator turned it off, jobs get nothing`
    });
  }
  if (t.level === "group" && input.job?.lfs && !(input.version && reached(input.version, LFS_GROUP_TOKENS))) {
    const v = input.version ? `GitLab ${version} answers` : `GitLab before ${releaseText(LFS_GROUP_TOKENS)} answered`;
    out.push({
      code: "group-token-lfs",
      message: `job ${input.job.name} uses Git LFS with a group deploy token: ${v} 404 for LFS objects with group tokens until ${releaseText(LFS_GROUP_TOKENS)} (issue 235398, MR !104529); use a project deploy token, or upgrade`
    });
  }
  return out;
}
function scopeProblem(input, t) {
  if (!input.job) return void 0;
  const proxyPair = input.job.dependencyProxy === true && VIRTUAL_REGISTRY_SCOPES.every((s) => t.scopes.includes(s));
  const needed = impliedScopes(input.job.scopes).filter((s) => !(proxyPair && REGISTRY_SCOPES.includes(s)));
  const missing = needed.filter((s) => !t.scopes.includes(s));
  if (missing.length === 0) return void 0;
  const push = missing.includes("read_registry") && !input.job.scopes.includes("read_registry") ? " (pushing images needs read_registry as well as write_registry)" : "";
  const tooNew = input.version ? missing.filter((s) => !scopeExistsIn(s, input.version)) : [];
  const fixScopes = DEPLOY_TOKEN_SCOPES.filter((s) => t.scopes.includes(s) || missing.includes(s));
  return {
    reason: `job ${input.job.name} needs ${missing.join(", ")}${push}, but ${describeToken(t)} has only ${t.scopes.join(", ") || "no scopes"}`,
    details: tooNew.length > 0 ? [
      `${tooNew.join(", ")} ${tooNew.length === 1 ? "does" : "do"} not exist on this GitLab version: upgrade first`
    ] : [],
    fix: `create a new deploy token with the scopes ${fixScopes.join(", ")} (scopes cannot be changed after creation) and revoke this one`,
    missingScopes: missing
  };
}
function proxyProblem(input, scopes, t) {
  if (!input.job?.dependencyProxy) return void 0;
  const v = input.version;
  const has = (pair) => pair.every((s) => scopes.includes(s));
  const base = `job ${input.job.name} pulls through the dependency proxy`;
  const groupFix = "use a group deploy token (Settings > Repository > Deploy tokens on the group) with read_registry and write_registry";
  if (v && !reached(v, DEPENDENCY_PROXY_DEPLOY_TOKENS)) {
    return {
      reason: `${base}, which accepts deploy tokens from GitLab ${releaseText(DEPENDENCY_PROXY_DEPLOY_TOKENS)} on`,
      fix: "upgrade GitLab, or log in to the dependency proxy with CI_DEPENDENCY_PROXY_USER / CI_DEPENDENCY_PROXY_PASSWORD",
      details: []
    };
  }
  if (t.level !== "group") {
    return {
      reason: `${base}, which accepts group deploy tokens only, but ${describeToken(t)} is a project token (DeployToken#valid_for_dependency_proxy?)`,
      fix: groupFix,
      details: []
    };
  }
  if (has(REGISTRY_SCOPES)) return void 0;
  if (has(VIRTUAL_REGISTRY_SCOPES)) {
    if (!v || reached(v, DEPENDENCY_PROXY_VIRTUAL_SCOPES)) return void 0;
    const flag = reached(v, DEPENDENCY_PROXY_VIRTUAL_SCOPES_FLAG) ? ` only behind the feature flag dependency_proxy_read_write_scopes (off by default) before ${releaseText(DEPENDENCY_PROXY_VIRTUAL_SCOPES)}` : ` from ${releaseText(DEPENDENCY_PROXY_VIRTUAL_SCOPES)} on`;
    return {
      reason: `${base}: the virtual-registry scope pair of ${describeToken(t)} works there${flag}`,
      fix: groupFix,
      details: []
    };
  }
  return {
    reason: `${base}, which needs read_registry and write_registry (or read_virtual_registry and write_virtual_registry), but ${describeToken(t)} has ${scopes.join(", ") || "no scopes"}`,
    fix: groupFix,
    details: []
  };
}

// src/resolve/tokens.ts
function deadNote(t, now) {
  const act = tokenActivity(t, now);
  if (act.active) return void 0;
  if (act.reason === "revoked") return { verdict: "revoked", note: "revoked" };
  let note = `expired at ${formatInstant(act.expiresAt)} (expiry occurs at midnight UTC on that date)`;
  if (t.expired === false) {
    note += "; the API still says `expired: false` (it uses the server-local date), but GitLab no longer accepts it";
  }
  return { verdict: "expired", note };
}
function pickLevel(located, now) {
  const special = located.filter((l) => isSpecial(l.token)).sort((a, b) => a.token.id - b.token.id);
  const active = [];
  const considered = [];
  for (const l of special) {
    const dead = deadNote(l.token, now);
    if (dead) considered.push({ token: summarize(l.token, l.level, l.owner), ...dead });
    else active.push(l);
  }
  return { active, considered };
}
function ambiguity(pick) {
  const [first, ...rest] = pick.active;
  if (!first || rest.length === 0) return void 0;
  return {
    code: "ambiguous-tokens",
    message: `${first.owner} has ${pick.active.length} active tokens named gitlab-deploy-token (ids ${pick.active.map((l) => l.token.id).join(", ")}); GitLab's pick among them is unspecified (LIMIT 1 without ORDER BY): a job may get any of them, and deploy-token shows the lowest id #${first.token.id}. Revoke the others in ${SETTINGS_TOKENS}.`
  };
}
function locate(input) {
  const out = [];
  const projectPath = input.project?.path ?? "the project";
  for (const t of input.projectTokens ?? [])
    out.push({ token: t, level: "project", owner: projectPath, where: "project" });
  for (const t of input.group?.tokens ?? []) {
    out.push({ token: t, level: "group", owner: input.group?.path ?? "the group", where: "parent" });
  }
  for (const g of input.ancestors) {
    for (const t of g.tokens ?? []) out.push({ token: t, level: "group", owner: g.path, where: "ancestor" });
  }
  return out;
}
function ancestorNotes(input, all, picture) {
  const projectPath = input.project?.path ?? "the project";
  for (const l of all.filter((x) => x.where === "ancestor" && isSpecial(x.token))) {
    if (!tokenActivity(l.token, input.now).active) continue;
    picture.considered.push({
      token: summarize(l.token, "group", l.owner),
      verdict: "outside-direct-parent",
      note: `on ${l.owner}, not the direct parent group: GitLab exposes only the direct parent's token ("available only to immediate child projects of the group")`
    });
    picture.warnings.push({
      code: "ancestor-token-ignored",
      message: `group ${l.owner} has an active gitlab-deploy-token (#${l.token.id}), but it is not ${projectPath}'s direct parent group; GitLab never exposes it to this project's jobs`
    });
  }
}
function listingNotes(input, all, picture) {
  if (input.group && input.group.tokens === void 0 && input.group.why) {
    picture.warnings.push({
      code: "variables-unreadable",
      message: `the deploy tokens of group ${input.group.path} could not be listed (${input.group.why})`
    });
  }
  if (all.some((l) => l.token.revokedUnknown)) {
    picture.warnings.push({
      code: "revocation-unknown",
      message: "this GitLab does not say whether its deploy tokens are revoked (its API answers have no `revoked` field): a revoked token looks active here"
    });
  }
}
function pictureTokens(input) {
  const all = locate(input);
  const version = input.version ? formatVersion(input.version) : void 0;
  const picture = {
    candidates: [],
    considered: [],
    warnings: [],
    all,
    ...version ? { version } : {}
  };
  const proj = pickLevel(
    all.filter((l) => l.where === "project"),
    input.now
  );
  const grp = pickLevel(
    all.filter((l) => l.where === "parent"),
    input.now
  );
  const groupExposed = input.version ? exposesGroupDeployToken(input.version) : true;
  if (!input.version) {
    picture.warnings.push({
      code: "version-unknown",
      message: `the GitLab version could not be read (${input.versionWhy ?? "no answer"}); assuming 15.1 or later, where group tokens are exposed`
    });
  }
  const projFirst = proj.active[0];
  const grpFirst = grp.active[0];
  if (projFirst)
    picture.considered.push({
      token: summarize(projFirst.token, "project", projFirst.owner),
      verdict: "picked",
      note: "active"
    });
  picture.considered.push(...proj.considered);
  for (const l of proj.active.slice(1)) picture.considered.push(notPicked(l, projFirst));
  if (grpFirst) {
    const s = summarize(grpFirst.token, "group", grpFirst.owner);
    if (projFirst)
      picture.considered.push({
        token: s,
        verdict: "shadowed-by-project-token",
        note: "the project's own token wins"
      });
    else if (!groupExposed) {
      picture.considered.push({
        token: s,
        verdict: "not-exposed-before-15.1",
        note: `GitLab ${version} exposes only project tokens; group tokens reach CI jobs from 15.1`
      });
      picture.groupNotExposed = grpFirst;
    } else picture.considered.push({ token: s, verdict: "picked", note: "active" });
  }
  picture.considered.push(...grp.considered);
  for (const l of grp.active.slice(1)) picture.considered.push(notPicked(l, grpFirst));
  const exposedPick = projFirst ? proj : groupExposed && grpFirst ? grp : void 0;
  if (exposedPick) {
    picture.exposed = exposedPick.active[0];
    picture.candidates = exposedPick.active;
  }
  for (const w of [ambiguity(proj), ambiguity(grp)]) if (w) picture.warnings.push(w);
  ancestorNotes(input, all, picture);
  listingNotes(input, all, picture);
  if (input.projectTokens !== void 0 && (!input.group || input.group.tokens !== void 0) && input.ancestors.every((g) => g.tokens !== void 0)) {
    picture.usernames = new Set(all.map((l) => l.token.username));
  }
  return picture;
}
function notPicked(l, first) {
  return {
    token: summarize(l.token, l.level, l.owner),
    verdict: "ambiguous-not-picked",
    note: `also active; GitLab's pick is unspecified, deploy-token shows the lowest id #${first.token.id}`
  };
}
function tokensNamed(picture, username, now) {
  const matches = picture.all.filter((l) => l.token.username === username);
  const order = { project: 0, parent: 1, ancestor: 2 };
  matches.sort((a, b) => order[a.where] - order[b.where] || a.token.id - b.token.id);
  const active = matches.filter((l) => tokenActivity(l.token, now).active);
  return { active, dead: matches.filter((l) => !tokenActivity(l.token, now).active) };
}
function exposedFor(picture, username) {
  if (username === void 0) return picture.exposed;
  return picture.candidates.find((l) => l.token.username === username) ?? picture.exposed;
}
function describeLocated(l) {
  return describeToken(summarize(l.token, l.level, l.owner));
}

// src/resolve/swapped.ts
var SWAPPED_MESSAGE = "CI_DEPLOY_USER holds what looks like a token: the variables may be swapped";
function looksLikeToken(value, known) {
  const v = value.trim();
  if (v === "") return false;
  if (known.passwords.some((p) => p !== "" && p === v)) return true;
  if (isGitLabToken(v)) return true;
  return known.usernames !== void 0 && !known.usernames.has(v) && isPrefixlessDeployToken(v);
}

// src/resolve/judge.ts
function failure(reason, fix, details = []) {
  return { ok: false, rule: "none", sources: {}, reason, details, fix, warnings: [], considered: [] };
}
function knownPasswords(input) {
  const out = [];
  if (input.jobEnv.password) out.push(input.jobEnv.password);
  if (input.fallback?.password) out.push(input.fallback.password);
  for (const level of [input.variables.project, ...input.variables.groups]) {
    for (const v of level.variables ?? []) if (v.key === "CI_DEPLOY_PASSWORD" && v.value) out.push(v.value);
  }
  return out;
}
function userWords(username, picture, input) {
  const known = {
    passwords: knownPasswords(input),
    ...picture.usernames ? { usernames: picture.usernames } : {}
  };
  return looksLikeToken(username, known) ? "CI_DEPLOY_USER (a value that looks like a token)" : `CI_DEPLOY_USER "${username}"`;
}
function swapped(username, picture, input, from) {
  const known = {
    passwords: knownPasswords(input),
    ...picture.usernames ? { usernames: picture.usernames } : {}
  };
  if (!looksLikeToken(username, known)) return void 0;
  return failure(
    SWAPPED_MESSAGE,
    `check CI_DEPLOY_USER and CI_DEPLOY_PASSWORD where they are set: CI_DEPLOY_USER is the token's username (e.g. gitlab+deploy-token-N), CI_DEPLOY_PASSWORD its value`,
    [`CI_DEPLOY_USER comes from ${from}; its value is not shown`]
  );
}
function judgeUsername(input, picture, username, from) {
  const bad = swapped(username, picture, input, from);
  if (bad) return bad;
  const exposed = exposedFor(picture, username);
  if (exposed && exposed.token.username === username) {
    return {
      ok: true,
      rule: exposed.level === "project" ? "project-token" : "group-token",
      token: exposed,
      sources: {},
      details: [],
      warnings: [],
      considered: []
    };
  }
  const { active, dead } = tokensNamed(picture, username, input.now);
  const hit = active[0];
  if (hit) return namedActive(picture, hit);
  return namedDead(input, picture, dead[0], `${userWords(username, picture, input)} (from ${from})`);
}
function namedActive(picture, hit) {
  const s = summarize(hit.token, hit.level, hit.owner);
  const considered = [
    { token: s, verdict: "named-by-variables", note: "named by CI_DEPLOY_USER" }
  ];
  const warnings = [];
  let rule = hit.level === "group" ? "group-variables-fallback" : "variables-override";
  if (picture.exposed) {
    rule = "variables-override";
    warnings.push({
      code: "variables-shadow-token",
      message: `CI_DEPLOY_USER names ${describeToken(s)} instead of ${describeLocated(picture.exposed)}, which GitLab would expose; the CI/CD variables win and go stale when that token is rotated`
    });
  } else if (hit.where === "ancestor") {
    warnings.push({
      code: "group-token-outside-parent",
      message: `the credentials belong to ${describeToken(s)}, which is not on the direct parent group; it can log in, but GitLab would never expose it by itself`
    });
  }
  return { ok: true, rule, token: hit, sources: {}, details: [], warnings, considered };
}
function namedDead(input, picture, dead, stale) {
  const fixStale = `update or delete the CI_DEPLOY_USER / CI_DEPLOY_PASSWORD CI/CD variables in ${SETTINGS_VARIABLES}${picture.exposed ? ` so the job gets ${describeLocated(picture.exposed)}` : `, then ${noTokenFix(input.project)}`}`;
  if (!dead) {
    const unlisted = [
      input.projectTokens === void 0 ? "the project" : void 0,
      input.group && input.group.tokens === void 0 ? `group ${input.group.path}` : void 0
    ].filter(Boolean);
    const caveat = unlisted.length > 0 ? ` (the tokens of ${unlisted.join(" and ")} could not be listed)` : "";
    const line = `stale variables: ${stale} names no active deploy token of ${input.project?.path ?? "the project"} or its groups${caveat}`;
    return withCause(input, picture, failure(line, fixStale));
  }
  const act = tokenActivity(dead.token, input.now);
  const why = act.active ? "is not active" : act.reason === "revoked" ? "was revoked" : `expired at ${formatInstant(act.expiresAt)}`;
  const s = summarize(dead.token, dead.level, dead.owner);
  const d = failure(
    `stale variables: ${stale} names ${describeToken(s)}, which ${why}; GitLab refuses it`,
    fixStale
  );
  d.considered.push({
    token: s,
    verdict: "named-by-stale-variables",
    note: `named by CI_DEPLOY_USER; ${why}`
  });
  if (isSpecial(dead.token) && dead.where !== "ancestor" && !picture.exposed) {
    return {
      ...d,
      reason: `${describeToken(s)} ${why}: GitLab gives the job no working credentials`,
      details: [d.reason]
    };
  }
  return d;
}
function withCause(input, picture, d) {
  if (picture.exposed || d.ok) return d;
  const cause = noTokenCause(input, picture);
  return {
    ...d,
    reason: cause.reason,
    details: [...d.reason ? [d.reason] : [], ...d.details, ...cause.details]
  };
}
function noTokenCause(input, picture) {
  const g = picture.groupNotExposed;
  if (g) {
    const s = summarize(g.token, "group", g.owner);
    return {
      ...failure(
        `GitLab ${picture.version ?? "15.0"} (15.0 or earlier) does not expose group deploy tokens to CI jobs: ${describeToken(s)} gives the job nothing, and no CI_DEPLOY_USER / CI_DEPLOY_PASSWORD CI/CD variables name it`,
        `set CI_DEPLOY_USER and CI_DEPLOY_PASSWORD in group ${s.owner}'s ${SETTINGS_VARIABLES} to the token's username (${s.username}) and value (masked), or upgrade GitLab to 15.1 or later`
      ),
      rule: "group-variables-fallback"
    };
  }
  const path = input.project?.path ?? "the project";
  const dead = picture.considered.filter((c) => c.verdict === "revoked" || c.verdict === "expired");
  const parts = dead.map((c) => `${describeToken(c.token)} ${c.note}`);
  const ancestors = picture.considered.filter((c) => c.verdict === "outside-direct-parent");
  if (ancestors.length > 0) {
    parts.push(
      `${ancestors.map((c) => describeToken(c.token)).join(", ")} is not on the direct parent group, so GitLab never exposes it to ${path}`
    );
  }
  if (parts.length === 0) {
    const where = input.project?.namespaceKind === "group" ? `${path} and its parent group ${input.project.namespacePath}` : `${path} (a user namespace: no group fallback)`;
    parts.push(`no active deploy token named gitlab-deploy-token on ${where}`);
  }
  return failure(
    `the job gets no CI_DEPLOY_USER / CI_DEPLOY_PASSWORD: ${parts.join("; ")}`,
    noTokenFix(input.project)
  );
}

// src/resolve/view.ts
function originOf(eff, exposed) {
  if (eff.state === "set") return { kind: "variable", eff };
  if (eff.state === "unknown") return { kind: "unknown", eff, behind: originOf(eff.behind, exposed) };
  return exposed ? { kind: "token", token: exposed } : { kind: "none" };
}
function settled(o) {
  return o.kind === "unknown" ? settled(o.behind) : o;
}
function exposedRule(l) {
  return l.level === "project" ? "project-token" : "group-token";
}
function jobView(input, picture, protectedRef) {
  const env = input.environment;
  const eff = (k) => effectiveVariable(input.variables, k, env, protectedRef);
  const user = originOf(eff("CI_DEPLOY_USER"), picture.exposed);
  const password = originOf(eff("CI_DEPLOY_PASSWORD"), picture.exposed);
  const decision = judgePair(input, picture, settled(user), settled(password));
  const view = {
    ...decision,
    protectedRef,
    user,
    password,
    certain: user.kind !== "unknown" && password.kind !== "unknown"
  };
  view.warnings.push(...variableWarnings(input, picture, view));
  const withheld = protectedRef ? [] : withheldLines(input);
  if (!view.ok) view.details.push(...withheld);
  else for (const line of withheld) view.warnings.push({ code: "protected-variable", message: line });
  return view;
}
function judgePair(input, picture, u, p) {
  if (u.kind === "token" && p.kind === "token") {
    return {
      ok: true,
      rule: exposedRule(u.token),
      token: u.token,
      sources: {},
      details: [],
      warnings: [],
      considered: []
    };
  }
  if (u.kind === "variable" && p.kind === "variable") return variablePair(input, picture, u.eff, p.eff);
  if (u.kind === "variable" && p.kind === "token")
    return userOverTokenPassword(input, picture, u.eff, p.token);
  if (u.kind === "token" && p.kind === "variable") return mismatch(picture, p.eff, u.token);
  if (u.kind === "variable") return incomplete(input, picture, "CI_DEPLOY_USER", u.eff);
  if (p.kind === "variable") return incomplete(input, picture, "CI_DEPLOY_PASSWORD", p.eff);
  return noTokenCause(input, picture);
}
function variablePair(input, picture, u, p) {
  const from = variableWords("CI_DEPLOY_USER", u);
  if (u.variable.value === null) {
    return {
      ok: true,
      rule: "variables-override",
      sources: {},
      details: [],
      considered: [],
      warnings: [
        { code: "hidden-variable", message: `${from} is hidden: which token it names cannot be checked` }
      ]
    };
  }
  void p;
  return judgeUsername(input, picture, u.variable.value, from);
}
function userOverTokenPassword(input, picture, u, t) {
  if (u.variable.value !== null && u.variable.value === t.token.username) {
    return {
      ok: true,
      rule: exposedRule(t),
      token: t,
      sources: {},
      details: [],
      warnings: [],
      considered: []
    };
  }
  return mismatch(picture, u, t, input);
}
function mismatch(picture, v, t, input) {
  const key = v.variable.key;
  const other = key === "CI_DEPLOY_USER" ? "CI_DEPLOY_PASSWORD" : "CI_DEPLOY_USER";
  const details = [];
  let named = "another token";
  if (key === "CI_DEPLOY_USER" && input && v.variable.value !== null) {
    const j = judgeUsername(input, picture, v.variable.value, variableWords(key, v));
    if (j.reason === SWAPPED_MESSAGE) return j;
    if (j.token) named = describeLocated(j.token);
    else if (j.reason) details.push(j.reason);
  }
  if (key === "CI_DEPLOY_PASSWORD") named = "the token whose value the variable holds";
  return {
    ok: false,
    rule: "none",
    sources: {},
    reason: `mismatched pair: ${key} comes from the ${variableWords(key, v)}, but ${other} from ${describeLocated(t)}, which GitLab generates: a pair from two tokens (${named} and #${t.token.id}), and GitLab refuses the login (lib/gitlab/auth.rb finds the token by its password, then requires its username)`,
    details,
    fix: `delete ${key} in ${v.level} ${v.path}'s ${SETTINGS_VARIABLES} so the job gets ${describeLocated(t)}, or add ${other} beside it (same level, environment scope and protection) with the matching ${other === "CI_DEPLOY_USER" ? "username" : "token value"}`,
    warnings: [],
    considered: []
  };
}
function incomplete(input, picture, key, v) {
  const other = key === "CI_DEPLOY_USER" ? "CI_DEPLOY_PASSWORD" : "CI_DEPLOY_USER";
  const none = noTokenCause(input, picture);
  return {
    ...none,
    reason: none.reason ?? `${other} is not set`,
    details: [
      `the ${variableWords(key, v)} is set, but nothing gives the job ${other}: a pair is one token's username and value`,
      ...none.details
    ],
    fix: `add ${other} beside ${key} in ${v.level} ${v.path}'s ${SETTINGS_VARIABLES}, or delete ${key}; ${none.fix ?? ""}`.replace(
      /; $/,
      ""
    )
  };
}
function variableWarnings(input, picture, view) {
  const out = [];
  for (const o of [view.user, view.password]) {
    if (o.kind === "unknown") {
      out.push({
        code: "variables-unreadable",
        message: `the CI/CD variables of ${o.eff.path} could not be read (${o.eff.why}): a CI_DEPLOY_USER / CI_DEPLOY_PASSWORD there would override what is shown here`
      });
    }
    const s = settled(o);
    if (s.kind !== "variable") continue;
    const v = s.eff.variable;
    if (v.value === null && v.key === "CI_DEPLOY_PASSWORD") {
      out.push({
        code: "hidden-variable",
        message: `the ${variableWords(v.key, s.eff)} is hidden: the API never returns its value, yet it reaches the job. Inside a GitLab job it is in the job environment; elsewhere give the value through token.fallback.password_env`
      });
    }
    if (v.variable_type === "file") {
      out.push({
        code: "file-variable",
        message: `the ${variableWords(v.key, s.eff)} is a file variable: in the job ${v.key} holds the path of a file with the value (deploy-token reads the file there)`
      });
    }
  }
  if (picture.exposed && (settled(view.user).kind === "variable" || settled(view.password).kind === "variable")) {
    out.push({
      code: "variables-shadow-token",
      message: `CI/CD variables CI_DEPLOY_USER / CI_DEPLOY_PASSWORD override the variables GitLab generates from ${describeToken(summarize(picture.exposed.token, picture.exposed.level, picture.exposed.owner))} and go stale when the token is rotated. Delete them in ${SETTINGS_VARIABLES} unless you need them`
    });
  }
  if (!input.inGitLabJob) {
    const over = settled(view.password).kind === "variable" ? "variables" : "token";
    out.push({
      code: "invisible-variables",
      message: `${invisibleSources(over)} named CI_DEPLOY_USER / CI_DEPLOY_PASSWORD are not visible through the API and would override what is shown here`
    });
  }
  return out.filter((w, i) => out.findIndex((x) => x.message === w.message) === i);
}
function withheldLines(input) {
  const out = [];
  for (const key of ["CI_DEPLOY_USER", "CI_DEPLOY_PASSWORD"]) {
    const onProtected = effectiveVariable(input.variables, key, input.environment, true);
    const here = effectiveVariable(input.variables, key, input.environment, false);
    if (onProtected.state !== "set" || onProtected.variable.protected !== true) continue;
    if (here.state === "set" && here.variable === onProtected.variable) continue;
    const ref = input.ref?.state === "unprotected" ? `${input.ref.ref ?? "this ref"} is not protected` : "whether this ref is protected is not known (pass --ref NAME)";
    out.push(
      `the ${variableWords(key, onProtected)} is protected: GitLab gives it only to jobs on protected branches and tags, and ${ref}`
    );
  }
  return out;
}

// src/resolve/credentials.ts
var NOT_VISIBLE_FIX = "run inside a GitLab job (the runner injects CI_DEPLOY_PASSWORD), or pass the token value in the CI_DEPLOY_PASSWORD environment variable (from a secret), or name a variable in the spec with token.fallback.password_env";
function userOfExposed(picture, sources) {
  if (!picture.exposed) return void 0;
  const { token, level, owner } = picture.exposed;
  sources.CI_DEPLOY_USER = tokenSource(summarize(token, level, owner));
  return token.username;
}
function refuseWithoutUser(input, picture, sources, [reason, fix]) {
  return withCause(input, picture, { ...failure(reason, fix), sources });
}
function fromEnvironment(input, picture, view) {
  const env = input.jobEnv;
  const password = env.password;
  const sources = {
    CI_DEPLOY_PASSWORD: envSource(
      "CI_DEPLOY_PASSWORD",
      env.fromFile?.includes("CI_DEPLOY_PASSWORD") === true
    )
  };
  if (env.user)
    sources.CI_DEPLOY_USER = envSource("CI_DEPLOY_USER", env.fromFile?.includes("CI_DEPLOY_USER") === true);
  const username = env.user || userOfExposed(picture, sources);
  if (!username) {
    return refuseWithoutUser(input, picture, sources, [
      "CI_DEPLOY_PASSWORD is set but CI_DEPLOY_USER is not, and no gitlab-deploy-token names the user it belongs to",
      "set CI_DEPLOY_USER next to CI_DEPLOY_PASSWORD, to the deploy token's username"
    ]);
  }
  if (input.inGitLabJob && view) {
    const m = pairInJob(input, picture, view, password);
    if (m) return { ...m, sources };
  }
  const j = judgeUsername(input, picture, username, sources.CI_DEPLOY_USER.detail);
  return { ...j, sources, ...j.ok ? { credentials: { username, password } } : {} };
}
function pairInJob(input, picture, view, password) {
  const u = settled(view.user);
  const p = settled(view.password);
  const user = input.jobEnv.user;
  const userFromVar = u.kind === "variable" && user !== void 0 && (u.eff.variable.value === null || u.eff.variable.value === user);
  const passFromVar = p.kind === "variable" && (p.eff.variable.value === null || p.eff.variable.value === password);
  const exposed = exposedFor(picture, user);
  if (userFromVar && u.kind === "variable" && p.kind === "token" && exposed && user !== exposed.token.username) {
    return mismatch(picture, u.eff, exposed, input);
  }
  if (passFromVar && p.kind === "variable" && u.kind === "token" && (user === void 0 || user === u.token.token.username)) {
    return mismatch(picture, p.eff, u.token, input);
  }
  return void 0;
}
function fromApi(input, picture, view) {
  const forJob = { ok: view.ok, line: jobLine(view) };
  const u = settled(view.user);
  const p = settled(view.password);
  const visible = u.kind === "variable" && p.kind === "variable" && u.eff.variable.value !== null && p.eff.variable.value !== null;
  if (view.ok && visible && view.certain) {
    return {
      ...view,
      credentials: { username: u.eff.variable.value, password: p.eff.variable.value },
      sources: {
        CI_DEPLOY_USER: variableSource("CI_DEPLOY_USER", u.eff),
        CI_DEPLOY_PASSWORD: variableSource("CI_DEPLOY_PASSWORD", p.eff)
      }
    };
  }
  const fb = fromFallback(input, picture);
  if (fb) return { ...fb, forJob, warnings: [...view.warnings, ...fb.warnings] };
  if (view.ok && visible) {
    const unknown = [view.user, view.password].find((o) => o.kind === "unknown");
    const path = unknown?.kind === "unknown" ? `${unknown.eff.path} (${unknown.eff.why})` : "a nearer level";
    return {
      ...view,
      ok: false,
      forJob: { ok: false, line: "unknown: a level whose CI/CD variables could not be read lies in front" },
      reason: `the CI/CD variables of ${path} could not be read: they could override CI_DEPLOY_USER / CI_DEPLOY_PASSWORD of ${u.kind === "variable" ? `${u.eff.level} ${u.eff.path}` : "a farther level"}, so those are not exported`,
      fix: "use an API token that can read those variables (Maintainer on projects, Owner on groups), or run inside the job"
    };
  }
  if (view.ok) {
    const what = view.token ? describeLocated(view.token) : "the hidden CI/CD variables";
    return {
      ...view,
      ok: false,
      forJob: { ok: true, line: forJob.line },
      reason: `GitLab gives the job ${what} at run time; its password is not visible through the API by design (GitLab shows a deploy token once, when it is created, and never returns a hidden variable)`,
      fix: NOT_VISIBLE_FIX
    };
  }
  return { ...view, forJob };
}
function fromFallback(input, picture) {
  const fb = input.fallback;
  if (!fb?.password) return void 0;
  const sources = {
    CI_DEPLOY_PASSWORD: {
      kind: "spec-fallback",
      detail: `spec token.fallback (${fb.passwordEnv ?? "password_env"})`
    }
  };
  if (fb.user)
    sources.CI_DEPLOY_USER = {
      kind: "spec-fallback",
      detail: `spec token.fallback (${fb.usernameEnv ?? "username_env"})`
    };
  const username = fb.user || userOfExposed(picture, sources);
  if (!username) {
    return refuseWithoutUser(input, picture, sources, [
      "token.fallback gives CI_DEPLOY_PASSWORD but not CI_DEPLOY_USER, and no gitlab-deploy-token names the user it belongs to",
      "add token.fallback.username_env to the spec, naming a variable with the token username"
    ]);
  }
  const j = judgeUsername(input, picture, username, sources.CI_DEPLOY_USER.detail);
  return { ...j, sources, ...j.ok ? { credentials: { username, password: fb.password } } : {} };
}
function nothingInJob(input, picture, view) {
  if (!view.ok) return view;
  const fb = fromFallback(input, picture);
  if (fb) return { ...fb, warnings: [...view.warnings, ...fb.warnings] };
  return {
    ...view,
    ok: false,
    reason: `CI_DEPLOY_PASSWORD is not in this job's environment, although GitLab's rules give the job ${jobLine(view)}`,
    details: [
      "a .gitlab-ci.yml `variables:` entry or another source the API cannot show may have emptied it"
    ],
    fix: "check the job's variables: in .gitlab-ci.yml and the pipeline's variables for CI_DEPLOY_PASSWORD"
  };
}
function jobLine(view) {
  if (!view.ok) return view.reason ?? "no working credentials";
  const u = settled(view.user);
  const p = settled(view.password);
  if (u.kind === "token" && p.kind === "token") {
    return `the credentials of ${describeLocated(u.token)} (the password is not visible through the API by design; GitLab gives it to the job at run time)`;
  }
  const from = (o) => o.kind === "variable" ? `the ${variableWords(o.eff.variable.key, o.eff)}` : o.kind === "token" ? describeLocated(o.token) : "nothing";
  return `CI_DEPLOY_USER from ${from(u)} and CI_DEPLOY_PASSWORD from ${from(p)}${view.token ? `, the credentials of ${describeLocated(view.token)}` : ""}`;
}

// src/resolve/resolver.ts
function resolveCredentials(input) {
  if (!input.apiAvailable) return resolveUnverified(input);
  const picture = pictureTokens(input);
  const state = input.ref?.state ?? "unknown";
  if (state !== "unknown") return decide(input, picture, state === "protected");
  const onProtected = decide(input, picture, true);
  const onUnprotected = decide(input, picture, false);
  return same(onProtected, onUnprotected) ? onUnprotected : bothOutcomes(onProtected, onUnprotected);
}
function decide(input, picture, protectedRef) {
  const view = jobView(input, picture, protectedRef);
  let d;
  if (input.jobEnv.password !== void 0 && input.jobEnv.password !== "") {
    d = fromEnvironment(input, picture, view);
    if (input.inGitLabJob) d = { ...d, warnings: [...view.warnings, ...d.warnings] };
  } else if (input.inGitLabJob) d = nothingInJob(input, picture, view);
  else d = fromApi(input, picture, view);
  return toResolution(input, picture, checkToken(input, d, picture.version));
}
function toResolution(input, picture, d) {
  const warnings = dedupe([...picture.warnings, ...d.warnings]);
  if (input.project?.namespaceKind === "user" && !picture.exposed) {
    warnings.push({
      code: "user-namespace",
      message: `${input.project.path} is in a user namespace: there is no group to fall back to`
    });
  }
  const r = {
    ok: d.ok && d.credentials !== void 0,
    exitCode: d.ok && d.credentials !== void 0 ? 0 : 1,
    rule: d.rule,
    ruleText: ruleTextFor(d.rule, picture.version),
    sources: d.sources,
    warnings: dedupe(warnings),
    considered: [...picture.considered, ...d.considered]
  };
  if (d.token) r.token = summarize(d.token.token, d.token.level, d.token.owner);
  if (r.ok && d.credentials) r.credentials = d.credentials;
  if (!r.ok) {
    r.reason = d.reason ?? "no credentials";
    if (d.details.length > 0) r.details = d.details;
    r.fix = d.fix ?? "";
  }
  if (picture.version) r.version = picture.version;
  if (d.missingScopes) r.missingScopes = d.missingScopes;
  if (d.forJob && !input.inGitLabJob) r.forJob = d.forJob;
  if (input.ref) r.ref = input.ref;
  return r;
}
function dedupe(ws) {
  const precise = ws.some(
    (w) => w.code === "variables-shadow-token" && w.message.startsWith("CI_DEPLOY_USER names")
  );
  return ws.filter(
    (w, i) => ws.findIndex((x) => x.code === w.code && x.message === w.message) === i && !(precise && w.code === "variables-shadow-token" && !w.message.startsWith("CI_DEPLOY_USER names"))
  );
}
function same(a, b) {
  const key = (r) => JSON.stringify([
    r.ok,
    r.rule,
    r.token?.id,
    r.credentials,
    r.reason,
    r.forJob?.ok,
    r.sources,
    r.missingScopes
  ]);
  return key(a) === key(b);
}
function summaryOf(r) {
  const jobOk = r.ok || r.forJob?.ok === true;
  const line = r.ok ? `the credentials of ${r.token ? `${r.token.level} token #${r.token.id}` : "the variables"} (from ${r.sources.CI_DEPLOY_PASSWORD?.detail ?? "the environment"})` : r.forJob?.ok ? r.forJob.line : r.reason ?? "no credentials";
  return { ok: r.ok, jobOk, line };
}
function bothOutcomes(p, u) {
  const protectedSummary = summaryOf(p);
  const unprotectedSummary = summaryOf(u);
  const { credentials: _p, ...base } = u;
  return {
    ...base,
    ok: false,
    exitCode: 1,
    reason: "what the job gets depends on whether its ref is protected: protected CI/CD variables reach jobs on protected branches and tags only",
    details: [
      `on a protected ref: ${protectedSummary.line}`,
      `on an unprotected ref: ${unprotectedSummary.line}`
    ],
    fix: "pass --ref NAME (default $CI_COMMIT_REF_NAME) to check one branch or tag, or run inside the job (CI_COMMIT_REF_PROTECTED)",
    warnings: dedupe([...p.warnings, ...u.warnings]),
    forJob: {
      ok: protectedSummary.jobOk && unprotectedSummary.jobOk,
      line: "it depends on whether the ref is protected (see both outcomes)"
    },
    outcomes: { protected: protectedSummary, unprotected: unprotectedSummary }
  };
}
function resolveUnverified(input) {
  const fb = input.fallback;
  const env = input.jobEnv;
  const sources = {};
  let username;
  let password;
  if (env.password) {
    password = env.password;
    sources.CI_DEPLOY_PASSWORD = envSource(
      "CI_DEPLOY_PASSWORD",
      env.fromFile?.includes("CI_DEPLOY_PASSWORD") === true
    );
    if (env.user) {
      username = env.user;
      sources.CI_DEPLOY_USER = envSource("CI_DEPLOY_USER", env.fromFile?.includes("CI_DEPLOY_USER") === true);
    }
  } else if (fb?.password) {
    password = fb.password;
    sources.CI_DEPLOY_PASSWORD = {
      kind: "spec-fallback",
      detail: `spec token.fallback (${fb.passwordEnv ?? ""})`
    };
    if (fb.user) {
      username = fb.user;
      sources.CI_DEPLOY_USER = {
        kind: "spec-fallback",
        detail: `spec token.fallback (${fb.usernameEnv ?? ""})`
      };
    }
  }
  const base = {
    rule: "none",
    ruleText: ruleTextFor("none", void 0),
    sources,
    warnings: [],
    considered: []
  };
  const known = { passwords: [env.password, fb?.password].filter((x) => !!x) };
  if (username && looksLikeToken(username, known)) {
    const s = swapped(
      username,
      emptyPicture(),
      input,
      sources.CI_DEPLOY_USER?.detail ?? "the environment"
    );
    return { ...base, ok: false, exitCode: 1, reason: SWAPPED_MESSAGE, details: s.details, fix: s.fix ?? "" };
  }
  if (password === void 0 || !username) {
    const f = failure(
      password === void 0 ? "no API token to look up deploy tokens, and the job environment has no CI_DEPLOY_USER / CI_DEPLOY_PASSWORD" : "CI_DEPLOY_PASSWORD is set but CI_DEPLOY_USER is not, and without an API token the username cannot be looked up",
      "set GITLAB_TOKEN (or the variable named by --api-token-env) to a token with read_api and the Maintainer role, or run inside a GitLab job whose project or group has a gitlab-deploy-token (CI_JOB_TOKEN cannot list deploy tokens)"
    );
    return { ...base, ok: false, exitCode: 1, reason: f.reason, fix: f.fix };
  }
  return {
    ...base,
    ok: true,
    exitCode: 0,
    rule: "unverified-environment",
    ruleText: ruleTextFor("unverified-environment", void 0),
    credentials: { username, password },
    warnings: [
      {
        code: "unverified",
        message: "no API token: the credentials come from the environment and could not be verified against GitLab (expiry, revocation, scopes). Set GITLAB_TOKEN with read_api to verify them"
      }
    ]
  };
}
function emptyPicture() {
  return { candidates: [], considered: [], warnings: [], all: [] };
}
function planExitCode(r) {
  return r.ok || r.forJob?.ok === true ? 0 : r.exitCode;
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
    const { ephemeralFlow } = await import("./ephemeral-WP4HXLJZ.js");
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
  planExitCode,
  runFlow
};
