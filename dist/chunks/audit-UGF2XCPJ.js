import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  DEPLOY_TOKEN_SCOPES,
  PASSWORD_KEY,
  USER_KEY,
  gatherTree
} from "./chunk-V6XWA6D6.js";
import {
  clientFor
} from "./chunk-7C6V7UI5.js";
import {
  normaliseUrl
} from "./chunk-FJEDMX6I.js";
import "./chunk-4YG5LHE6.js";
import {
  exposesGroupDeployToken,
  parseGitLabVersion
} from "./chunk-HYBTJBPM.js";
import {
  durationMs,
  ephemeralCreatedAt,
  isEphemeralName
} from "./chunk-ZXYRMQQA.js";
import {
  formatInstant,
  isSpecial,
  tokenActivity
} from "./chunk-W3LW53PW.js";
import {
  ExitCode,
  UsageError
} from "./chunk-XSTXBMLW.js";
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

// src/audit/findings.ts
var MINUTE_MS = 6e4;
var HOUR_MS = 60 * MINUTE_MS;
var DAY_MS = 24 * HOUR_MS;
var TOKENS_PAGE = words("Settings > Repository > Deploy tokens");
var VARIABLES_PAGE = words("Settings > CI/CD > Variables");
var SHOWN = 20;
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
var describe = (t) => m`deploy token ${ref(t.id)} ${q(t.name)} (${t.username})`;
var scopeOf = (v) => m`environment scope ${q(v.environmentScope)}`;
var pathList = (paths) => [
  ...list(paths.slice(0, SHOWN).map((p) => [{ literal: p }])),
  ...paths.length > SHOWN ? m`, and ${paths.length - SHOWN} more` : []
];
var RANK = { error: 0, warning: 1, info: 2 };
function auditFindings(tree, settings) {
  const { now } = settings;
  const findings = [];
  const add = (f) => findings.push({ ...f, message: textOf(f.parts) });
  const active = (t) => tokenActivity(t, now).active;
  const groupById = new Map(tree.groups.map((g) => [g.id, g]));
  const rootGroup = tree.groups[0];
  const holders = [...tree.groups, ...tree.projects];
  const groupChain = (id) => {
    const out = [];
    const seen = /* @__PURE__ */ new Set();
    for (let g = id === null ? void 0 : groupById.get(id); g && !seen.has(g.id); ) {
      seen.add(g.id);
      out.push(g);
      g = g.parentId === null ? void 0 : groupById.get(g.parentId);
    }
    return out;
  };
  const specialOf = (tokens2) => tokens2.filter((t) => isSpecial(t) && active(t)).sort((a, b) => a.id - b.id)[0];
  const version = tree.version === void 0 ? void 0 : parseGitLabVersion(tree.version);
  const groupTokensExposed = version === void 0 || exposesGroupDeployToken(version);
  const exposed = (p) => {
    const own = specialOf(p.tokens);
    if (own) return { token: own, from: p.fullPath };
    if (!groupTokensExposed) return void 0;
    const parent = groupById.get(p.namespaceId);
    const inherited = parent ? specialOf(parent.tokens) : void 0;
    return inherited && parent ? { token: inherited, from: parent.fullPath } : void 0;
  };
  const aboveRoot = tree.ancestors.flatMap((a) => a.tokens ?? []);
  const unreadableAbove = tree.ancestors.filter((a) => a.tokens === void 0);
  const ancestorLevels = tree.ancestors.map((a) => ({
    fullPath: a.fullPath,
    variables: a.variables,
    above: true
  }));
  const levelOf = (h) => ({
    fullPath: h.fullPath,
    variables: h.variables,
    above: false
  });
  const levelsOf = (p) => {
    const chain = groupChain(p.namespaceId);
    const reachesRoot = rootGroup !== void 0 && chain[chain.length - 1]?.id === rootGroup.id;
    return [levelOf(p), ...chain.map(levelOf), ...reachesRoot ? ancestorLevels : []];
  };
  const loginTokens = (h) => {
    const chain = groupChain(h.kind === "group" ? h.id : h.namespaceId);
    return [...h.kind === "project" ? h.tokens : [], ...chain.flatMap((g) => g.tokens), ...aboveRoot];
  };
  const supply = (p) => {
    const levels = levelsOf(p);
    const user = resolveKey(levels, USER_KEY);
    if (user.blind.length > 0) return "unknown";
    if (!user.at) return "none";
    if (user.vars.some((v) => v.hidden || v.value === null)) return "unknown";
    const pass = resolveKey(levels, PASSWORD_KEY);
    if (!pass.at) return pass.blind.length > 0 ? "unknown" : "broken";
    const logins = loginTokens(p);
    if (user.vars.some((v) => logins.some((t) => active(t) && t.username === v.value))) return "works";
    const unmatched = user.vars.some((v) => !logins.some((t) => t.username === v.value));
    return unmatched && unreadableAbove.length > 0 ? "unknown" : "broken";
  };
  const storeInGroupVariables = (group, t) => {
    const isKnown = (s) => DEPLOY_TOKEN_SCOPES.includes(s);
    const known = t.scopes.filter(isKnown);
    const unknown = t.scopes.filter((s) => !isKnown(s));
    const act = tokenActivity(t, now);
    const at = act.expiresAt;
    const expiresAt = at === null ? "" : ` --expires-at ${at.getTime() % DAY_MS === 0 ? at.toISOString().slice(0, 10) : at.toISOString()}`;
    const command = (scopes) => code(
      `deploy-token provision --level group --group ${shellWord(group)} --scopes ${scopes}${expiresAt} --store group-variables --rotate`
    );
    const quotedList = (xs) => list(xs.map((x) => q(x)));
    if (known.length === 0) {
      return m`${command("SCOPES")} with SCOPES the comma list of scopes its jobs need (${t.scopes.length === 0 ? m`the token has none` : m`the token's ${quotedList(unknown)} ${unknown.length === 1 ? m`is not a scope` : m`are no scopes`} provision knows`}; it takes ${words(DEPLOY_TOKEN_SCOPES.join(", "))})`;
    }
    return m`${command(shellWord(known.join(",")))}${unknown.length > 0 ? m` (the token's ${quotedList(unknown)} left out: provision knows no such scope)` : []}`;
  };
  const versionText = tree.version ?? "";
  const tokens = [];
  for (const h of holders) {
    for (const t of [...h.tokens].sort((a, b) => a.id - b.id)) {
      const act = tokenActivity(t, now);
      const state = act.active ? "active" : act.reason;
      tokens.push({
        level: h.kind,
        owner: h.fullPath,
        id: t.id,
        name: t.name,
        username: t.username,
        scopes: [...t.scopes],
        expiresAt: act.expiresAt ? act.expiresAt.toISOString() : null,
        active: act.active,
        state
      });
      const base = { where: h.fullPath, tokenId: t.id };
      if (!act.active) {
        const why = act.reason === "revoked" ? m`is revoked` : m`expired at ${words(formatInstant(act.expiresAt))} (GitLab stops accepting a token at midnight UTC of its expiry date)`;
        add({
          ...base,
          severity: "info",
          code: "inactive-token",
          parts: m`${describe(t)} ${why}: GitLab neither exposes it to jobs nor accepts it. Delete it in ${TOKENS_PAGE} to tidy the list.`
        });
      } else if (act.expiresAt === null) {
        add({
          ...base,
          severity: "warning",
          code: "never-expires",
          parts: m`${describe(t)} never expires: a leaked copy works forever. Create a replacement with an expiry date, switch to it, then delete this one.`
        });
      } else {
        const left = act.expiresAt.getTime() - now.getTime();
        if (left <= settings.expiringWithinDays * DAY_MS && !isEphemeralName(t.name)) {
          add({
            ...base,
            severity: "warning",
            code: "expiring-soon",
            parts: m`${describe(t)} expires in ${words(formatDuration(left))} (${words(formatInstant(act.expiresAt))}). Create a replacement before then${isSpecial(t) ? m` (jobs lose CI_DEPLOY_USER/CI_DEPLOY_PASSWORD when it dies)` : []}.`
          });
        }
      }
      if (isEphemeralName(t.name)) {
        const created = ephemeralCreatedAt(t.name);
        const age = created ? now.getTime() - created.getTime() : void 0;
        const reason = !act.active ? m`is no longer active (${words(state)})` : age === void 0 ? m`has a name that records no readable creation time` : age > settings.ephemeralOlderThanMs ? m`was created ${words(formatDuration(age))} ago (${words(formatInstant(created))})` : void 0;
        if (reason) {
          add({
            ...base,
            severity: "warning",
            code: "leftover-ephemeral",
            parts: m`ephemeral ${describe(t)} ${reason}: the job that made it did not clean up. Run ${code("deploy-token cleanup --ephemeral")} or delete it in ${TOKENS_PAGE}.`
          });
        }
      }
    }
  }
  for (const h of holders) {
    const specials = h.tokens.filter((t) => isSpecial(t) && active(t)).sort((a, b) => a.id - b.id);
    if (specials.length > 1) {
      add({
        where: h.fullPath,
        tokenId: specials[0].id,
        severity: "error",
        code: "several-gitlab-deploy-tokens",
        parts: m`${h.fullPath} has ${specials.length} active tokens named gitlab-deploy-token (${list(specials.map((t) => ref(t.id)))}): GitLab picks one with LIMIT 1 and no order, so which one a job gets is unspecified. Keep one and delete the others in ${TOKENS_PAGE}.`
      });
    }
  }
  for (const g of tree.groups) {
    const special = specialOf(g.tokens);
    if (!special) continue;
    const deeper = tree.projects.filter((p) => p.namespaceId !== g.id && groupChain(p.namespaceId).some((x) => x.id === g.id)).filter((p) => exposed(p) === void 0).filter((p) => {
      const s = supply(p);
      if (s === "none") return true;
      if (s !== "broken") return false;
      if (groupTokensExposed) return true;
      const levels = levelsOf(p);
      const at = resolveKey(levels, USER_KEY).at;
      const pos = (path) => levels.findIndex((l) => l.fullPath === path);
      return at === void 0 || pos(at.fullPath) >= pos(g.fullPath);
    }).map((p) => p.fullPath).sort(compareCodeUnits);
    if (deeper.length === 0) continue;
    const count = deeper.length === 1 ? m`1 project below gets` : m`${deeper.length} projects below get`;
    add({
      where: g.fullPath,
      tokenId: special.id,
      severity: "error",
      code: "group-token-not-direct-parent",
      parts: groupTokensExposed ? m`gitlab-deploy-token ${ref(special.id)} on ${g.fullPath} is exposed only to projects directly in ${g.fullPath}, not to projects of its subgroups; ${count} no CI_DEPLOY_USER/CI_DEPLOY_PASSWORD from GitLab: ${pathList(deeper)}. Create a gitlab-deploy-token on each of them or on their direct parent group.` : m`GitLab ${versionText} exposes no group token to jobs (group tokens from 15.1, and then only to projects directly in the group): gitlab-deploy-token ${ref(special.id)} on ${g.fullPath} reaches no job, and ${count} no CI_DEPLOY_USER/CI_DEPLOY_PASSWORD at all: ${pathList(deeper)}. Store the token in the CI/CD variables of ${g.fullPath}, which its subgroups inherit and where it can log in: ${storeInGroupVariables(g.fullPath, special)}; or create a gitlab-deploy-token on each project.`
    });
  }
  for (const a of unreadableAbove) {
    add({
      where: a.fullPath,
      severity: "info",
      code: "ancestor-not-readable",
      parts: m`could not read the deploy tokens of ${a.fullPath}, a group above ${tree.root}: its tokens can log in below it, so a CI_DEPLOY_USER variable naming one of them may be reported as stale. Run the audit with a token that is Maintainer of ${a.fullPath}, or audit ${a.fullPath} itself.`
    });
  }
  const projectLevels = tree.projects.map(levelsOf);
  const reaches = (fullPath, key) => projectLevels.some((levels) => resolveKey(levels, key).at?.fullPath === fullPath);
  const judged = [
    ...holders.map((h) => ({
      fullPath: h.fullPath,
      variables: h.variables,
      what: h.kind,
      logins: loginTokens(h)
    })),
    ...tree.ancestors.map((a) => ({
      fullPath: a.fullPath,
      variables: a.variables,
      what: "above",
      logins: rootGroup ? loginTokens(rootGroup) : aboveRoot
    }))
  ];
  for (const h of judged) {
    if (h.variables === void 0) {
      add({
        where: h.fullPath,
        severity: "info",
        code: "variables-not-readable",
        parts: h.what === "project" ? m`could not read the CI/CD variables of ${h.fullPath}: reading them needs Maintainer access. Stale, shadowing, lone and unmasked CI_DEPLOY_* variables there were not checked, nor whether its jobs get working credentials through them (so no missing-token error is claimed for it). Run the audit with a token that has that role.` : m`could not read the CI/CD variables of ${h.fullPath}${h.what === "above" ? m`, a group above ${tree.root} whose variables its projects inherit` : []}: reading them needs Owner access. Stale, shadowing, lone and unmasked CI_DEPLOY_* variables there were not checked, nor whether the projects below get working credentials through them (so no missing-token error is claimed for them). Run the audit with a token that has that role.`
      });
      continue;
    }
    const above = h.what === "above";
    const on = above ? m`${h.fullPath} (a group above ${tree.root}, inherited by its projects)` : m`${h.fullPath}`;
    for (const v of h.variables) {
      if (above && !reaches(h.fullPath, v.key)) continue;
      if (v.key === PASSWORD_KEY && !v.hidden && !v.masked) {
        add({
          where: h.fullPath,
          severity: "error",
          code: "unmasked-password",
          parts: m`the CI/CD variable CI_DEPLOY_PASSWORD (${scopeOf(v)}) on ${on} is not masked: job logs can show the deploy token. Edit it in ${VARIABLES_PAGE} and tick "Mask variable" (or "Masked and hidden"); rotate the token if it may have been printed.`
        });
      }
      if (v.key !== USER_KEY) continue;
      if (v.hidden || v.value === null) {
        add({
          where: h.fullPath,
          severity: "info",
          code: "hidden-variable",
          parts: m`the CI/CD variable CI_DEPLOY_USER (${scopeOf(v)}) on ${on} is hidden, so the audit cannot tell which deploy token it names. Check it by hand in ${VARIABLES_PAGE}.`
        });
        continue;
      }
      const candidates = h.logins.filter((t) => t.username === v.value);
      if (candidates.some(active)) continue;
      const dead = candidates[0];
      const deadState = dead ? tokenActivity(dead, now) : void 0;
      const what = dead ? m`names ${describe(dead)}, which ${deadState && !deadState.active && deadState.reason === "revoked" ? m`is revoked` : m`has expired`}` : m`names ${q(v.value)}, which is no deploy token that can log in there${unreadableAbove.length > 0 ? m` (tokens of ${list(unreadableAbove.map((a) => [{ literal: a.fullPath }]))} could not be read)` : []}`;
      add({
        where: h.fullPath,
        ...dead ? { tokenId: dead.id } : {},
        severity: "error",
        code: "stale-variables",
        parts: m`the CI/CD variable CI_DEPLOY_USER (${scopeOf(v)}) on ${on} ${what}: it overrides what GitLab gives jobs, so their logins fail. Delete CI_DEPLOY_USER and CI_DEPLOY_PASSWORD in ${VARIABLES_PAGE} (GitLab 15.1+ provides them from gitlab-deploy-token), or set both to an active token.`
      });
    }
  }
  if (!groupTokensExposed) {
    for (const p of tree.projects) {
      if (specialOf(p.tokens)) continue;
      const parent = groupById.get(p.namespaceId);
      const groupToken = parent ? specialOf(parent.tokens) : void 0;
      if (!parent || !groupToken) continue;
      const s = supply(p);
      if (s === "works" || s === "unknown") continue;
      const levels = levelsOf(p);
      const own = levelOf(p).fullPath;
      if (resolveKey(levels, USER_KEY).at?.fullPath === own) continue;
      const ownPassword = resolveKey(levels, PASSWORD_KEY).at?.fullPath === own;
      add({
        where: p.fullPath,
        tokenId: groupToken.id,
        severity: "error",
        code: "group-token-before-15.1",
        parts: m`GitLab ${versionText} exposes only project tokens (group tokens from 15.1): jobs of ${p.fullPath} get nothing from gitlab-deploy-token ${ref(groupToken.id)} on ${parent.fullPath}. Store it in the group's CI/CD variables: ${storeInGroupVariables(parent.fullPath, groupToken)}${ownPassword ? m`, and delete the CI_DEPLOY_PASSWORD variable of ${p.fullPath}, which would override the group's` : []}; or create a project token.`
      });
    }
  }
  for (const p of tree.projects) {
    const given = exposed(p);
    const levels = levelsOf(p);
    const user = resolveKey(levels, USER_KEY);
    const pass = resolveKey(levels, PASSWORD_KEY);
    if (given && user.at) {
      for (const v of user.vars) {
        if (v.hidden || v.value === null || v.value === given.token.username) continue;
        add({
          where: p.fullPath,
          tokenId: given.token.id,
          severity: "warning",
          code: "variables-shadow-token",
          parts: m`jobs of ${p.fullPath} get CI_DEPLOY_USER ${q(v.value)} from the CI/CD variable on ${user.at.fullPath} (${scopeOf(v)}), which overrides gitlab-deploy-token ${ref(given.token.id)} (${given.token.username}) that GitLab would expose from ${given.from}. Delete the CI_DEPLOY_USER and CI_DEPLOY_PASSWORD variables so jobs get the token.`
        });
      }
    }
    if (user.at && !pass.at && pass.blind.length === 0 && !given) {
      const v = user.vars[0];
      add({
        where: p.fullPath,
        severity: "error",
        code: "user-without-password",
        parts: m`jobs of ${p.fullPath} get CI_DEPLOY_USER${v.hidden || v.value === null ? [] : m` ${q(v.value)}`} from the CI/CD variable on ${user.at.fullPath} but no CI_DEPLOY_PASSWORD: no level defines one and GitLab exposes no gitlab-deploy-token to supply it, so their logins fail. Add a masked CI_DEPLOY_PASSWORD holding that token's secret next to it in ${VARIABLES_PAGE}, or delete CI_DEPLOY_USER.`
      });
    }
    if (given && user.at && !pass.at && pass.blind.length === 0) {
      const v = user.vars.find((x) => !x.hidden && x.value !== null && x.value !== given.token.username);
      if (v) {
        add({
          where: p.fullPath,
          tokenId: given.token.id,
          severity: "error",
          code: "user-without-password",
          parts: m`jobs of ${p.fullPath} get CI_DEPLOY_USER ${q(v.value)} from the CI/CD variable on ${user.at.fullPath} (${scopeOf(v)}) but no CI_DEPLOY_PASSWORD variable: no level defines one, so the password is that of gitlab-deploy-token ${ref(given.token.id)} (${given.token.username}) from ${given.from}, and GitLab accepts a token only with its own username, so their logins fail. Delete CI_DEPLOY_USER in ${VARIABLES_PAGE} so jobs get the token's own pair, or add a masked CI_DEPLOY_PASSWORD holding the secret of the token it names next to it.`
        });
      }
    }
    if (pass.at && !user.at && user.blind.length === 0) {
      const v = pass.vars[0];
      add({
        where: p.fullPath,
        ...given ? { tokenId: given.token.id } : {},
        severity: "warning",
        code: "password-without-user",
        parts: given ? m`jobs of ${p.fullPath} get CI_DEPLOY_PASSWORD from the CI/CD variable on ${pass.at.fullPath} (${scopeOf(v)}) but no CI_DEPLOY_USER variable: the username is that of gitlab-deploy-token ${ref(given.token.id)} (${given.token.username}) from ${given.from}, and the variable overrides its password, so logins fail unless the variable holds exactly that token's secret. A warning, not an error: the audit never reads passwords, so it cannot tell. Delete CI_DEPLOY_PASSWORD in ${VARIABLES_PAGE} so jobs get the token's own, or set CI_DEPLOY_USER next to it.` : m`jobs of ${p.fullPath} get CI_DEPLOY_PASSWORD from the CI/CD variable on ${pass.at.fullPath} (${scopeOf(v)}) but no CI_DEPLOY_USER: no variable defines one and GitLab exposes no gitlab-deploy-token to it, so the password is of no use. A warning, not an error: without it the jobs would have no credentials either. Delete it in ${VARIABLES_PAGE}, or set CI_DEPLOY_USER next to it.`
      });
    }
  }
  findings.sort(
    (a, b) => RANK[a.severity] - RANK[b.severity] || compareCodeUnits(a.where, b.where) || compareCodeUnits(a.code, b.code) || (a.tokenId ?? 0) - (b.tokenId ?? 0)
  );
  return { tokens, findings };
}
function summarise(findings) {
  return {
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
    infos: findings.filter((f) => f.severity === "info").length
  };
}

// src/audit/format.ts
var CONTROL = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
function plain(s) {
  return s.replace(CONTROL, (c) => c === "\n" || c === "\r" || c === "	" ? " " : "?");
}
function mdText(s) {
  return plain(s).replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/([`*_[\]])/g, "\\$1");
}
function mdCode(s) {
  const v = plain(s);
  if (v === "") return '""';
  const longest = Math.max(0, ...(v.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  return `${fence} ${v.replace(/\|/g, "\\|")} ${fence}`;
}
function mdMessage(parts) {
  return parts.map((p) => typeof p === "string" ? mdText(p) : mdCode(p.literal)).join("");
}
var MARKDOWN_MAX_BYTES = 900 * 1024;
var expiry = (t) => t.expiresAt === null ? "never" : formatInstant(new Date(t.expiresAt));
function counts(findings) {
  const s = summarise(findings);
  const n = (k, w) => `${k} ${w}${k === 1 ? "" : "s"}`;
  return `${n(s.errors, "error")}, ${n(s.warnings, "warning")}, ${n(s.infos, "info")}`;
}
function formatJson(r, meta) {
  const out = {
    group: meta.group,
    generatedAt: meta.generatedAt.toISOString(),
    expiringWithinDays: meta.expiringWithinDays,
    tokens: r.tokens.map((t) => ({
      level: t.level,
      owner: t.owner,
      id: t.id,
      name: t.name,
      username: t.username,
      scopes: t.scopes,
      expiresAt: t.expiresAt,
      active: t.active,
      state: t.state
    })),
    findings: r.findings.map((f) => ({
      severity: f.severity,
      code: f.code,
      where: f.where,
      ...f.tokenId === void 0 ? {} : { tokenId: f.tokenId },
      message: f.message
    })),
    summary: summarise(r.findings)
  };
  return `${JSON.stringify(out, (_key, v) => typeof v === "string" ? plain(v) : v, 2)}
`;
}
function table(header, rows) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells) => cells.map((c, i) => i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
  return [line(header), ...rows.map(line)];
}
function formatText(r, meta) {
  const lines = [];
  const holders = new Set(r.tokens.map((t) => t.owner)).size;
  lines.push(
    `Deploy tokens of ${plain(meta.group)} and everything below it, ${formatInstant(meta.generatedAt)}: ${r.tokens.length} token(s) on ${holders} group(s)/project(s)`
  );
  lines.push("");
  if (r.tokens.length === 0) lines.push("  (no deploy tokens)");
  else
    lines.push(
      ...table(
        ["LEVEL", "OWNER", "ID", "NAME", "USERNAME", "SCOPES", "EXPIRES", "STATE"],
        r.tokens.map((t) => [
          t.level,
          plain(t.owner),
          String(t.id),
          plain(t.name),
          plain(t.username),
          plain(t.scopes.join(",")),
          expiry(t),
          t.state
        ])
      ).map((l) => `  ${l}`)
    );
  lines.push("");
  lines.push(`Findings: ${counts(r.findings)}`);
  if (r.findings.length === 0) lines.push("  none");
  for (const f of r.findings) {
    lines.push("");
    lines.push(
      `  ${f.severity.padEnd(7)} ${f.code}  ${plain(f.where)}${f.tokenId === void 0 ? "" : ` #${f.tokenId}`}`
    );
    lines.push(`          ${plain(f.message)}`);
  }
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
  const leftOut = (n, total, what) => [
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
  const tokensOmission = linesBytes(leftOut(r.tokens.length, r.tokens.length, "token rows"));
  const findingsOmission = linesBytes(leftOut(r.findings.length, r.findings.length, "findings"));
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
    if (shown < r.findings.length) push(...leftOut(r.findings.length - shown, r.findings.length, "findings"));
  }
  push(...tokensSection);
  if (r.tokens.length > 0) {
    const shown = rows(
      r.tokens.map(
        (t) => `| ${t.level} | ${mdCode(t.owner)} | ${t.id} | ${mdCode(t.name)} | ${mdCode(t.username)} | ${t.scopes.length === 0 ? "" : mdCode(t.scopes.join(", "))} | ${expiry(t)} | ${t.state} |`
      ),
      tokensOmission
    );
    if (shown < r.tokens.length) push(...leftOut(r.tokens.length - shown, r.tokens.length, "token rows"));
  }
  return `${out.join("\n")}
`;
}
function formatReport(format, r, meta) {
  if (format === "json") return formatJson(r, meta);
  if (format === "markdown") return formatMarkdown(r, meta);
  return formatText(r, meta);
}

// src/audit/options.ts
var AUDIT_FORMATS = ["text", "json", "markdown"];
var NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
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
    throw new UsageError(`--format must be one of ${AUDIT_FORMATS.join(", ")}`, "e.g. --format markdown");
  }
  const expiringWithinDays = parseDays(flags.expiringWithin ?? 30);
  if (expiringWithinDays === void 0) {
    throw new UsageError(
      `--expiring-within must be a number of days, not "${String(flags.expiringWithin).slice(0, 40)}"`,
      "e.g. --expiring-within 14"
    );
  }
  const ephemeralOlderThanMs = parseDuration(flags.ephemeralOlderThan ?? "6h");
  if (ephemeralOlderThanMs === void 0) {
    throw new UsageError(
      `--ephemeral-older-than must be a duration such as 90m, 6h or 2d, not "${String(flags.ephemeralOlderThan).slice(0, 40)}"`,
      "e.g. --ephemeral-older-than 12h"
    );
  }
  const group = (flags.group ?? env.CI_PROJECT_NAMESPACE ?? "").trim().replace(/^\/+|\/+$/g, "");
  if (group === "") {
    throw new UsageError(
      "audit needs --group",
      "name the group to audit by id or full path, e.g. --group tanuki (in a job, $CI_PROJECT_NAMESPACE is the default)"
    );
  }
  const gitlabUrl = normaliseUrl(flags.gitlabUrl ?? env.CI_SERVER_URL ?? "https://gitlab.com");
  const apiTokenEnv = flags.apiTokenEnv ?? "GITLAB_TOKEN";
  if (!NAME_RE.test(apiTokenEnv)) {
    throw new UsageError(
      `--api-token-env "${apiTokenEnv.slice(0, 60)}" is not a variable name`,
      "name the environment variable that holds the API token, e.g. GITLAB_TOKEN"
    );
  }
  const apiToken = env[apiTokenEnv];
  if (!apiToken) {
    throw new UsageError(
      `audit needs a GitLab API token in ${apiTokenEnv}`,
      `create a personal, group or project access token with read_api (Maintainer to list deploy tokens, Owner to read group variables) and put it in ${apiTokenEnv}`
    );
  }
  return { group, gitlabUrl, apiTokenEnv, apiToken, format, expiringWithinDays, ephemeralOlderThanMs };
}

// src/cli/commands/audit.ts
async function runAudit(flags, ctx) {
  const s = auditSettings(flags, ctx.env);
  const { client } = clientFor(s, ctx, "audit");
  const tree = await gatherTree(client, s.group);
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
  return result.findings.some((f) => f.severity === "error") ? ExitCode.No : ExitCode.Ok;
}
export {
  runAudit
};
