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
  shellQuote
} from "./chunk-3WRJZRQ7.js";
import {
  checkProjectRef
} from "./chunk-VHOR7ZN3.js";
import "./chunk-XQ6QCYVK.js";
import {
  safeJson
} from "./chunk-T4ECGMLM.js";
import {
  DEPLOY_TOKEN_SCOPES,
  isScope
} from "./chunk-MD44M7EN.js";
import {
  PermissionError,
  checkPermissions
} from "./chunk-NKKUWKFE.js";
import {
  GITLAB_DEPLOY_TOKEN_NAME,
  createDeployToken,
  deleteDeployToken,
  deleteVariable,
  findDeployToken,
  flagConnection,
  formatInstant,
  getGroup,
  getProject,
  getVariable,
  listDeployTokens,
  listVariables,
  tokenActivity,
  writeVariable
} from "./chunk-CID4WHD4.js";
import {
  maskString
} from "./chunk-IAFBB2HQ.js";
import "./chunk-MYCCQ4L5.js";
import "./chunk-RC75VXCO.js";
import {
  DeployTokenError,
  ExitCode,
  GitLabApiError,
  UsageError
} from "./chunk-NWKT2VDV.js";
import "./chunk-SFJXSL7D.js";

// src/provision/request.ts
var STORES = ["none", "project-variables", "group-variables"];
var MASKABLE = /^[a-zA-Z0-9_+=/@:.~-]{8,}$/;
var USERNAME = /^[a-zA-Z0-9.+_-]+$/;
var DAY_MS = 864e5;
function parseExpiry(flags, now) {
  if (flags.expiresAt !== void 0 && flags.expiresIn !== void 0) {
    throw new UsageError("give --expires-at or --expires-in, not both", "e.g. --expires-in 90");
  }
  if (flags.expiresIn !== void 0) {
    const raw = String(flags.expiresIn).trim();
    if (!/^\d{1,5}$/.test(raw) || Number(raw) < 1 || Number(raw) > 36500) {
      throw new UsageError(
        `--expires-in must be a whole number of days from 1 to 36500, not "${raw.slice(0, 40)}"`,
        "e.g. --expires-in 90"
      );
    }
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    return new Date(today + Number(raw) * DAY_MS).toISOString().slice(0, 10);
  }
  if (flags.expiresAt !== void 0) {
    const raw = String(flags.expiresAt).trim();
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(raw);
    const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(raw);
    const at = dateOnly ? Date.parse(`${raw}T00:00:00Z`) : instant ? Date.parse(raw) : NaN;
    if (Number.isNaN(at) || !realCalendar(raw)) {
      throw new UsageError(
        `--expires-at must be a date (YYYY-MM-DD) or an ISO 8601 instant with a time zone, not "${raw.slice(0, 40)}"`,
        "e.g. --expires-at 2027-01-31 (the token dies at 00:00 UTC that day)"
      );
    }
    if (at <= now.getTime()) {
      throw new UsageError(
        `--expires-at ${raw} is not in the future (a date means 00:00 UTC that day)`,
        "give a later date, or --expires-in DAYS"
      );
    }
    return dateOnly ? raw : new Date(at).toISOString();
  }
  return null;
}
function realCalendar(raw) {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(raw);
  if (!m) return false;
  const [y, mo, d, h = "0", mi = "0", sec = "0"] = m.slice(1);
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  return day.getUTCFullYear() === Number(y) && day.getUTCMonth() === Number(mo) - 1 && day.getUTCDate() === Number(d) && Number(h) < 24 && Number(mi) < 60 && Number(sec) < 60;
}
function parseScopes(raw) {
  if (raw === void 0 || raw.trim() === "") {
    throw new UsageError("provision needs --scopes", `a comma list of: ${DEPLOY_TOKEN_SCOPES.join(", ")}`);
  }
  const scopes = [
    ...new Set(
      raw.split(/[,\s]+/).map((s) => s.trim()).filter(Boolean)
    )
  ];
  if (scopes.length === 0) {
    throw new UsageError("--scopes names no scope", `a comma list of: ${DEPLOY_TOKEN_SCOPES.join(", ")}`);
  }
  for (const s of scopes) {
    if (!isScope(s)) {
      throw new UsageError(
        `--scopes names an unknown deploy-token scope "${s.slice(0, 40)}"`,
        `use a comma list of: ${DEPLOY_TOKEN_SCOPES.join(", ")}`
      );
    }
  }
  return scopes;
}
function parseName(raw) {
  const name = raw ?? GITLAB_DEPLOY_TOKEN_NAME;
  if (name.trim() !== name || name === "" || name.length > 255 || // Control, bidi and zero-width characters: a name that looks like another is not that name.
  // (\p{Cc} control, \p{Cf} format: bidi, zero-width, soft hyphen; line/paragraph separators; fillers.)
  /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u115f\u1160\u180e\u3164\uffa0]/u.test(name)) {
    throw new UsageError(
      "--name must be 1 to 255 characters, without leading or trailing space, control, bidi or zero-width characters",
      `the default is ${GITLAB_DEPLOY_TOKEN_NAME}`
    );
  }
  return name;
}
function checkUsername(username, store) {
  if (!USERNAME.test(username) || username.length > 255) {
    throw new UsageError(
      `--username "${username.slice(0, 60)}" is not a deploy-token username`,
      "GitLab allows letters, digits, '_', '-', '+' and '.' (at most 255); omit it for gitlab+deploy-token-{id}"
    );
  }
  if (store !== "none" && !MASKABLE.test(username)) {
    throw new UsageError(
      `--username "${username.slice(0, 60)}" cannot be stored as a masked variable: GitLab masks only values of 8 characters or more`,
      "choose a username of at least 8 characters, or omit --username (gitlab+deploy-token-{id})"
    );
  }
}
function checkCombinations(flags, level, store) {
  if (flags.protected && store === "none") {
    throw new UsageError(
      "--protected applies to stored variables",
      "add --store group-variables or project-variables"
    );
  }
  const format = flags.format ?? (store === "none" ? "json" : "text");
  if (format !== "text" && format !== "json" && format !== "shell") {
    throw new UsageError(
      `--format must be text, json or shell, not "${String(format).slice(0, 40)}"`,
      "e.g. --format json",
      "--format"
    );
  }
  if (format === "shell" && store !== "none") {
    throw new UsageError(
      "--format shell prints the token as export lines, which only --store none does",
      "add --store none, or use --format text|json for the report",
      "--format"
    );
  }
  if (level === "project" && store === "group-variables") {
    throw new UsageError(
      "a project token stored in group variables would reach every project of the group but log in to one",
      "use --level group --store group-variables (the \u2264 15.0 workaround), or --store project-variables"
    );
  }
  if (flags.group !== void 0 && level === "project") {
    throw new UsageError("--group applies to --level group", "use --project for a project token");
  }
  return format;
}
function parseProvisionFlags(flags, now) {
  const level = flags.level ?? "project";
  if (level !== "project" && level !== "group") {
    throw new UsageError(`--level must be project or group, not "${String(level).slice(0, 40)}"`);
  }
  const store = flags.store ?? "none";
  if (!STORES.includes(store)) {
    throw new UsageError(
      `--store must be one of ${STORES.join(", ")}, not "${String(flags.store).slice(0, 40)}"`,
      "group-variables: the \u2264 15.0 workaround; project-variables; none: print the token once"
    );
  }
  const scopes = parseScopes(flags.scopes);
  const name = parseName(flags.name);
  if (flags.username !== void 0) checkUsername(flags.username, store);
  const format = checkCombinations(flags, level, store);
  const req = {
    level,
    name,
    scopes,
    expiresAt: parseExpiry(flags, now),
    store,
    protected: flags.protected === true,
    rotate: flags.rotate === true,
    dryRun: flags.dryRun === true,
    format
  };
  if (flags.username !== void 0) req.username = flags.username;
  if (flags.project !== void 0) req.project = flags.project;
  if (flags.group !== void 0) req.group = flags.group;
  return req;
}

