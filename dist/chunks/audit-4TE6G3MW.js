import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  listGroupTree,
  mapLimit
} from "./chunk-RPLZXZ53.js";
import {
  clientFor
} from "./chunk-NVNNJYUQ.js";
import {
  CLEAR_LINE
} from "./chunk-DWTRIDGW.js";
import {
  checkProjectRef
} from "./chunk-VHOR7ZN3.js";
import "./chunk-XQ6QCYVK.js";
import {
  mdCode,
  mdText,
  oneLine
} from "./chunk-T4ECGMLM.js";
import {
  DEPLOY_TOKEN_SCOPES,
  exposesGroupDeployToken,
  parseGitLabVersion
} from "./chunk-MD44M7EN.js";
import {
  durationMs,
  ephemeralCreatedAt,
  isEphemeralName
} from "./chunk-VPCP35NA.js";
import {
  flagConnection,
  formatInstant,
  getGroup,
  getVersion,
  isSpecial,
  listDeployTokens,
  listVariables,
  requireToken,
  tokenActivity
} from "./chunk-CID4WHD4.js";
import "./chunk-IAFBB2HQ.js";
import "./chunk-MYCCQ4L5.js";
import "./chunk-RC75VXCO.js";
import {
  ExitCode,
  GitLabApiError,
  UsageError
} from "./chunk-NWKT2VDV.js";
import "./chunk-SFJXSL7D.js";

// src/audit/message.ts
function m(strings, ...pieces) {
  const out = [];
  const own = (s) => {
    if (s === "") return;
    const last = out[out.length - 1];
    if (typeof last === "string") out[out.length - 1] = last + s;
    else out.push(s);
  };
  strings.forEach((s, i) => {
    own(s);
    if (i >= pieces.length) return;
    const p = pieces[i];
    if (typeof p === "number") own(String(p));
    else if (typeof p === "string") out.push({ literal: p });
    else
      for (const x of p)
        if (typeof x === "string") own(x);
        else out.push(x);
  });
  return out;
}
var words = (s) => [s];
var q = (literal) => [{ literal, as: "quoted" }];
var code = (literal) => [{ literal, as: "code" }];
var ref = (id) => [{ literal: `#${id}` }];
function list(items, sep = ", ") {
  return items.flatMap((x, i) => i === 0 ? x : [sep, ...x]);
}
function literalText(l) {
  if (l.as === "quoted") return `"${l.literal}"`;
  if (l.as === "code") return `\`${l.literal}\``;
  return l.literal;
}
function textOf(parts) {
  return parts.map((p) => typeof p === "string" ? p : literalText(p)).join("");
}

// src/audit/checks/ancestor-not-readable.ts
var ancestorNotReadable = {
  code: "ancestor-not-readable",
  severity: "info",
  run: (c) => c.unreadableAbove.map((a) => ({
    where: a.fullPath,
    parts: m`could not read the deploy tokens of ${a.fullPath}, a group above ${c.tree.root}: its tokens can log in below it, so a CI_DEPLOY_USER variable naming one of them may be reported as stale. Run the audit with a token that is Maintainer of ${a.fullPath}, or audit ${a.fullPath} itself.`
  }))
};

