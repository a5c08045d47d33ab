import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  exposesGroupDeployToken,
  formatVersion,
  groupTokenBehindFlag
} from "./chunk-HYBTJBPM.js";
import {
  daysLeft,
  formatInstant,
  isSpecial,
  tokenActivity
} from "./chunk-C7CNVSM4.js";

// src/resolve/resolver.ts
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
function pickSpecial(tokens, level, owner, now) {
  const considered = [];
  const warnings = [];
  const special = tokens.filter(isSpecial).sort((a, b) => a.id - b.id);
  const active = [];
  for (const t of special) {
    const act = tokenActivity(t, now);
    const s = summarize(t, level, owner);
    if (act.active) {
      active.push(t);
      continue;
    }
    let note = act.reason === "revoked" ? "revoked" : `expired at ${formatInstant(act.expiresAt)} (expiry occurs at midnight UTC on that date)`;
    if (act.reason === "expired" && t.expired === false) {
      note += "; the API still says `expired: false` (it uses the server-local date), but GitLab no longer accepts it";
    }
    considered.push({ token: s, verdict: act.reason, note });
  }
  const [first, ...rest] = active;
  if (first) {
    considered.unshift({ token: summarize(first, level, owner), verdict: "picked", note: "active" });
    for (const t of rest) {
      considered.push({
        token: summarize(t, level, owner),
        verdict: "ambiguous-not-picked",
        note: `also active; lowest id #${first.id} chosen`
      });
    }
    if (rest.length > 0) {
      warnings.push({
        code: "ambiguous-tokens",
        message: `${owner} has ${active.length} active tokens named gitlab-deploy-token (ids ${active.map((t) => t.id).join(", ")}); GitLab's pick among them is unspecified (LIMIT 1 without ORDER BY), deploy-token uses the lowest id #${first.id}. Revoke the others in ${SETTINGS_TOKENS}.`
      });
    }
  }
  return { picked: first, considered, warnings };
}
function varValue(v) {
  return v.state === "set" && v.value !== null ? v.value : void 0;
}
function isSet(v) {
  return v.state === "set";
}
function varSource(level, key, v) {
  const scope = v.state === "set" ? ` (environment scope ${v.environmentScope})` : "";
  return {
    kind: level === "project" ? "project-variable" : "group-variable",
    detail: `${level} CI/CD variable ${key}${scope}`
  };
}
function findCandidate(input, exposed) {
  const tokenUser = exposed ? {
    username: exposed.username,
    userSource: { kind: "token", detail: `deploy token #${exposed.id}` }
  } : {};
  if (input.jobEnv.password !== void 0 && input.jobEnv.password !== "") {
    const c = {
      password: input.jobEnv.password,
      passwordSource: { kind: "job-environment", detail: "job environment (CI_DEPLOY_PASSWORD)" },
      ...tokenUser
    };
    if (input.jobEnv.user) {
      c.username = input.jobEnv.user;
      c.userSource = { kind: "job-environment", detail: "job environment (CI_DEPLOY_USER)" };
    }
    return c;
  }
  const { project, group } = input.variables;
  const pass = varValue(project.password) !== void 0 ? "project" : varValue(group.password) ? "group" : void 0;
  if (pass) {
    const c = {
      password: varValue(input.variables[pass].password),
      passwordSource: varSource(pass, "CI_DEPLOY_PASSWORD", input.variables[pass].password),
      ...tokenUser
    };
    const userLevel = isSet(project.user) ? "project" : isSet(group.user) ? "group" : void 0;
    if (userLevel) {
      const u = varValue(input.variables[userLevel].user);
      if (u !== void 0) {
        c.username = u;
        c.userSource = varSource(userLevel, "CI_DEPLOY_USER", input.variables[userLevel].user);
      }
    }
    return c;
  }
  const fb = input.fallback;
  if (fb?.password) {
    const c = {
      password: fb.password,
      passwordSource: {
        kind: "spec-fallback",
        detail: `spec token.fallback (${fb.passwordEnv ?? "password_env"})`
      },
      ...tokenUser
    };
    if (fb.user) {
      c.username = fb.user;
      c.userSource = {
        kind: "spec-fallback",
        detail: `spec token.fallback (${fb.usernameEnv ?? "username_env"})`
      };
    }
    return c;
  }
  return tokenUser;
}
function allTokens(input) {
  const out = [];
  const project = input.project;
  for (const t of input.projectTokens ?? []) {
    out.push({ token: t, level: "project", owner: project?.path ?? "the project", where: "project" });
  }
  for (const t of input.group?.tokens ?? []) {
    out.push({ token: t, level: "group", owner: input.group?.path ?? "the group", where: "parent" });
  }
  for (const g of input.ancestors) {
    for (const t of g.tokens ?? []) out.push({ token: t, level: "group", owner: g.path, where: "ancestor" });
  }
  return out;
}
function fail(base, reason, fix, rule = "none", ruleText = "no credentials") {
  const { credentials: _dropped, ...rest } = base;
  return { ...rest, ok: false, exitCode: 1, rule, ruleText, reason, fix };
}
function resolveCredentials(input) {
  const warnings = [];
  const considered = [];
  const version = input.version ? formatVersion(input.version) : void 0;
  const base = () => ({
    sources: {},
    warnings,
    considered,
    ...version ? { version } : {}
  });
  if (!input.apiAvailable) return resolveUnverified(input, base());
  const now = input.now;
  const projectPath = input.project?.path ?? "the project";
  const proj = pickSpecial(input.projectTokens ?? [], "project", projectPath, now);
  considered.push(...proj.considered);
  warnings.push(...proj.warnings);
  const groupExposed = input.version ? exposesGroupDeployToken(input.version) : true;
  if (!input.version) {
    warnings.push({
      code: "version-unknown",
      message: `the GitLab version could not be read (${input.versionWhy ?? "no answer"}); assuming 15.1 or later, where group tokens are exposed`
    });
  }
  let grp = { considered: [], warnings: [] };
  if (input.group?.tokens) {
    grp = pickSpecial(input.group.tokens, "group", input.group.path, now);
    warnings.push(...grp.warnings);
    for (const c of grp.considered) {
      if (c.verdict === "picked" && proj.picked) {
        considered.push({ ...c, verdict: "shadowed-by-project-token", note: "the project's own token wins" });
      } else if (c.verdict === "picked" && !groupExposed) {
        considered.push({
          ...c,
          verdict: "not-exposed-before-15.1",
          note: `GitLab ${version} exposes only project tokens; group tokens reach CI jobs from 15.1`
        });
      } else considered.push(c);
    }
  } else if (input.group && input.group.why) {
    warnings.push({
      code: "variables-unreadable",
      message: `the deploy tokens of group ${input.group.path} could not be listed (${input.group.why})`
    });
  }
  for (const g of input.ancestors) {
    for (const t of (g.tokens ?? []).filter(isSpecial)) {
      if (!tokenActivity(t, now).active) continue;
      const s = summarize(t, "group", g.path);
      considered.push({
        token: s,
        verdict: "outside-direct-parent",
        note: `on ${g.path}, not the direct parent group: GitLab exposes only the direct parent's token ("available only to immediate child projects of the group")`
      });
      warnings.push({
        code: "ancestor-token-ignored",
        message: `group ${g.path} has an active gitlab-deploy-token (#${t.id}), but it is not ${projectPath}'s direct parent group; GitLab never exposes it to this project's jobs`
      });
    }
  }
  const exposed = proj.picked ?? (groupExposed ? grp.picked : void 0);
  const exposedLevel = proj.picked ? "project" : "group";
  const exposedOwner = proj.picked ? projectPath : input.group?.path ?? "the group";
  const exposedSummary = exposed ? summarize(exposed, exposedLevel, exposedOwner) : void 0;
  if (!proj.picked && input.project?.namespaceKind === "user") {
    warnings.push({
      code: "user-namespace",
      message: `${projectPath} is in a user namespace: there is no group to fall back to`
    });
  }
  for (const level of ["project", "group"]) {
    const pw = input.variables[level].password;
    if (pw.state === "set" && pw.value === null) {
      warnings.push({
        code: "hidden-variable",
        message: `the ${level} CI/CD variable CI_DEPLOY_PASSWORD is hidden: the API never returns its value. Inside a GitLab job it reaches the job environment; elsewhere give the value through token.fallback.password_env`
      });
    }
  }
  const varsSet = ["project", "group"].filter(
    (l) => isSet(input.variables[l].user) || isSet(input.variables[l].password)
  );
  if (exposedSummary && varsSet.length > 0) {
    warnings.push({
      code: "variables-shadow-token",
      message: `CI/CD variables CI_DEPLOY_USER / CI_DEPLOY_PASSWORD are set on the ${varsSet.join(" and ")}: they override the variables GitLab generates from ${describeToken(exposedSummary)} and go stale when the token is rotated. Delete them in ${SETTINGS_VARIABLES} unless you need them`
    });
  }
  const cand = findCandidate(input, exposed);
  const sources = {};
  if (cand.userSource) sources.CI_DEPLOY_USER = cand.userSource;
  if (cand.passwordSource) sources.CI_DEPLOY_PASSWORD = cand.passwordSource;
  if (cand.password === void 0) {
    const b = { ...base(), sources, ...exposedSummary ? { token: exposedSummary } : {} };
    if (exposedSummary) {
      return fail(
        b,
        `GitLab would expose ${describeToken(exposedSummary)} as CI_DEPLOY_USER / CI_DEPLOY_PASSWORD, but its value is not available here: GitLab shows a deploy token only once, when it is created, and the API never returns it`,
        "run inside a GitLab job (the runner injects CI_DEPLOY_PASSWORD), or pass the token value in the CI_DEPLOY_PASSWORD environment variable (from a secret), or name a variable in the spec with token.fallback.password_env",
        exposedLevel === "project" ? "project-token" : "group-token",
        ruleTextFor(exposedLevel === "project" ? "project-token" : "group-token", version)
      );
    }
    if (grp.picked && !groupExposed) {
      const s = summarize(grp.picked, "group", input.group?.path ?? "the group");
      return fail(
        b,
        `GitLab ${version} (15.0 or earlier) does not expose group deploy tokens to CI jobs: ${describeToken(s)} gives the job nothing, and the group has no CI_DEPLOY_USER / CI_DEPLOY_PASSWORD CI/CD variables`,
        `set CI_DEPLOY_USER and CI_DEPLOY_PASSWORD in group ${s.owner}'s ${SETTINGS_VARIABLES} to the token's username (${s.username}) and value (masked), or upgrade GitLab to 15.1 or later`,
        "group-variables-fallback",
        ruleTextFor("group-variables-fallback", version)
      );
    }
    return fail(b, noTokenReason(input, considered), noTokenFix(input));
  }
  const username = cand.username;
  if (username === void 0 || username === "") {
    return fail(
      { ...base(), sources },
      "CI_DEPLOY_PASSWORD is set but CI_DEPLOY_USER is not, and no gitlab-deploy-token names the user it belongs to",
      "set CI_DEPLOY_USER next to CI_DEPLOY_PASSWORD, to the deploy token's username"
    );
  }
  let token;
  let rule;
  if (exposed && exposed.username === username) {
    token = exposedSummary;
    rule = exposedLevel === "project" ? "project-token" : "group-token";
  } else {
    const matches = allTokens(input).filter((l) => l.token.username === username);
    const active = matches.filter((l) => tokenActivity(l.token, now).active);
    const hit = active[0];
    if (!hit) {
      const dead = matches[0];
      const stale = `CI_DEPLOY_USER "${username}" (from ${cand.userSource?.detail ?? "unknown"})`;
      const fixStale = `update or delete the CI_DEPLOY_USER / CI_DEPLOY_PASSWORD CI/CD variables in ${SETTINGS_VARIABLES}${exposedSummary ? ` so the job gets ${describeToken(exposedSummary)}` : `, then ${noTokenFix(input)}`}`;
      if (dead) {
        const act = tokenActivity(dead.token, now);
        const s = summarize(dead.token, dead.level, dead.owner);
        const why = act.active ? "is not active" : act.reason === "revoked" ? "was revoked" : `expired at ${formatInstant(act.expiresAt)}`;
        considered.push({
          token: s,
          verdict: "named-by-stale-variables",
          note: `named by CI_DEPLOY_USER; ${why}`
        });
        return fail(
          { ...base(), sources, token: s },
          `stale variables: ${stale} names ${describeToken(s)}, which ${why}; GitLab refuses it`,
          fixStale
        );
      }
      const unknownLevels = [
        input.projectTokens === void 0 ? "project" : void 0,
        input.group && input.group.tokens === void 0 ? `group ${input.group.path}` : void 0
      ].filter(Boolean);
      const caveat = unknownLevels.length > 0 ? ` (the tokens of ${unknownLevels.join(" and ")} could not be listed)` : "";
      return fail(
        { ...base(), sources },
        `stale variables: ${stale} names no active deploy token of ${projectPath} or its groups${caveat}`,
        fixStale
      );
    }
    token = summarize(hit.token, hit.level, hit.owner);
    considered.push({ token, verdict: "named-by-variables", note: "named by CI_DEPLOY_USER" });
    if (exposedSummary) {
      rule = "variables-override";
      const message = `CI_DEPLOY_USER names ${describeToken(token)} instead of ${describeToken(exposedSummary)}, which GitLab would expose; the CI/CD variables win and go stale when that token is rotated`;
      const existing = warnings.find((w) => w.code === "variables-shadow-token");
      if (existing) existing.message = message;
      else warnings.push({ code: "variables-shadow-token", message });
    } else if (hit.level === "group") {
      rule = "group-variables-fallback";
      if (hit.where === "ancestor") {
        warnings.push({
          code: "group-token-outside-parent",
          message: `the credentials belong to ${describeToken(token)}, which is not on the direct parent group; it can log in, but GitLab would never expose it by itself`
        });
      }
    } else {
      rule = "variables-override";
    }
  }
  const result = {
    ...base(),
    ok: true,
    exitCode: 0,
    rule,
    ruleText: ruleTextFor(rule, version),
    credentials: { username, password: cand.password },
    sources,
    ...token ? { token } : {}
  };
  if (token && input.version && token.level === "group" && rule === "group-token" && groupTokenBehindFlag(input.version)) {
    warnings.push({
      code: "feature-flag",
      message: `GitLab ${version} exposes group tokens behind the feature flag ci_variable_for_group_gitlab_deploy_token (on by default, removed in 15.4); if an administrator turned it off, jobs get nothing`
    });
  }
  if (token) addTokenWarnings(input, token, warnings);
  if (token && input.job) {
    const missing = input.job.scopes.filter((s) => !token.scopes.includes(s));
    if (missing.length > 0) {
      return fail(
        { ...result, missingScopes: missing },
        `job ${input.job.name} needs ${missing.join(", ")}, but ${describeToken(token)} has only ${token.scopes.join(", ") || "no scopes"}`,
        `create a new deploy token with the scopes ${[.../* @__PURE__ */ new Set([...token.scopes, ...missing])].join(", ")} (scopes cannot be changed after creation) and revoke this one`,
        result.rule,
        result.ruleText
      );
    }
  }
  return result;
}
function addTokenWarnings(input, token, warnings) {
  const left = daysLeft({ expires_at: token.expiresAt }, input.now);
  if (left !== null && left < input.minDaysLeft) {
    const days = Math.max(0, Math.floor(left));
    warnings.push({
      code: "expiring-soon",
      message: `${describeToken(token)} expires in ${days} day${days === 1 ? "" : "s"}, at ${formatInstant(new Date(token.expiresAt))} (less than ${input.minDaysLeft}); rotate it`
    });
  }
  if (token.level === "group" && input.job?.lfs) {
    warnings.push({
      code: "group-token-lfs",
      message: `job ${input.job.name} uses Git LFS with a group deploy token: GitLab answered 404 for LFS objects with group tokens (issue 235398); the workaround is a project deploy token`
    });
  }
}
function resolveUnverified(input, base) {
  const fb = input.fallback;
  let username;
  let password;
  const sources = {};
  if (input.jobEnv.password) {
    password = input.jobEnv.password;
    sources.CI_DEPLOY_PASSWORD = { kind: "job-environment", detail: "job environment (CI_DEPLOY_PASSWORD)" };
    if (input.jobEnv.user) {
      username = input.jobEnv.user;
      sources.CI_DEPLOY_USER = { kind: "job-environment", detail: "job environment (CI_DEPLOY_USER)" };
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
  if (password === void 0 || !username) {
    return fail(
      { ...base, sources },
      password === void 0 ? "no API token to look up deploy tokens, and the job environment has no CI_DEPLOY_USER / CI_DEPLOY_PASSWORD" : "CI_DEPLOY_PASSWORD is set but CI_DEPLOY_USER is not, and without an API token the username cannot be looked up",
      "set GITLAB_TOKEN (or the variable named by --api-token-env) to a token with read_api and the Maintainer role, or run inside a GitLab job whose project or group has a gitlab-deploy-token (CI_JOB_TOKEN cannot list deploy tokens)"
    );
  }
  base.warnings.push({
    code: "unverified",
    message: "no API token: the credentials come from the environment and could not be verified against GitLab (expiry, revocation, scopes). Set GITLAB_TOKEN with read_api to verify them"
  });
  return {
    ...base,
    ok: true,
    exitCode: 0,
    rule: "unverified-environment",
    ruleText: ruleTextFor("unverified-environment", void 0),
    credentials: { username, password },
    sources
  };
}
function noTokenReason(input, considered) {
  const path = input.project?.path ?? "the project";
  const dead = considered.filter((c) => c.verdict === "revoked" || c.verdict === "expired");
  const parts = [];
  if (dead.length > 0) {
    parts.push(dead.map((c) => `${describeToken(c.token)} ${c.note}`).join("; "));
  }
  const ancestors = considered.filter((c) => c.verdict === "outside-direct-parent");
  if (ancestors.length > 0) {
    parts.push(
      `${ancestors.map((c) => describeToken(c.token)).join(", ")} is not on the direct parent group, so GitLab never exposes it to ${path}`
    );
  }
  if (parts.length === 0) {
    const where = input.project?.namespaceKind === "group" ? `${path} and its parent group ${input.project.namespacePath}` : `${path} (a user namespace: no group fallback)`;
    parts.push(`no active deploy token named gitlab-deploy-token on ${where}`);
  }
  return `the job gets no CI_DEPLOY_USER / CI_DEPLOY_PASSWORD: ${parts.join("; ")}`;
}
function noTokenFix(input) {
  const parent = input.project?.namespaceKind === "group" ? ` or its direct parent group ${input.project.namespacePath}` : "";
  return `create a deploy token named exactly gitlab-deploy-token on ${input.project?.path ?? "the project"}${parent} (${SETTINGS_TOKENS}), with the scopes the job needs`;
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

// src/resolve/types.ts
var UNKNOWN_PAIR = (why) => ({
  user: { state: "unknown", why },
  password: { state: "unknown", why }
});

export {
  describeToken,
  resolveCredentials,
  ruleTextFor,
  UNKNOWN_PAIR
};