// src/provision/model.ts
var VARIABLE_KEYS = ["CI_DEPLOY_USER", "CI_DEPLOY_PASSWORD"];
var where = (h) => `${h.level === "groups" ? "group" : "project"} ${h.path}`;
async function readVariable(client, h, key) {
  try {
    return await getVariable(client, h.level, h.id, key, "*");
  } catch (e) {
    if (e instanceof DeployTokenError && e.status === 404) return void 0;
    throw e;
  }
}
function describe(e, secrets = []) {
  if (e instanceof DeployTokenError) {
    const code = e.exitCode === 0 ? 3 : e.exitCode;
    return {
      message: maskString(e.message, secrets),
      ...e.hint ? { hint: maskString(e.hint, secrets) } : {},
      code
    };
  }
  return { message: maskString(e?.message ?? String(e), secrets), code: 3 };
}
function tokenLine(t) {
  return `#${t.id} ${t.name} (${t.username}; ${t.scopes.join(", ")}; ${t.expires_at ? `expires ${shownInstant(t.expires_at)}` : "never expires"})`;
}
var same = (a, b) => (a ?? "env_var") === (b ?? "env_var");
function wantProtected(req, before) {
  return req.protected || before?.protected === true;
}
var newValue = (k, created) => k === "CI_DEPLOY_USER" ? created.username : created.token;
var isHiddenFromUs = (e) => e instanceof GitLabApiError && (e.status === 403 || e.status === 404);
function shownInstant(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : formatInstant(d);
}