// src/audit/words.ts
var MINUTE_MS = 6e4;
var HOUR_MS = 60 * MINUTE_MS;
var DAY_MS = 24 * HOUR_MS;
var plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
function formatDuration(ms) {
  const min = Math.max(0, Math.floor(ms / MINUTE_MS));
  const d = Math.floor(min / (24 * 60));
  const h = Math.floor(min % (24 * 60) / 60);
  if (d > 0) return h > 0 ? `${plural(d, "day")} ${plural(h, "hour")}` : plural(d, "day");
  if (h > 0) return plural(h, "hour");
  return plural(min % 60, "minute");
}
function compareCodeUnits(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function shellWord(s) {
  return /^[A-Za-z0-9_.,/:=@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

// src/audit/advice.ts
var TOKENS_PAGE = words("Settings > Repository > Deploy tokens");
var VARIABLES_PAGE = words("Settings > CI/CD > Variables");
var SHOWN = 20;
var describeToken = (t) => m`deploy token ${ref(t.id)} ${q(t.name)} (${t.username})`;
var scopeOf = (v) => m`environment scope ${q(v.environmentScope)}`;
var pathList = (paths) => [
  ...list(paths.slice(0, SHOWN).map((p) => [{ literal: p }])),
  ...paths.length > SHOWN ? m`, and ${paths.length - SHOWN} more` : []
];
function storeInGroupVariables(c, group, t) {
  const isKnown = (s) => DEPLOY_TOKEN_SCOPES.includes(s);
  const known = t.scopes.filter(isKnown);
  const unknown = t.scopes.filter((s) => !isKnown(s));
  const at = tokenActivity(t, c.now).expiresAt;
  const expiresAt = at === null ? "" : ` --expires-at ${at.getTime() % DAY_MS === 0 ? at.toISOString().slice(0, 10) : at.toISOString()}`;
  const command = (scopes) => code(
    `deploy-token provision --level group --group ${shellWord(group)} --scopes ${scopes}${expiresAt} --store group-variables --rotate`
  );
  const quotedList = (xs) => list(xs.map((x) => q(x)));
  if (known.length === 0) {
    return m`${command("SCOPES")} with SCOPES the comma list of scopes its jobs need (${t.scopes.length === 0 ? m`the token has none` : m`the token's ${quotedList(unknown)} ${unknown.length === 1 ? m`is not a scope` : m`are no scopes`} provision knows`}; it takes ${words(DEPLOY_TOKEN_SCOPES.join(", "))})`;
  }
  return m`${command(shellWord(known.join(",")))}${unknown.length > 0 ? m` (the token's ${quotedList(unknown)} left out: provision knows no such scope)` : []}`;
}

// src/audit/context.ts
function auditContext(tree, settings) {
  const version = tree.version === void 0 ? void 0 : parseGitLabVersion(tree.version);
  return {
    tree,
    settings,
    now: settings.now,
    groupById: new Map(tree.groups.map((g) => [g.id, g])),
    rootGroup: tree.groups[0],
    holders: [...tree.groups, ...tree.projects],
    groupTokensExposed: version === void 0 || exposesGroupDeployToken(version),
    versionText: tree.version ?? "",
    aboveRoot: tree.ancestors.flatMap((a) => a.tokens ?? []),
    unreadableAbove: tree.ancestors.filter((a) => a.tokens === void 0),
    ancestorLevels: tree.ancestors.map((a) => ({
      fullPath: a.fullPath,
      variables: a.variables,
      above: true
    })),
    levelsCache: /* @__PURE__ */ new Map()
  };
}
var isActive = (c, t) => tokenActivity(t, c.now).active;
function groupChain(c, id) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  for (let g = id === null ? void 0 : c.groupById.get(id); g && !seen.has(g.id); ) {
    seen.add(g.id);
    out.push(g);
    g = g.parentId === null ? void 0 : c.groupById.get(g.parentId);
  }
  return out;
}
function specialOf(c, tokens) {
  return tokens.filter((t) => isSpecial(t) && isActive(c, t)).sort((a, b) => a.id - b.id)[0];
}
function exposed(c, p) {
  const own = specialOf(c, p.tokens);
  if (own) return { token: own, from: p.fullPath };
  if (!c.groupTokensExposed) return void 0;
  const parent = c.groupById.get(p.namespaceId);
  const inherited = parent ? specialOf(c, parent.tokens) : void 0;
  return inherited && parent ? { token: inherited, from: parent.fullPath } : void 0;
}
var levelOf = (h) => ({
  fullPath: h.fullPath,
  variables: h.variables,
  above: false
});
function levelsOf(c, p) {
  const cached = c.levelsCache.get(p);
  if (cached) return cached;
  const chain = groupChain(c, p.namespaceId);
  const reachesRoot = c.rootGroup !== void 0 && chain[chain.length - 1]?.id === c.rootGroup.id;
  const levels = [levelOf(p), ...chain.map(levelOf), ...reachesRoot ? c.ancestorLevels : []];
  c.levelsCache.set(p, levels);
  return levels;
}
function loginTokens(c, h) {
  const chain = groupChain(c, h.kind === "group" ? h.id : h.namespaceId);
  return [...h.kind === "project" ? h.tokens : [], ...chain.flatMap((g) => g.tokens), ...c.aboveRoot];
}

// src/audit/types.ts
var USER_KEY = "CI_DEPLOY_USER";
var PASSWORD_KEY = "CI_DEPLOY_PASSWORD";

// src/audit/supply.ts
function resolveKey(levels, key) {
  const blind = [];
  for (const l of levels) {
    if (l.variables === void 0) {
      blind.push(l);
      continue;
    }
    const vars = l.variables.filter((v) => v.key === key);
    if (vars.length > 0) return { at: l, vars, blind };
  }
  return { vars: [], blind };
}
function supply(c, p) {
  const levels = levelsOf(c, p);
  const user = resolveKey(levels, USER_KEY);
  if (user.blind.length > 0) return "unknown";
  if (!user.at) return "none";
  if (user.vars.some((v) => v.hidden || v.value === null)) return "unknown";
  const pass = resolveKey(levels, PASSWORD_KEY);
  if (!pass.at) return pass.blind.length > 0 ? "unknown" : "broken";
  const logins = loginTokens(c, p);
  if (user.vars.some((v) => logins.some((t) => isActive(c, t) && t.username === v.value))) return "works";
  const unmatched = user.vars.some((v) => !logins.some((t) => t.username === v.value));
  return unmatched && c.unreadableAbove.length > 0 ? "unknown" : "broken";
}

// src/audit/checks/check.ts
function eachProject(judge3) {
  return (c) => c.tree.projects.flatMap((p) => {
    const levels = levelsOf(c, p);
    const j = {
      p,
      given: exposed(c, p),
      user: resolveKey(levels, USER_KEY),
      pass: resolveKey(levels, PASSWORD_KEY)
    };
    return judge3(j) ?? [];
  });
}
function* eachToken(c) {
  for (const h of c.holders)
    for (const t of [...h.tokens].sort((a, b) => a.id - b.id)) yield { h, t, act: tokenActivity(t, c.now) };
}
function judged(c) {
  return [
    ...c.holders.map((h) => ({
      fullPath: h.fullPath,
      variables: h.variables,
      what: h.kind,
      logins: loginTokens(c, h)
    })),
    ...c.tree.ancestors.map((a) => ({
      fullPath: a.fullPath,
      variables: a.variables,
      what: "above",
      logins: c.rootGroup ? loginTokens(c, c.rootGroup) : c.aboveRoot
    }))
  ];
}
function reaches(c, fullPath, key) {
  return c.tree.projects.some((p) => resolveKey(levelsOf(c, p), key).at?.fullPath === fullPath);
}
function* judgedVariables(c) {
  for (const h of judged(c)) {
    if (h.variables === void 0) continue;
    const above = h.what === "above";
    const on = above ? m`${h.fullPath} (a group above ${c.tree.root}, inherited by its projects)` : m`${h.fullPath}`;
    for (const v of h.variables) {
      if (above && !reaches(c, h.fullPath, v.key)) continue;
      yield { h, v, on };
    }
  }
}

// src/audit/checks/expiring-soon.ts
var expiringSoon = {
  code: "expiring-soon",
  severity: "warning",
  run: (c) => [...eachToken(c)].flatMap(({ h, t, act }) => {
    if (!act.active || act.expiresAt === null) return [];
    const left = act.expiresAt.getTime() - c.now.getTime();
    if (left > c.settings.expiringWithinDays * DAY_MS || isEphemeralName(t.name)) return [];
    return {
      where: h.fullPath,
      tokenId: t.id,
      parts: m`${describeToken(t)} expires in ${words(formatDuration(left))} (${words(formatInstant(act.expiresAt))}). Create a replacement before then${isSpecial(t) ? m` (jobs lose CI_DEPLOY_USER/CI_DEPLOY_PASSWORD when it dies)` : []}.`
    };
  })
};

// src/audit/checks/group-token-before-15-1.ts
function judge(c, p) {
  if (specialOf(c, p.tokens)) return void 0;
  const parent = c.groupById.get(p.namespaceId);
  const groupToken = parent ? specialOf(c, parent.tokens) : void 0;
  if (!parent || !groupToken) return void 0;
  const s = supply(c, p);
  if (s === "works" || s === "unknown") return void 0;
  const levels = levelsOf(c, p);
  const own = levelOf(p).fullPath;
  if (resolveKey(levels, USER_KEY).at?.fullPath === own) return void 0;
  const ownPassword = resolveKey(levels, PASSWORD_KEY).at?.fullPath === own;
  return {
    where: p.fullPath,
    tokenId: groupToken.id,
    parts: m`GitLab ${c.versionText} exposes only project tokens (group tokens from 15.1): jobs of ${p.fullPath} get nothing from gitlab-deploy-token ${ref(groupToken.id)} on ${parent.fullPath}. Store it in the group's CI/CD variables: ${storeInGroupVariables(c, parent.fullPath, groupToken)}${ownPassword ? m`, and delete the CI_DEPLOY_PASSWORD variable of ${p.fullPath}, which would override the group's` : []}; or create a project token.`
  };
}
var groupTokenBefore151 = {
  code: "group-token-before-15.1",
  severity: "error",
  run: (c) => c.groupTokensExposed ? [] : c.tree.projects.flatMap((p) => judge(c, p) ?? [])
};

// src/audit/checks/group-token-not-direct-parent.ts
function leftOut(c, g, p) {
  const s = supply(c, p);
  if (s === "none") return true;
  if (s !== "broken") return false;
  if (c.groupTokensExposed) return true;
  const levels = levelsOf(c, p);
  const at = resolveKey(levels, USER_KEY).at;
  const pos = (path) => levels.findIndex((l) => l.fullPath === path);
  return at === void 0 || pos(at.fullPath) >= pos(g.fullPath);
}
var groupTokenNotDirectParent = {
  code: "group-token-not-direct-parent",
  severity: "error",
  run: (c) => c.tree.groups.flatMap((g) => {
    const special = specialOf(c, g.tokens);
    if (!special) return [];
    const deeper = c.tree.projects.filter((p) => p.namespaceId !== g.id && groupChain(c, p.namespaceId).some((x) => x.id === g.id)).filter((p) => exposed(c, p) === void 0).filter((p) => leftOut(c, g, p)).map((p) => p.fullPath).sort(compareCodeUnits);
    if (deeper.length === 0) return [];
    const count = deeper.length === 1 ? m`1 project below gets` : m`${deeper.length} projects below get`;
    return {
      where: g.fullPath,
      tokenId: special.id,
      parts: c.groupTokensExposed ? m`gitlab-deploy-token ${ref(special.id)} on ${g.fullPath} is exposed only to projects directly in ${g.fullPath}, not to projects of its subgroups; ${count} no CI_DEPLOY_USER/CI_DEPLOY_PASSWORD from GitLab: ${pathList(deeper)}. Create a gitlab-deploy-token on each of them or on their direct parent group.` : m`GitLab ${c.versionText} exposes no group token to jobs (group tokens from 15.1, and then only to projects directly in the group): gitlab-deploy-token ${ref(special.id)} on ${g.fullPath} reaches no job, and ${count} no CI_DEPLOY_USER/CI_DEPLOY_PASSWORD at all: ${pathList(deeper)}. Store the token in the CI/CD variables of ${g.fullPath}, which its subgroups inherit and where it can log in: ${storeInGroupVariables(c, g.fullPath, special)}; or create a gitlab-deploy-token on each project.`
    };
  })
};

// src/audit/checks/hidden-variable.ts
var hiddenVariable = {
  code: "hidden-variable",
  severity: "info",
  run: (c) => [...judgedVariables(c)].filter(({ v }) => v.key === USER_KEY && (v.hidden || v.value === null)).map(({ h, v, on }) => ({
    where: h.fullPath,
    parts: m`the CI/CD variable CI_DEPLOY_USER (${scopeOf(v)}) on ${on} is hidden, so the audit cannot tell which deploy token it names. Check it by hand in ${VARIABLES_PAGE}.`
  }))
};

// src/audit/checks/inactive-token.ts
var inactiveToken = {
  code: "inactive-token",
  severity: "info",
  run: (c) => [...eachToken(c)].flatMap(({ h, t, act }) => {
    if (act.active) return [];
    const why = act.reason === "revoked" ? m`is revoked` : m`expired at ${words(formatInstant(act.expiresAt))} (GitLab stops accepting a token at midnight UTC of its expiry date)`;
    return {
      where: h.fullPath,
      tokenId: t.id,
      parts: m`${describeToken(t)} ${why}: GitLab neither exposes it to jobs nor accepts it. Delete it in ${TOKENS_PAGE} to tidy the list.`
    };
  })
};

// src/audit/checks/leftover-ephemeral.ts
var leftoverEphemeral = {
  code: "leftover-ephemeral",
  severity: "warning",
  run: (c) => [...eachToken(c)].flatMap(({ h, t, act }) => {
    if (!isEphemeralName(t.name)) return [];
    const created = ephemeralCreatedAt(t.name);
    const age = created ? c.now.getTime() - created.getTime() : void 0;
    const reason = !act.active ? m`is no longer active (${words(act.reason)})` : age === void 0 ? m`has a name that records no readable creation time` : age > c.settings.ephemeralOlderThanMs ? m`was created ${words(formatDuration(age))} ago (${words(formatInstant(created))})` : void 0;
    if (!reason) return [];
    return {
      where: h.fullPath,
      tokenId: t.id,
      parts: m`ephemeral ${describeToken(t)} ${reason}: the job that made it did not clean up. Run ${code("deploy-token cleanup --ephemeral")} or delete it in ${TOKENS_PAGE}.`
    };
  })
};

// src/audit/checks/never-expires.ts
var neverExpires = {
  code: "never-expires",
  severity: "warning",
  run: (c) => [...eachToken(c)].filter(({ act }) => act.active && act.expiresAt === null).map(({ h, t }) => ({
    where: h.fullPath,
    tokenId: t.id,
    parts: m`${describeToken(t)} never expires: a leaked copy works forever. Create a replacement with an expiry date, switch to it, then delete this one.`
  }))
};

// src/audit/checks/password-without-user.ts
var passwordWithoutUser = {
  code: "password-without-user",
  severity: "warning",
  run: eachProject(({ p, given, user, pass }) => {
    if (!pass.at || user.at || user.blind.length > 0) return void 0;
    const v = pass.vars[0];
    return {
      where: p.fullPath,
      ...given ? { tokenId: given.token.id } : {},
      parts: given ? m`jobs of ${p.fullPath} get CI_DEPLOY_PASSWORD from the CI/CD variable on ${pass.at.fullPath} (${scopeOf(v)}) but no CI_DEPLOY_USER variable: the username is that of gitlab-deploy-token ${ref(given.token.id)} (${given.token.username}) from ${given.from}, and the variable overrides its password, so logins fail unless the variable holds exactly that token's secret. A warning, not an error: the audit never reads passwords, so it cannot tell. Delete CI_DEPLOY_PASSWORD in ${VARIABLES_PAGE} so jobs get the token's own, or set CI_DEPLOY_USER next to it.` : m`jobs of ${p.fullPath} get CI_DEPLOY_PASSWORD from the CI/CD variable on ${pass.at.fullPath} (${scopeOf(v)}) but no CI_DEPLOY_USER: no variable defines one and GitLab exposes no gitlab-deploy-token to it, so the password is of no use. A warning, not an error: without it the jobs would have no credentials either. Delete it in ${VARIABLES_PAGE}, or set CI_DEPLOY_USER next to it.`
    };
  })
};

// src/audit/checks/several-gitlab-deploy-tokens.ts
var severalGitlabDeployTokens = {
  code: "several-gitlab-deploy-tokens",
  severity: "error",
  run: (c) => c.holders.flatMap((h) => {
    const specials = h.tokens.filter((t) => isSpecial(t) && isActive(c, t)).sort((a, b) => a.id - b.id);
    if (specials.length <= 1) return [];
    return {
      where: h.fullPath,
      tokenId: specials[0].id,
      parts: m`${h.fullPath} has ${specials.length} active tokens named gitlab-deploy-token (${list(specials.map((t) => ref(t.id)))}): GitLab picks one with LIMIT 1 and no order, so which one a job gets is unspecified. Keep one and delete the others in ${TOKENS_PAGE}.`
    };
  })
};

// src/audit/checks/stale-variables.ts
var staleVariables = {
  code: "stale-variables",
  severity: "error",
  run: (c) => [...judgedVariables(c)].flatMap(({ h, v, on }) => {
    if (v.key !== USER_KEY || v.hidden || v.value === null) return [];
    const candidates = h.logins.filter((t) => t.username === v.value);
    if (candidates.some((t) => isActive(c, t))) return [];
    const dead = candidates[0];
    const deadState = dead ? tokenActivity(dead, c.now) : void 0;
    const what = dead ? m`names ${describeToken(dead)}, which ${deadState && !deadState.active && deadState.reason === "revoked" ? m`is revoked` : m`has expired`}` : m`names ${q(v.value)}, which is no deploy token that can log in there${c.unreadableAbove.length > 0 ? m` (tokens of ${list(c.unreadableAbove.map((a) => [{ literal: a.fullPath }]))} could not be read)` : []}`;
    return {
      where: h.fullPath,
      ...dead ? { tokenId: dead.id } : {},
      parts: m`the CI/CD variable CI_DEPLOY_USER (${scopeOf(v)}) on ${on} ${what}: it overrides what GitLab gives jobs, so their logins fail. Delete CI_DEPLOY_USER and CI_DEPLOY_PASSWORD in ${VARIABLES_PAGE} (GitLab 15.1+ provides them from gitlab-deploy-token), or set both to an active token.`
    };
  })
};

// src/audit/checks/unmasked-password.ts
var unmaskedPassword = {
  code: "unmasked-password",
  severity: "error",
  run: (c) => [...judgedVariables(c)].filter(({ v }) => v.key === PASSWORD_KEY && !v.hidden && !v.masked).map(({ h, v, on }) => ({
    where: h.fullPath,
    parts: m`the CI/CD variable CI_DEPLOY_PASSWORD (${scopeOf(v)}) on ${on} is not masked: job logs can show the deploy token. Edit it in ${VARIABLES_PAGE} and tick "Mask variable" (or "Masked and hidden"); rotate the token if it may have been printed.`
  }))
};

// src/audit/checks/user-without-password.ts
function judge2({ p, given, user, pass }) {
  if (!user.at || pass.at || pass.blind.length > 0) return void 0;
  if (!given) {
    const v2 = user.vars[0];
    return {
      where: p.fullPath,
      parts: m`jobs of ${p.fullPath} get CI_DEPLOY_USER${v2.hidden || v2.value === null ? [] : m` ${q(v2.value)}`} from the CI/CD variable on ${user.at.fullPath} but no CI_DEPLOY_PASSWORD: no level defines one and GitLab exposes no gitlab-deploy-token to supply it, so their logins fail. Add a masked CI_DEPLOY_PASSWORD holding that token's secret next to it in ${VARIABLES_PAGE}, or delete CI_DEPLOY_USER.`
    };
  }
  const v = user.vars.find((x) => !x.hidden && x.value !== null && x.value !== given.token.username);
  if (!v) return void 0;
  return {
    where: p.fullPath,
    tokenId: given.token.id,
    parts: m`jobs of ${p.fullPath} get CI_DEPLOY_USER ${q(v.value)} from the CI/CD variable on ${user.at.fullPath} (${scopeOf(v)}) but no CI_DEPLOY_PASSWORD variable: no level defines one, so the password is that of gitlab-deploy-token ${ref(given.token.id)} (${given.token.username}) from ${given.from}, and GitLab accepts a token only with its own username, so their logins fail. Delete CI_DEPLOY_USER in ${VARIABLES_PAGE} so jobs get the token's own pair, or add a masked CI_DEPLOY_PASSWORD holding the secret of the token it names next to it.`
  };
}
var userWithoutPassword = {
  code: "user-without-password",
  severity: "error",
  run: eachProject(judge2)
};

// src/audit/checks/variables-not-readable.ts
var variablesNotReadable = {
  code: "variables-not-readable",
  severity: "info",
  run: (c) => judged(c).filter((h) => h.variables === void 0).map((h) => ({
    where: h.fullPath,
    parts: h.what === "project" ? m`could not read the CI/CD variables of ${h.fullPath}: reading them needs Maintainer access. Stale, shadowing, lone and unmasked CI_DEPLOY_* variables there were not checked, nor whether its jobs get working credentials through them (so no missing-token error is claimed for it). Run the audit with a token that has that role.` : m`could not read the CI/CD variables of ${h.fullPath}${h.what === "above" ? m`, a group above ${c.tree.root} whose variables its projects inherit` : []}: reading them needs Owner access. Stale, shadowing, lone and unmasked CI_DEPLOY_* variables there were not checked, nor whether the projects below get working credentials through them (so no missing-token error is claimed for them). Run the audit with a token that has that role.`
  }))
};

// src/audit/checks/variables-shadow-token.ts
var variablesShadowToken = {
  code: "variables-shadow-token",
  severity: "warning",
  run: eachProject(({ p, given, user }) => {
    if (!given || !user.at) return void 0;
    const at = user.at;
    return user.vars.filter((v) => !(v.hidden || v.value === null || v.value === given.token.username)).map((v) => ({
      where: p.fullPath,
      tokenId: given.token.id,
      parts: m`jobs of ${p.fullPath} get CI_DEPLOY_USER ${q(v.value)} from the CI/CD variable on ${at.fullPath} (${scopeOf(v)}), which overrides gitlab-deploy-token ${ref(given.token.id)} (${given.token.username}) that GitLab would expose from ${given.from}. Delete the CI_DEPLOY_USER and CI_DEPLOY_PASSWORD variables so jobs get the token.`
    }));
  })
};

// src/audit/checks/index.ts
var CHECKS = [
  // every token
  inactiveToken,
  neverExpires,
  expiringSoon,
  leftoverEphemeral,
  severalGitlabDeployTokens,
  groupTokenNotDirectParent,
  // what could not be read
  ancestorNotReadable,
  variablesNotReadable,
  // CI/CD variables where they are defined
  unmaskedPassword,
  hiddenVariable,
  staleVariables,
  // what each project's jobs get
  groupTokenBefore151,
  variablesShadowToken,
  userWithoutPassword,
  passwordWithoutUser
];

// src/audit/findings.ts
var RANK = { error: 0, warning: 1, info: 2 };
function tokenRows(c) {
  return [...eachToken(c)].map(({ h, t, act }) => ({
    level: h.kind,
    owner: h.fullPath,
    id: t.id,
    name: t.name,
    username: t.username,
    scopes: [...t.scopes],
    expiresAt: act.expiresAt ? act.expiresAt.toISOString() : null,
    active: act.active,
    state: act.active ? "active" : act.reason
  }));
}
function auditFindings(tree, settings) {
  const c = auditContext(tree, settings);
  const findings = CHECKS.flatMap(
    (check) => check.run(c).map((f) => ({
      severity: check.severity,
      code: check.code,
      where: f.where,
      ...f.tokenId === void 0 ? {} : { tokenId: f.tokenId },
      message: textOf(f.parts),
      parts: f.parts
    }))
  );
  findings.sort(
    (a, b) => RANK[a.severity] - RANK[b.severity] || compareCodeUnits(a.where, b.where) || compareCodeUnits(a.code, b.code) || (a.tokenId ?? 0) - (b.tokenId ?? 0)
  );
  return { tokens: tokenRows(c), findings };
}
function summarize(findings) {
  return {
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
    infos: findings.filter((f) => f.severity === "info").length
  };
}

// src/audit/csv.ts
var CSV_COLUMNS = [
  "level",
  "owner",
  "id",
  "name",
  "username",
  "scopes",
  "expires_at",
  "active",
  "state"
];
var UNSAFE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
var FORMULA = /^[=+\-@\t\r]/;
function csvField(value) {
  const v = value.replace(UNSAFE, (c) => c === "\n" ? c : c === "	" || c === "\r" ? " " : "?");
  const inert = FORMULA.test(v) ? `'${v}` : v;
  return `"${inert.replace(/"/g, '""')}"`;
}
function cells(t) {
  return [
    t.level,
    t.owner,
    String(t.id),
    t.name,
    t.username,
    t.scopes.join(","),
    t.expiresAt ?? "",
    String(t.active),
    t.state
  ];
}
function formatCsv(r) {
  const rows = [[...CSV_COLUMNS], ...r.tokens.map(cells)];
  return rows.map((row) => row.map(csvField).join(",")).join("\n") + "\n";
}

// src/audit/format.ts
function mdMessage(parts) {
  return parts.map((p) => typeof p === "string" ? mdText(p) : mdCode(p.literal)).join("");
}
var MARKDOWN_MAX_BYTES = 900 * 1024;
var expiry = (t) => t.expiresAt === null ? "never" : formatInstant(new Date(t.expiresAt));
function counts(findings) {
  const s = summarize(findings);
  const n = (k, w) => `${k} ${w}${k === 1 ? "" : "s"}`;
  return `${n(s.errors, "error")}, ${n(s.warnings, "warning")}, ${n(s.infos, "info")}`;
}
function formatJson(r, meta) {
  const out = {
    group: meta.group,
    generated_at: meta.generatedAt.toISOString(),
    min_days_left: meta.expiringWithinDays,
    tokens: r.tokens.map((t) => ({
      level: t.level,
      owner: t.owner,
      id: t.id,
      name: t.name,
      username: t.username,
      scopes: t.scopes,
      expires_at: t.expiresAt,
      active: t.active,
      state: t.state
    })),
    findings: r.findings.map((f) => ({
      severity: f.severity,
      code: f.code,
      where: f.where,
      ...f.tokenId === void 0 ? {} : { token_id: f.tokenId },
      message: f.message
    })),
    summary: summarize(r.findings)
  };
  return `${JSON.stringify(out, (_key, v) => typeof v === "string" ? oneLine(v) : v, 2)}
`;
}
function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells2) => cells2.map((c, i) => i === cells2.length - 1 ? c : c.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
  return [line(header), ...rows.map(line)];
}
function formatText(r, meta) {
  const lines = [];
  const holders2 = new Set(r.tokens.map((t) => t.owner)).size;
  lines.push(
    `Deploy tokens of ${oneLine(meta.group)} and everything below it, ${formatInstant(meta.generatedAt)}: ${r.tokens.length} token(s) on ${holders2} group(s)/project(s)`
  );
  lines.push("");
  lines.push(`Findings: ${counts(r.findings)}`);
  if (r.findings.length === 0) lines.push("  none");
  for (const f of r.findings) {
    lines.push("");
    lines.push(
      `  ${f.severity.padEnd(7)} ${f.code}  ${oneLine(f.where)}${f.tokenId === void 0 ? "" : ` #${f.tokenId}`}`
    );
    lines.push(`          ${oneLine(f.message)}`);
  }
  lines.push("");
  if (r.tokens.length === 0) lines.push("  (no deploy tokens)");
  else
    lines.push(
      ...table(
        ["LEVEL", "OWNER", "ID", "NAME", "USERNAME", "SCOPES", "EXPIRES", "STATE"],
        r.tokens.map((t) => [
          t.level,
          oneLine(t.owner),
          String(t.id),
          oneLine(t.name),
          oneLine(t.username),
          oneLine(t.scopes.join(",")),
          expiry(t),
          t.state
        ])
      ).map((l) => `  ${l}`)
    );
  return `${lines.join("\n")}
`;
}
var ICON = {
  error: "\u{1F534} error",
  warning: "\u{1F7E0} warning",
  info: "\u{1F535} info"
};
var HEADING_CHARS = 200;
function headingValue(s) {
  const chars = Array.from(s);
  return chars.length <= HEADING_CHARS ? mdCode(s) : `${mdCode(chars.slice(0, HEADING_CHARS).join(""))}\u2026`;
}
var linesBytes = (lines) => lines.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0);
function formatMarkdown(r, meta, maxBytes = MARKDOWN_MAX_BYTES) {
  const out = [];
  let size = 0;
  const push = (...lines) => {
    for (const l of lines) {
      out.push(l);
      size += Buffer.byteLength(l) + 1;
    }
  };
  const rows = (lines, reserve) => {
    let n = 0;
    for (const l of lines) {
      if (size + Buffer.byteLength(l) + 1 + reserve > maxBytes) continue;
      push(l);
      n++;
    }
    return n;
  };
  const leftOut2 = (n, total, what) => [
    "",
    `**${n} of ${total} ${what} left out** to stay under 1 MiB, the most a GitHub step summary or a GitLab issue takes: \`deploy-token audit --format json\` has them all.`
  ];
  const tokensSection = [
    "",
    `### Deploy tokens (${r.tokens.length})`,
    "",
    ...r.tokens.length === 0 ? ["No deploy tokens."] : [
      "| Level | Owner | ID | Name | Username | Scopes | Expires | State |",
      "|---|---|---:|---|---|---|---|---|"
    ]
  ];
  const tokensOmission = linesBytes(leftOut2(r.tokens.length, r.tokens.length, "token rows"));
  const findingsOmission = linesBytes(leftOut2(r.findings.length, r.findings.length, "findings"));
  push(
    `## Deploy-token audit: ${headingValue(meta.group)}`,
    "",
    `Generated ${formatInstant(meta.generatedAt)}; tokens expiring within ${meta.expiringWithinDays} days are flagged. **${counts(r.findings)}.**`,
    "",
    `### Findings (${r.findings.length})`,
    ""
  );
  if (r.findings.length === 0) push("No findings.");
  else {
    push("| Severity | Code | Where | Token | Finding |", "|---|---|---|---:|---|");
    const shown = rows(
      r.findings.map(
        (f) => `| ${ICON[f.severity]} | ${f.code} | ${mdCode(f.where)} | ${f.tokenId ?? ""} | ${mdMessage(f.parts)} |`
      ),
      findingsOmission + linesBytes(tokensSection) + tokensOmission
    );
    if (shown < r.findings.length) push(...leftOut2(r.findings.length - shown, r.findings.length, "findings"));
  }
  push(...tokensSection);
  if (r.tokens.length > 0) {
    const shown = rows(
      r.tokens.map(
        (t) => `| ${t.level} | ${mdCode(t.owner)} | ${t.id} | ${mdCode(t.name)} | ${mdCode(t.username)} | ${t.scopes.length === 0 ? "" : mdCode(t.scopes.join(", "))} | ${expiry(t)} | ${t.state} |`
      ),
      tokensOmission
    );
    if (shown < r.tokens.length) push(...leftOut2(r.tokens.length - shown, r.tokens.length, "token rows"));
  }
  return `${out.join("\n")}
`;
}
function formatReport(format, r, meta) {
  if (format === "csv") return formatCsv(r);
  if (format === "json") return formatJson(r, meta);
  if (format === "markdown") return formatMarkdown(r, meta);
  return formatText(r, meta);
}

// src/audit/gather.ts
function isStatus(e, ...codes) {
  return e instanceof GitLabApiError && e.status !== void 0 && codes.includes(e.status);
}
function deployVariables(vars) {
  const out = [];
  for (const v of vars) {
    if (v.key !== USER_KEY && v.key !== PASSWORD_KEY) continue;
    const hidden = v.hidden === true || v.value === null;
    out.push({
      key: v.key,
      value: v.key === USER_KEY && !hidden ? v.value : null,
      hidden,
      masked: v.masked === true,
      protected: v.protected === true,
      environmentScope: v.environment_scope ?? "*"
    });
  }
  return out;
}
async function readVariables(client, level, id) {
  try {
    return deployVariables(await listVariables(client, level, id));
  } catch (e) {
    if (isStatus(e, 403)) return void 0;
    throw e;
  }
}
async function readAncestors(client, parentId, max) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  const unlessRefused = async (read) => {
    try {
      return await read();
    } catch (e) {
      if (isStatus(e, 401, 403, 404)) return void 0;
      throw e;
    }
  };
  let id = parentId;
  while (id !== null && out.length < max && !seen.has(id)) {
    seen.add(id);
    const groupId = id;
    const g = await unlessRefused(() => getGroup(client, groupId));
    const tokens = g ? await unlessRefused(() => listDeployTokens(client, "groups", groupId)) : void 0;
    const vars = g ? await unlessRefused(() => listVariables(client, "groups", groupId)) : void 0;
    out.push({
      id: groupId,
      fullPath: g?.full_path ?? `group ${groupId}`,
      tokens,
      variables: vars === void 0 ? void 0 : deployVariables(vars)
    });
    id = g?.parent_id ?? null;
  }
  return out;
}
async function gatherTree(client, group, opts = {}) {
  const limit = opts.concurrency ?? 10;
  const root = await getGroup(client, group);
  const tree = await listGroupTree(client, root.id);
  const groupInfo = [root, ...tree.groups];
  const projectInfo = tree.projects;
  const total = groupInfo.length + projectInfo.length;
  let done = 0;
  opts.onProgress?.({ done, total });
  const read = async (level, id) => {
    const both = opts.pairsInTurn ? [await listDeployTokens(client, level, id), await readVariables(client, level, id)] : await Promise.all([listDeployTokens(client, level, id), readVariables(client, level, id)]);
    opts.onProgress?.({ done: ++done, total });
    return { tokens: both[0], variables: both[1] };
  };
  const groups = await mapLimit(groupInfo, limit, async (g) => {
    const { tokens, variables } = await read("groups", g.id);
    return { kind: "group", id: g.id, fullPath: g.full_path, parentId: g.parent_id, tokens, variables };
  });
  const projects = await mapLimit(projectInfo, limit, async (p) => {
    const { tokens, variables } = await read("projects", p.id);
    return {
      kind: "project",
      id: p.id,
      fullPath: p.path_with_namespace,
      namespaceId: p.namespace.id,
      tokens,
      variables
    };
  });
  const ancestors = await readAncestors(client, root.parent_id, opts.maxAncestors ?? 20);
  const version = await getVersion(client).then(
    (v) => v.version,
    (e) => {
      if (isStatus(e, 401, 403, 404)) return void 0;
      throw e;
    }
  );
  return { root: root.full_path, groups, projects, ancestors, ...version ? { version } : {} };
}