// src/provision/already.ts
function offLines(req, user, pass) {
  const off = [];
  for (const [k, v] of [
    ["CI_DEPLOY_USER", user],
    ["CI_DEPLOY_PASSWORD", pass]
  ]) {
    if (!v) continue;
    if (v.masked !== true) off.push(`${k} is not masked`);
    if (!same(v.variable_type, "env_var")) off.push(`${k} is a file variable (jobs get a path)`);
    if (req.protected && v.protected !== true) off.push(`${k} is not protected`);
  }
  return off;
}
function alreadyThere(req, b, log) {
  const { owner, vars, current, snapshot } = b;
  const user = snapshot.get("CI_DEPLOY_USER");
  const pass = snapshot.get("CI_DEPLOY_PASSWORD");
  const match = current.find(
    (t) => t.username === user?.value && req.scopes.every((s) => t.scopes.includes(s))
  );
  const unchanged = current.map((t) => `token ${tokenLine(t)}: unchanged`);
  if (current.length > 1) {
    return {
      exitCode: 1,
      owner,
      state: unchanged,
      error: `${where(owner)} has ${current.length} active deploy tokens named "${req.name}" (${current.map((t) => `#${t.id}`).join(", ")}): which one GitLab gives jobs is unspecified`,
      hint: "run with --rotate: it replaces them all with one new token"
    };
  }
  if (vars && match && user && pass) {
    const off = offLines(req, user, pass);
    if (off.length > 0) {
      return {
        exitCode: 1,
        owner,
        state: [...unchanged, `variables on ${where(vars)}: unchanged`],
        error: `the variables on ${where(vars)} name token #${match.id}, but ${off.join("; ")}`,
        hint: "run with --rotate: it creates a new token and rewrites both variables as asked"
      };
    }
    return provisioned(req, b, match, log);
  }
  return {
    exitCode: 1,
    owner,
    state: unchanged,
    error: `${where(owner)} already has an active deploy token named "${req.name}" (${current.map((t) => `#${t.id}`).join(", ")}); its secret cannot be read again`,
    hint: "run with --rotate to replace it safely (new token, variables, verify, then delete the old one)"
  };
}
function provisioned(req, b, match, log) {
  const vars = b.vars;
  log(
    `already provisioned: token ${tokenLine(match)} on ${where(b.owner)}, named by the variables on ${where(vars)}`
  );
  if (req.expiresAt && match.expires_at?.slice(0, 10) !== req.expiresAt.slice(0, 10))
    log(`its expiry is kept; --expires-* apply to a new token (--rotate replaces it)`);
  return {
    exitCode: 0,
    owner: b.owner,
    state: [`token ${tokenLine(match)}: unchanged`, `variables on ${where(vars)}: unchanged`]
  };
}

// src/provision/create.ts
async function removeOrphans(client, owner, name, before, log) {
  const out = { deleted: [], left: [], unknown: false };
  let found;
  try {
    found = (await listDeployTokens(client, owner.level, owner.id)).filter(
      (x) => x.name === name && !before.has(x.id)
    );
  } catch {
    log(
      `could not check whether GitLab created a token although its answer was lost: \`deploy-token audit\` shows any extra "${name}"`
    );
    return { ...out, unknown: true };
  }
  for (const t of found) {
    try {
      await deleteDeployToken(client, owner.level, owner.id, t.id);
      out.deleted.push(t.id);
      log(`deleted token #${t.id}: GitLab created it, but its answer was lost or unusable`);
    } catch {
      out.left.push(t.id);
    }
  }
  return out;
}
async function createToken(client, req, b, journal, log) {
  const before = new Set(b.all.map((t) => t.id));
  try {
    journal.created = await createDeployToken(client, b.owner.level, b.owner.id, {
      name: req.name,
      scopes: req.scopes,
      ...req.expiresAt ? { expires_at: req.expiresAt } : {},
      ...req.username ? { username: req.username } : {}
    });
  } catch (e) {
    journal.orphans = await removeOrphans(client, b.owner, req.name, before, log);
    throw e;
  }
  log(`created token ${tokenLine(journal.created)} on ${where(b.owner)}`);
  return journal.created;
}
function checkMaskable(created) {
  if (!MASKABLE.test(created.token) || !MASKABLE.test(created.username)) {
    throw new DeployTokenError(
      "GitLab would refuse to mask the new token or its username (masked values: 8+ characters of [a-zA-Z0-9_+=/@:.~-])",
      ExitCode.No,
      "use --store none, or a --username of 8+ such characters"
    );
  }
}
async function storeVariables(client, req, b, created, journal, deps) {
  const vars = b.vars;
  for (const k of VARIABLE_KEYS) {
    const prior = b.snapshot.get(k);
    deps.step(`${prior ? "updating" : "creating"} ${k} on ${where(vars)}`);
    journal.writes.set(k, "unknown");
    await writeVariable(
      client,
      vars.level,
      vars.id,
      {
        key: k,
        value: newValue(k, created),
        // A file variable would hand jobs a path, not the password (GitLab keeps the type unless told).
        variable_type: "env_var",
        masked: true,
        protected: wantProtected(req, prior),
        raw: false,
        environment_scope: "*"
      },
      prior ? "update" : "create"
    );
    journal.writes.set(k, "done");
    deps.log(`${prior ? "updated" : "created"} ${k} on ${where(vars)}`);
  }
}
async function variableProblems(client, req, b, vars, created) {
  const problems = [];
  for (const k of VARIABLE_KEYS) {
    const v = await readVariable(client, vars, k);
    if (!v) problems.push(`${k} is missing on ${where(vars)}`);
    else if (v.value !== newValue(k, created))
      problems.push(`${k} on ${where(vars)} does not hold the new value`);
    else if (v.masked !== true) problems.push(`${k} on ${where(vars)} is not masked`);
    else if (!same(v.variable_type, "env_var")) problems.push(`${k} on ${where(vars)} is a file variable`);
    else if (wantProtected(req, b.snapshot.get(k)) && v.protected !== true)
      problems.push(`${k} on ${where(vars)} is not protected`);
  }
  return problems;
}
async function verify(client, req, b, created, now) {
  const { owner, vars } = b;
  const t = await findDeployToken(client, owner.level, owner.id, created.id);
  if (!t) {
    throw new DeployTokenError(
      `verification failed: token #${created.id} is not among the deploy tokens of ${where(owner)}`,
      ExitCode.GitLab,
      "nothing was deleted; see the state below"
    );
  }
  const problems = [];
  if (!tokenActivity(t, now).active) problems.push(`token #${t.id} is not active`);
  if (t.name !== req.name) problems.push(`token #${t.id} is named "${t.name}"`);
  const missing = req.scopes.filter((s) => !t.scopes.includes(s));
  if (missing.length) problems.push(`token #${t.id} lacks ${missing.join(", ")}`);
  if (vars) problems.push(...await variableProblems(client, req, b, vars, created));
  if (problems.length) {
    throw new DeployTokenError(
      `verification failed: ${problems.join("; ")}`,
      ExitCode.GitLab,
      "nothing was deleted; see the state below"
    );
  }
}

// src/provision/named-elsewhere.ts
async function groupsAbove(client, owner) {
  const chain = [];
  let parent = (await getGroup(client, owner.id)).parent_id;
  for (let i = 0; parent !== null && parent !== void 0 && i < 20; i++) {
    try {
      const g = await getGroup(client, parent);
      chain.push({ level: "groups", id: g.id, path: g.full_path });
      parent = g.parent_id;
    } catch (e) {
      if (isHiddenFromUs(e)) break;
      throw e;
    }
  }
  return chain;
}
async function groupTree(client, owner, add) {
  const chain = await groupsAbove(client, owner);
  const above = chain.map((g) => g.id);
  add(owner, above);
  chain.forEach((g, i) => add(g, above.slice(i + 1)));
  const { groups, projects } = await listGroupTree(client, owner.id);
  const tree = new Map([
    [owner.id, { path: owner.path, parent: void 0 }],
    ...groups.map((g) => [g.id, { path: g.full_path, parent: g.parent_id }])
  ]);
  const upFrom = (id) => {
    const out = [];
    for (let g = id; g !== null && g !== void 0 && tree.has(g) && out.length < 40; g = tree.get(g)?.parent)
      out.push(g);
    return [...out, ...above];
  };
  for (const g of groups) add({ level: "groups", id: g.id, path: g.full_path }, upFrom(g.parent_id));
  for (const p of projects)
    add({ level: "projects", id: p.id, path: p.path_with_namespace }, upFrom(p.namespace.id));
}
async function holdersToCheck(client, owner, project) {
  const holders = [];
  const add = (h, groups) => {
    if (!holders.some((x) => x.h.level === h.level && x.h.id === h.id)) holders.push({ h, groups });
  };
  if (owner.level === "groups") await groupTree(client, owner, add);
  else add(owner, []);
  if (project && !holders.some((x) => x.h.level === "projects" && x.h.id === project.id))
    add(
      { level: "projects", id: project.id, path: project.path_with_namespace },
      project.namespace.kind === "group" ? [project.namespace.id] : []
    );
  return holders;
}
function readLists(client, holders, log) {
  return mapLimit(holders, 4, async (x) => {
    try {
      return { ...x, list: await listVariables(client, x.h.level, x.h.id) };
    } catch (e) {
      if (isHiddenFromUs(e)) {
        log(`could not read the CI/CD variables of ${where(x.h)}: check that none names the old token`);
        return { ...x, list: [] };
      }
      throw e;
    }
  });
}
async function namingVariables(client, lists, current, now, log) {
  const names = new Set(current.map((t) => t.username));
  const oldIds = new Set(current.map((t) => t.id));
  const tokensOf = /* @__PURE__ */ new Map();
  const tokensAt = (level, id) => {
    const k = `${level}:${id}`;
    if (!tokensOf.has(k))
      tokensOf.set(
        k,
        listDeployTokens(client, level, id).catch(() => [])
      );
    return tokensOf.get(k);
  };
  const found = [];
  const lines = [];
  for (const { h, groups, list } of lists) {
    for (const v of list) {
      if (v.key !== "CI_DEPLOY_USER") continue;
      if (v.value === null || v.hidden) {
        log(`CI_DEPLOY_USER on ${where(h)} is hidden: check that it does not name the old token`);
        continue;
      }
      if (!names.has(v.value)) continue;
      const candidates = (await Promise.all([tokensAt(h.level, h.id), ...groups.map((g) => tokensAt("groups", g))])).flat();
      const twin = candidates.find(
        (t) => !oldIds.has(t.id) && t.username === v.value && tokenActivity(t, now).active
      );
      if (twin) {
        log(
          `CI_DEPLOY_USER on ${where(h)} names ${v.value}, which token #${twin.id} there also has: not counted as naming the old token`
        );
        continue;
      }
      lines.push(`CI_DEPLOY_USER on ${where(h)} (environment scope "${v.environment_scope ?? "*"}")`);
      if (!found.includes(h)) found.push(h);
    }
  }
  return { found, lines };
}
function refusal(req, b, found, lines) {
  const { owner, vars, current } = b;
  const only = found.length === 1 && !vars ? found[0] : void 0;
  const store = only && (only.level === "projects" ? req.level === "project" : only.id === owner.id) ? only.level === "groups" ? "group-variables" : "project-variables" : void 0;
  return new DeployTokenError(
    `${lines.slice(0, 10).join(", ")}${lines.length > 10 ? `, and ${lines.length - 10} more` : ""} ${lines.length === 1 ? "names" : "name"} the token this rotation would delete (${current.map((t) => `#${t.id} ${t.username}`).join(", ")}): those jobs would be left with a deleted token`,
    ExitCode.No,
    store ? `store the new token there (--store ${store}), or delete those variables first` : `delete those variables first (Settings > CI/CD > Variables)${vars ? `: this run rewrites only the variables on ${where(vars)}` : ""}; \`deploy-token audit\` lists them`
  );
}
async function refuseIfNamedElsewhere(client, req, b, project, now, log) {
  const { vars } = b;
  const holders = await holdersToCheck(client, b.owner, project);
  const others = holders.filter(({ h }) => !(vars && vars.level === h.level && vars.id === h.id));
  const lists = await readLists(client, others, log);
  const { found, lines } = await namingVariables(client, lists, b.current, now, log);
  if (found.length > 0) throw refusal(req, b, found, lines);
}