// src/audit/options.ts
var AUDIT_FORMATS = ["text", "json", "markdown", "csv"];
function parseDuration(raw) {
  const ms = durationMs(raw);
  return ms !== void 0 && ms > 0 ? ms : void 0;
}
function parseDays(raw) {
  const s = String(raw).trim();
  if (!/^\d{1,5}(\.\d+)?$/.test(s)) return void 0;
  return Number(s);
}
function auditSettings(flags, env) {
  const format = flags.format ?? "text";
  if (!AUDIT_FORMATS.includes(format)) {
    throw new UsageError(
      `--format must be one of ${AUDIT_FORMATS.join(", ")}`,
      "e.g. --format markdown",
      "--format"
    );
  }
  const expiringWithinDays = parseDays(flags.minDaysLeft ?? 30);
  if (expiringWithinDays === void 0) {
    throw new UsageError(
      `--min-days-left must be a number of days, not "${String(flags.minDaysLeft).slice(0, 40)}"`,
      "e.g. --min-days-left 14",
      "--min-days-left"
    );
  }
  const ephemeralOlderThanMs = parseDuration(flags.ephemeralOlderThan ?? "6h");
  if (ephemeralOlderThanMs === void 0) {
    throw new UsageError(
      `--ephemeral-older-than must be a duration such as 90m, 6h or 2d, not "${String(flags.ephemeralOlderThan).slice(0, 40)}"`,
      "e.g. --ephemeral-older-than 12h",
      "--ephemeral-older-than"
    );
  }
  const group = (flags.group ?? env.CI_PROJECT_NAMESPACE ?? "").trim().replace(/^\/+|\/+$/g, "");
  if (group === "") {
    throw new UsageError(
      "audit needs --group",
      "name the group to audit by id or full path, e.g. --group tanuki (in a job, $CI_PROJECT_NAMESPACE is the default)"
    );
  }
  const gitlab = flagConnection(flags, env);
  const apiToken = requireToken(
    gitlab,
    "audit",
    `create a personal, group or project access token with read_api (Maintainer to list deploy tokens, Owner to read group variables) and put it in ${gitlab.tokenVariable ?? flags.apiTokenEnv ?? "GITLAB_TOKEN"}`
  );
  return { group, gitlab: { ...gitlab, apiToken }, format, expiringWithinDays, ephemeralOlderThanMs };
}