// src/provision/recover.ts
async function observe(client, h, k, before, created) {
  try {
    const v = await readVariable(client, h, k);
    if (v === void 0) return before === void 0 ? "old" : "unknown";
    if (before !== void 0 && v.value === before.value && same(v.variable_type, before.variable_type))
      return "old";
    if (created && v.value === newValue(k, created)) return "new";
    return "unknown";
  } catch {
    return "unknown";
  }
}
function keptAfterDelete(b, journal) {
  const state = [
    `new token ${tokenLine(journal.created)}: active, kept${b.vars ? " (the variables name it)" : ""}`
  ];
  for (const t of b.current) {
    state.push(
      journal.deleted.includes(t) ? `old token #${t.id}: deleted` : journal.maybeDeleted.includes(t) ? `old token #${t.id}: MAY BE DELETED (GitLab's answer was lost and asking again failed); the new token is kept${b.vars ? " and the variables name it" : ""}` : `old token #${t.id}: still active (delete it in Settings > Repository > Deploy tokens, or run --rotate again)`
    );
  }
  return state;
}
async function restoreOne(client, h, k, before) {
  if (before) {
    await writeVariable(
      client,
      h.level,
      h.id,
      {
        key: k,
        value: before.value,
        variable_type: before.variable_type === "file" ? "file" : "env_var",
        masked: before.masked === true,
        protected: before.protected === true,
        raw: before.raw === true,
        environment_scope: before.environment_scope ?? "*"
      },
      "update"
    );
    return `${k} on ${where(h)}: restored to its previous value`;
  }
  await deleteVariable(client, h.level, h.id, k, "*");
  return `${k} on ${where(h)}: removed again (it did not exist before)`;
}
async function restoreVariables(client, b, journal, secrets) {
  const state = [];
  const final = /* @__PURE__ */ new Map();
  const h = b.vars;
  for (const k of [...journal.writes.keys()].reverse()) {
    const before = b.snapshot.get(k);
    try {
      state.push(await restoreOne(client, h, k, before));
      final.set(k, "old");
    } catch (e) {
      const now = await observe(client, h, k, before, journal.created);
      final.set(k, now);
      const why = describe(e, secrets).message;
      state.push(
        now === "old" ? `${k} on ${where(h)}: as before (the ${before ? "write" : "creation"} did not apply)` : now === "new" ? `${k} on ${where(h)}: COULD NOT BE RESTORED (${why}); it names the new token` : `${k} on ${where(h)}: COULD NOT BE RESTORED (${why}); what it holds now is unknown`
      );
    }
  }
  for (const k of VARIABLE_KEYS) {
    if (b.vars && !journal.writes.has(k)) state.push(`${k} on ${where(b.vars)}: unchanged`);
  }
  return { state, final };
}
async function settleNewToken(client, b, journal, changed, secrets) {
  const created = journal.created;
  if (created && changed.length > 0) {
    return {
      line: `new token #${created.id}: kept, active (${changed.join(" and ")} may name it; deleting it would leave ${changed.length === 1 ? "that variable" : "them"} naming a deleted token)`,
      kept: true,
      undeleted: false
    };
  }
  if (created) {
    try {
      const r = await deleteDeployToken(client, b.owner.level, b.owner.id, created.id);
      return {
        line: `new token #${created.id}: ${r === "deleted" ? "deleted" : "already gone"}`,
        kept: false,
        undeleted: false
      };
    } catch (e) {
      return {
        line: `new token #${created.id}: COULD NOT BE DELETED (${describe(e, secrets).message}); delete it in Settings > Repository > Deploy tokens`,
        kept: true,
        undeleted: true
      };
    }
  }
  const o = journal.orphans;
  const line = o?.left.length ? `token ${o.left.map((id) => `#${id}`).join(", ")}: created by GitLab although its answer was lost, COULD NOT BE DELETED; delete it in Settings > Repository > Deploy tokens` : o?.unknown ? "a new token may exist (GitLab may have created it although its answer was lost, and the check failed): `deploy-token audit` shows it" : "no new token exists";
  return { line, kept: false, undeleted: false };
}
function verdict(req, b, journal, final, changed, undeleted) {
  const again = `run the same command${req.rotate ? "" : " with --rotate"} again`;
  if (changed.length > 0) {
    return VARIABLE_KEYS.every((k) => final.get(k) === "new") ? `NOT rolled back: both variables name the new token, so jobs get it; ${again} to finish the rotation` : `NOT rolled back: jobs may get mismatched credentials (${changed.join(" and ")} not as before); ${again}: it rewrites both variables to one new token`;
  }
  const extra = undeleted || (journal.orphans?.left.length ?? 0) > 0 || journal.orphans?.unknown === true;
  return b.current.length > 0 ? `rolled back: jobs get the old token, as before${extra ? " (see the extra token above)" : ""}; run the same command again to retry` : `rolled back: ${extra ? "see the token above" : "nothing was created"}; run the same command again to retry`;
}
async function recover(req, client, b, journal, secrets) {
  if (journal.deleted.length > 0 || journal.maybeDeleted.length > 0)
    return { state: keptAfterDelete(b, journal), kept: true };
  const { state, final } = await restoreVariables(client, b, journal, secrets);
  const changed = [...final].filter(([, s]) => s !== "old").map(([k]) => k);
  const token = await settleNewToken(client, b, journal, changed, secrets);
  state.push(token.line);
  for (const t of b.current) state.push(`old token ${tokenLine(t)}: kept, still active`);
  state.push(verdict(req, b, journal, final, changed, token.undeleted));
  return { state, kept: token.kept };
}