// src/audit/progress.ts
var TTY_EVERY_MS = 100;
var secondsText = (ms) => `${(ms / 1e3).toFixed(1)} s`;
var holders = (n) => n === 1 ? "1 group or project" : `${n} groups and projects`;
function auditProgress(sink, o) {
  const start = o.now();
  const every = sink.isTTY ? TTY_EVERY_MS : o.everyMs ?? 5e3;
  let last = sink.isTTY ? void 0 : start;
  let shown = false;
  let latest = { done: 0, total: 0 };
  const line = (p) => `audit: ${p.done} of ${holders(p.total)} read (${plural(o.requests(), "request")}, ${secondsText(o.now() - start)})`;
  const clearLine = () => sink.clearLine ? sink.clearLine() : sink.write(CLEAR_LINE);
  const write = (text) => {
    if (sink.isTTY) {
      clearLine();
      sink.write(text);
      shown = true;
    } else sink.write(`${text}
`);
  };
  const clear = () => {
    if (shown) clearLine();
    shown = false;
  };
  if (o.rateLimit) {
    o.rateLimit.onPause = ({ ms, until, why }) => {
      clear();
      sink.write(
        `audit: waiting ${secondsText(ms)} for GitLab's rate limit (${why}), until ${new Date(until).toISOString()}
`
      );
    };
  }
  return {
    during: (p) => p.catch((e) => {
      clear();
      throw e;
    }),
    update(p) {
      latest = p;
      const t = o.now();
      if (last !== void 0 && t - last < every) return;
      last = t;
      write(line(p));
    },
    done() {
      clear();
      const rl = o.rateLimit;
      const paused = rl && rl.pauses > 0 ? `; waited ${secondsText(rl.pausedMs)} for GitLab's rate limit (${plural(rl.pauses, "pause")}, ${plural(rl.throttled, "answer")} 429)` : rl && rl.throttled > 0 ? `; GitLab answered 429 ${plural(rl.throttled, "time")}` : "";
      sink.write(
        `audit: read ${holders(latest.total)} with ${plural(o.requests(), "request")} in ${secondsText(o.now() - start)}${paused}
`
      );
    }
  };
}

// src/cli/commands/audit.ts
async function runAudit(flags, ctx) {
  if (flags.group !== void 0) checkProjectRef(flags.group, "--group");
  const s = auditSettings(flags, ctx.env);
  const client = clientFor(s.gitlab, ctx, "audit");
  const progress = auditProgress(ctx.stderr, {
    now: () => ctx.now().getTime(),
    requests: () => client.requestCount,
    rateLimit: client.rateLimit
  });
  const tree = await progress.during(gatherTree(client, s.group, { onProgress: progress.update }));
  for (const holder of [...tree.groups, ...tree.projects, ...tree.ancestors])
    for (const v of holder.variables ?? []) ctx.scrubber.addIfNotUsername(v.value);
  const now = ctx.now();
  const result = auditFindings(tree, {
    now,
    expiringWithinDays: s.expiringWithinDays,
    ephemeralOlderThanMs: s.ephemeralOlderThanMs
  });
  ctx.stdout.write(
    formatReport(s.format, result, {
      group: tree.root,
      generatedAt: now,
      expiringWithinDays: s.expiringWithinDays
    })
  );
  progress.done();
  return result.findings.some((f) => f.severity === "error") ? ExitCode.No : ExitCode.Ok;
}
export {
  runAudit
};