// src/provision/rotation.ts
var MaybeDeleted = class extends Error {
  constructor(original) {
    super("the delete may have applied");
    this.original = original;
  }
  original;
};
async function deleteOld(client, owner, old) {
  try {
    return await deleteDeployToken(client, owner.level, owner.id, old.id);
  } catch (e) {
    let found;
    try {
      found = await findDeployToken(client, owner.level, owner.id, old.id);
    } catch {
      const status = e.status;
      if (!(status !== void 0 && status >= 400 && status < 500)) throw new MaybeDeleted(e);
      throw e;
    }
    if (found === void 0) return "gone";
    throw e;
  }
}
async function deleteOldTokens(client, b, journal, deps) {
  for (const old of b.current) {
    deps.step(`deleting the old token #${old.id}`);
    const r = await deleteOld(client, b.owner, old).catch((e) => {
      if (e instanceof MaybeDeleted) journal.maybeDeleted.push(old);
      throw e instanceof MaybeDeleted ? e.original : e;
    });
    journal.deleted.push(old);
    deps.log(`${r === "deleted" ? "deleted" : "already gone:"} old token ${tokenLine(old)}`);
  }
}

// src/provision/state.ts
async function checkRights(client, owner, vars, project, log) {
  const groupNeed = owner.level === "groups" ? owner : vars?.level === "groups" ? vars : void 0;
  const report = await checkPermissions(client, {
    ...project && (owner.level === "projects" || vars?.level === "projects") ? { project } : {},
    ...groupNeed ? { group: { id: groupNeed.id, path: groupNeed.path } } : {},
    purpose: owner.level === "groups" ? "create and delete group deploy tokens (and write group CI/CD variables)" : "create and delete project deploy tokens and write project CI/CD variables"
  });
  for (const l of report.lines) log(`permissions: ${l}`);
  if (!report.ok) throw new PermissionError(report.problems);
}
async function refuseScopedVariables(client, vars) {
  const scoped = (await listVariables(client, vars.level, vars.id)).filter(
    (v) => VARIABLE_KEYS.includes(v.key) && (v.environment_scope ?? "*") !== "*"
  );
  if (scoped.length > 0) {
    throw new DeployTokenError(
      `${where(vars)} also has ${scoped.map((v) => `${v.key} for environment scope "${v.environment_scope ?? ""}"`).join(", ")}: jobs in those environments would keep other credentials, which a rotation can break`,
      ExitCode.No,
      "delete those scoped variables (Settings > CI/CD > Variables), or store elsewhere; deploy-token writes the variables for all environments (*)"
    );
  }
}
function refuseHidden(snapshot, vars) {
  for (const [k, v] of snapshot) {
    if (v?.hidden || v && v.value === null) {
      throw new DeployTokenError(
        `${k} on ${where(vars)} is a hidden variable: its value cannot be read, so it could not be restored if a step failed`,
        ExitCode.No,
        `delete ${k} there (Settings > CI/CD > Variables) and run again; deploy-token writes it masked`
      );
    }
  }
}
async function readBefore(client, req, t, now, log) {
  const { owner, vars } = t;
  await checkRights(client, owner, vars, t.project, log);
  const all = await listDeployTokens(client, owner.level, owner.id);
  const current = all.filter((x) => x.name === req.name && tokenActivity(x, now).active);
  const snapshot = /* @__PURE__ */ new Map();
  if (vars) for (const k of VARIABLE_KEYS) snapshot.set(k, await readVariable(client, vars, k));
  if (vars) await refuseScopedVariables(client, vars);
  refuseHidden(snapshot, vars);
  return { owner, vars, current, all, snapshot };
}

// src/provision/summary.ts
var PROTECTED_NOTE = "protected variables reach only jobs on protected branches and tags; jobs on other refs get neither, so they get the gitlab-deploy-token GitLab itself exposes to them (a project token, or from GitLab 15.1 the direct parent group's), or no deploy credentials at all";
function runSteps(req, b) {
  const { owner, vars, snapshot, current } = b;
  const steps = [
    `create ${owner.level === "groups" ? "group" : "project"} deploy token "${req.name}" on ${where(owner)}: scopes ${req.scopes.join(", ")}, ${req.expiresAt ? `expires ${shownInstant(req.expiresAt)}` : "never expires"}${req.username ? `, username ${req.username}` : ""}`
  ];
  if (vars) {
    for (const k of VARIABLE_KEYS) {
      const before = snapshot.get(k);
      const notes = [
        "masked",
        ...wantProtected(req, before) ? ["protected"] : [],
        "all environments",
        ...before?.protected && !req.protected ? ["stays protected as it was"] : [],
        ...before?.variable_type === "file" ? ["was a file variable: becomes a plain one"] : []
      ];
      steps.push(`${before ? "update" : "create"} ${k} on ${where(vars)} (${notes.join(", ")})`);
    }
  } else steps.push("print the new token once on stdout (it cannot be read again)");
  if (vars && VARIABLE_KEYS.some((k) => wantProtected(req, snapshot.get(k))))
    steps.push(`note: ${PROTECTED_NOTE}`);
  steps.push("verify the new token and what was stored");
  for (const t of current) steps.push(`delete the old token ${tokenLine(t)}`);
  return steps;
}
function runWarnings(req, b, log) {
  if (b.vars && req.protected) log(`protected: ${PROTECTED_NOTE}`);
  if (req.rotate && b.current.length === 0)
    log(`nothing to rotate: ${where(b.owner)} has no active "${req.name}" token; creating one`);
  if (!req.expiresAt)
    log(
      "warning: the token never expires; `deploy-token audit` flags that (use --expires-in DAYS and rotate)"
    );
}
function doneState(req, b, created) {
  const state = [`token ${tokenLine(created)} on ${where(b.owner)}: active (new)`];
  if (b.vars)
    state.push(
      `CI_DEPLOY_USER and CI_DEPLOY_PASSWORD on ${where(b.vars)}: name the new token (masked${wantProtected(req, b.snapshot.get("CI_DEPLOY_USER")) ? ", protected" : ""})`
    );
  for (const t of b.current) state.push(`old token #${t.id}: deleted`);
  return state;
}

// src/provision/targets.ts
async function findProject(client, req) {
  const needProject = req.level === "project" || req.store === "project-variables" || req.group === void 0;
  if (needProject) {
    if (!req.project) {
      throw new UsageError(
        "provision needs a project",
        req.level === "group" ? "pass --group PATH, or --project ID|PATH to use its parent group" : "pass --project ID|PATH (default $CI_PROJECT_ID, then $CI_PROJECT_PATH)"
      );
    }
    return getProject(client, req.project);
  }
  if (req.rotate && req.project) {
    try {
      return await getProject(client, req.project);
    } catch (e) {
      if (!isHiddenFromUs(e)) throw e;
    }
  }
  return void 0;
}
async function findGroup(client, req, project) {
  if (req.level !== "group") return void 0;
  if (req.group !== void 0) {
    const g = await getGroup(client, req.group);
    return { level: "groups", id: g.id, path: g.full_path };
  }
  const p = project;
  if (p.namespace.kind !== "group") {
    throw new UsageError(
      `project ${p.path_with_namespace} is in a user namespace: it has no group`,
      "pass --group PATH, or use --level project"
    );
  }
  return { level: "groups", id: p.namespace.id, path: p.namespace.full_path };
}
function checkGroupAbove(group, project) {
  const ns = project.namespace.full_path;
  if (project.namespace.kind !== "group" || ns !== group.path && !ns.startsWith(`${group.path}/`)) {
    throw new UsageError(
      `group ${group.path} is not above project ${project.path_with_namespace}: its token cannot log in there`,
      `use a group the project is in (${ns}), or --level project`
    );
  }
}
async function findTargets(client, req) {
  const project = await findProject(client, req);
  const projectHolder = project ? { level: "projects", id: project.id, path: project.path_with_namespace } : void 0;
  const groupHolder = await findGroup(client, req, project);
  if (groupHolder && project && req.store === "project-variables") checkGroupAbove(groupHolder, project);
  const owner = req.level === "group" ? groupHolder : projectHolder;
  const vars = req.store === "project-variables" ? projectHolder : req.store === "group-variables" ? groupHolder : void 0;
  return { owner, ...vars ? { vars } : {}, ...project ? { project } : {} };
}

// src/provision/run.ts
async function runProvision(req, deps) {
  try {
    return await provision(req, deps);
  } catch (e) {
    const d = describe(e);
    return {
      exitCode: d.code,
      state: ["nothing was changed"],
      error: d.message,
      ...d.hint ? { hint: d.hint } : {}
    };
  }
}
async function provision(req, deps) {
  const { client, log } = deps;
  const now = deps.now();
  const targets = await findTargets(client, req);
  const before = await readBefore(client, req, targets, now, log);
  const { owner, current } = before;
  if (current.length > 0 && !req.rotate) return alreadyThere(req, before, log);
  if (current.length > 0) await refuseIfNamedElsewhere(client, req, before, targets.project, now, log);
  const steps = runSteps(req, before);
  runWarnings(req, before, log);
  if (req.dryRun) {
    return {
      exitCode: 0,
      owner,
      state: ["nothing changed (dry run)"],
      dryRunSteps: steps.map((s) => `would ${s}`)
    };
  }
  return change(req, deps, before);
}
async function change(req, deps, b) {
  const { client, log } = deps;
  const { owner, vars, current, snapshot } = b;
  const journal = { writes: /* @__PURE__ */ new Map(), deleted: [], maybeDeleted: [] };
  const secrets = () => [
    ...journal.created ? [journal.created.token] : [],
    ...snapshot.get("CI_DEPLOY_PASSWORD")?.value ? [snapshot.get("CI_DEPLOY_PASSWORD")?.value] : []
  ];
  let step = "creating the new token";
  const io = { log, step: (s) => void (step = s) };
  try {
    const created = await createToken(client, req, b, journal, log);
    if (vars) {
      step = "checking that the new token can be masked";
      checkMaskable(created);
      await storeVariables(client, req, b, created, journal, io);
    }
    step = "verifying";
    await verify(client, req, b, created, deps.now());
    log(
      `verified: the new token is active with the scopes asked${vars ? ", and the variables hold it" : ""}`
    );
    await deleteOldTokens(client, b, journal, io);
    if (current.length > 0 && owner.level === "groups") {
      log(
        `check that no project or subgroup variable still names the old token: deploy-token audit --group ${owner.path}`
      );
    }
    return { exitCode: 0, created, owner, state: doneState(req, b, created) };
  } catch (e) {
    const d = describe(e, secrets());
    const { state, kept } = await recover(req, client, b, journal, secrets());
    return {
      exitCode: d.code,
      owner,
      state,
      // A kept token is handed on (with --store none its secret exists nowhere else).
      ...kept && journal.created ? { created: journal.created } : {},
      error: `failed while ${step}: ${d.message}`,
      ...d.hint ? { hint: d.hint } : {}
    };
  }
}

// src/cli/commands/provision.ts
async function runProvisionCommand(flags, ctx) {
  if (flags.project !== void 0) checkProjectRef(flags.project, "--project");
  if (flags.group !== void 0) checkProjectRef(flags.group, "--group");
  const req = parseProvisionFlags(
    { ...flags, ...flags.project === void 0 ? projectFromEnv(ctx) : {} },
    ctx.now()
  );
  const client = clientFor(flagConnection(flags, ctx.env), ctx, "provision");
  const log = (l) => ctx.stderr.write(`deploy-token: ${l}
`);
  const out = await runProvision(req, { client, now: ctx.now, log });
  if (out.created) ctx.scrubber.add(out.created.token, { username: out.created.username });
  if (out.error) {
    ctx.stderr.write(`deploy-token: error: ${out.error}
`);
    if (out.hint) ctx.stderr.write(`  hint: ${out.hint}
`);
  }
  ctx.stderr.write(`deploy-token: state${out.exitCode === 0 ? "" : " left"}:
`);
  for (const s of out.state) ctx.stderr.write(`  ${s}
`);
  if (req.format === "json") return provisionJson(out, req, ctx);
  for (const s of out.dryRunSteps ?? []) ctx.stdout.write(`${s}
`);
  if (out.created && req.store === "none") {
    const c = out.created;
    printedOnce(ctx, c.token);
    ctx.payload.write(
      `export CI_DEPLOY_USER=${shellQuote(c.username)}
export CI_DEPLOY_PASSWORD=${shellQuote(c.token)}
`
    );
    ctx.stderr.write("deploy-token: the token was printed once on stdout; GitLab will not show it again\n");
  }
  return out.exitCode;
}
function printedOnce(ctx, token) {
  if (token !== void 0 && ctx.env.GITHUB_ACTIONS === "true") ctx.command("add-mask", token);
  if (ctx.env.GITLAB_CI === "true") {
    ctx.stderr.write(
      'deploy-token: warning: GitLab cannot mask a value printed at run time: capture stdout (eval "$(deploy-token provision \u2026 --format shell)") or use --store group-variables|project-variables, or the token is in the job log\n'
    );
  }
}
function provisionJson(out, req, ctx) {
  const c = out.created;
  const once = c !== void 0 && req.store === "none";
  if (once) printedOnce(ctx, c.token);
  const report = {
    ...c ? {
      id: c.id,
      name: c.name,
      username: c.username,
      ...once ? { token: c.token } : {},
      expires_at: c.expires_at,
      scopes: c.scopes
    } : {},
    level: out.owner?.level === "groups" ? "group" : req.level,
    owner: out.owner?.path ?? null,
    ...out.dryRunSteps ? { dry_run_steps: out.dryRunSteps } : {},
    state: out.state,
    ...out.error ? { error: { message: out.error, hint: out.hint ?? null, source: null } } : {},
    exit_code: out.exitCode
  };
  (once ? ctx.payload : ctx.stdout).write(`${safeJson(report)}
`);
  if (once)
    ctx.stderr.write("deploy-token: the token was printed once on stdout; GitLab will not show it again\n");
  return out.exitCode;
}
function projectFromEnv(ctx) {
  const p = ctx.env.CI_PROJECT_ID || ctx.env.CI_PROJECT_PATH;
  return p ? { project: p } : {};
}
export {
  runProvisionCommand
};
