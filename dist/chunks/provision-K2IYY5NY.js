import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  maskString
} from "./chunk-MBTZR6UO.js";
import {
  MASKABLE,
  mapLimit,
  parseProvisionFlags
} from "./chunk-V6XWA6D6.js";
import {
  clientFor
} from "./chunk-7C6V7UI5.js";
import {
  shellQuote
} from "./chunk-3WRJZRQ7.js";
import "./chunk-G3DM6G4G.js";
import "./chunk-FJEDMX6I.js";
import "./chunk-4YG5LHE6.js";
import {
  PermissionError,
  checkPermissions
} from "./chunk-7TLYVLNA.js";
import {
  createDeployToken,
  deleteDeployToken,
  deleteVariable,
  getDeployToken,
  getGroup,
  getProject,
  getVariable,
  listDeployTokens,
  listDescendantGroups,
  listGroupProjects,
  listVariables,
  tokenActivity,
  writeVariable
} from "./chunk-W3LW53PW.js";
import {
  DeployTokenError,
  ExitCode,
  GitLabApiError,
  UsageError
} from "./chunk-XSTXBMLW.js";
import "./chunk-SFJXSL7D.js";

// src/provision/run.ts
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
    let code = e.exitCode === 0 ? 3 : e.exitCode;
    if (e instanceof GitLabApiError && (e.status === 401 || e.status === 403)) code = 1;
    return {
      message: maskString(e.message, secrets),
      ...e.hint ? { hint: maskString(e.hint, secrets) } : {},
      code
    };
  }
  return { message: maskString(e?.message ?? String(e), secrets), code: 3 };
}
function tokenLine(t) {
  return `#${t.id} ${t.name} (${t.username}; ${t.scopes.join(", ")}; ${t.expires_at ? `expires ${t.expires_at}` : "never expires"})`;
}
async function targets(client, req) {
  const needProject = req.level === "project" || req.store === "project-variables" || req.group === void 0;
  let project;
  if (needProject) {
    if (!req.project) {
      throw new UsageError(
        "provision needs a project",
        req.level === "group" ? "pass --group PATH, or --project ID|PATH to use its parent group" : "pass --project ID|PATH (default $CI_PROJECT_ID, then $CI_PROJECT_PATH)"
      );
    }
    project = await getProject(client, req.project);
  } else if (req.rotate && req.project) {
    try {
      project = await getProject(client, req.project);
    } catch (e) {
      if (!(e instanceof GitLabApiError && (e.status === 403 || e.status === 404))) throw e;
    }
  }
  const projectHolder = project ? { level: "projects", id: project.id, path: project.path_with_namespace } : void 0;
  let groupHolder;
  if (req.level === "group") {
    if (req.group !== void 0) {
      const g = await getGroup(client, req.group);
      groupHolder = { level: "groups", id: g.id, path: g.full_path };
    } else {
      const ns = project.namespace;
      if (ns.kind !== "group") {
        throw new UsageError(
          `project ${project.path_with_namespace} is in a user namespace: it has no group`,
          "pass --group PATH, or use --level project"
        );
      }
      groupHolder = { level: "groups", id: ns.id, path: ns.full_path };
    }
  }
  if (groupHolder && project && req.store === "project-variables") {
    const ns = project.namespace.full_path;
    if (project.namespace.kind !== "group" || ns !== groupHolder.path && !ns.startsWith(`${groupHolder.path}/`)) {
      throw new UsageError(
        `group ${groupHolder.path} is not above project ${project.path_with_namespace}: its token cannot log in there`,
        `use a group the project is in (${ns}), or --level project`
      );
    }
  }
  const owner = req.level === "group" ? groupHolder : projectHolder;
  const vars = req.store === "project-variables" ? projectHolder : req.store === "group-variables" ? groupHolder : void 0;
  return { owner, ...vars ? { vars } : {}, ...project ? { project } : {} };
}
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
var same = (a, b) => (a ?? "env_var") === (b ?? "env_var");
async function provision(req, deps) {
  const { client, log } = deps;
  const now = deps.now();
  const { owner, vars, project } = await targets(client, req);
  const groupNeed = owner.level === "groups" ? owner : vars?.level === "groups" ? vars : void 0;
  const report = await checkPermissions(client, {
    ...project && (owner.level === "projects" || vars?.level === "projects") ? { project } : {},
    ...groupNeed ? { group: { id: groupNeed.id, path: groupNeed.path } } : {},
    purpose: owner.level === "groups" ? "create and delete group deploy tokens (and write group CI/CD variables)" : "create and delete project deploy tokens and write project CI/CD variables"
  });
  for (const l of report.lines) log(`permissions: ${l}`);
  if (!report.ok) throw new PermissionError(report.problems);
  const all = await listDeployTokens(client, owner.level, owner.id);
  const current = all.filter((t) => t.name === req.name && tokenActivity(t, now).active);
  const snapshot = /* @__PURE__ */ new Map();
  if (vars) for (const k of VARIABLE_KEYS) snapshot.set(k, await readVariable(client, vars, k));
  if (vars) {
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
  for (const [k, v] of snapshot) {
    if (v?.hidden || v && v.value === null) {
      throw new DeployTokenError(
        `${k} on ${where(vars)} is a hidden variable: its value cannot be read, so it could not be restored if a step failed`,
        ExitCode.No,
        `delete ${k} there (Settings > CI/CD > Variables) and run again; deploy-token writes it masked`
      );
    }
  }
  if (current.length > 0 && !req.rotate) return alreadyThere(req, owner, vars, current, snapshot, log);
  if (current.length > 0) await refuseIfNamedElsewhere(client, req, owner, vars, project, current, log, now);
  const plan = [
    `create ${owner.level === "groups" ? "group" : "project"} deploy token "${req.name}" on ${where(owner)}: scopes ${req.scopes.join(", ")}, ${req.expiresAt ? `expires ${req.expiresAt}` : "never expires"}${req.username ? `, username ${req.username}` : ""}`
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
      plan.push(`${before ? "update" : "create"} ${k} on ${where(vars)} (${notes.join(", ")})`);
    }
  } else plan.push("print the new token once on stdout (it cannot be read again)");
  plan.push("verify the new token and what was stored");
  for (const t of current) plan.push(`delete the old token ${tokenLine(t)}`);
  if (req.rotate && current.length === 0)
    log(`nothing to rotate: ${where(owner)} has no active "${req.name}" token; creating one`);
  if (!req.expiresAt)
    log(
      "warning: the token never expires; `deploy-token audit` flags that (use --expires-in DAYS and rotate)"
    );
  if (req.dryRun) {
    return { exitCode: 0, owner, state: ["nothing changed (dry run)"], plan: plan.map((p) => `would ${p}`) };
  }
  const journal = { writes: /* @__PURE__ */ new Map(), deleted: [], maybeDeleted: [] };
  const secrets = () => [
    ...journal.created ? [journal.created.token] : [],
    ...snapshot.get("CI_DEPLOY_PASSWORD")?.value ? [snapshot.get("CI_DEPLOY_PASSWORD")?.value] : []
  ];
  let step = "creating the new token";
  try {
    const before = new Set(all.map((t) => t.id));
    try {
      journal.created = await createDeployToken(client, owner.level, owner.id, {
        name: req.name,
        scopes: req.scopes,
        ...req.expiresAt ? { expires_at: req.expiresAt } : {},
        ...req.username ? { username: req.username } : {}
      });
    } catch (e) {
      journal.orphans = await removeOrphans(client, owner, req.name, before, log);
      throw e;
    }
    const created = journal.created;
    log(`created token ${tokenLine(created)} on ${where(owner)}`);
    if (vars) {
      step = "checking that the new token can be masked";
      if (!MASKABLE.test(created.token) || !MASKABLE.test(created.username)) {
        throw new DeployTokenError(
          "GitLab would refuse to mask the new token or its username (masked values: 8+ characters of [a-zA-Z0-9_+=/@:.~-])",
          ExitCode.No,
          "use --store none, or a --username of 8+ such characters"
        );
      }
      for (const k of VARIABLE_KEYS) {
        const prior = snapshot.get(k);
        step = `${prior ? "updating" : "creating"} ${k} on ${where(vars)}`;
        journal.writes.set(k, "unknown");
        await writeVariable(
          client,
          vars.level,
          vars.id,
          {
            key: k,
            value: k === "CI_DEPLOY_USER" ? created.username : created.token,
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
        log(`${prior ? "updated" : "created"} ${k} on ${where(vars)}`);
      }
    }
    step = "verifying";
    await verify(client, owner, vars, created, req, snapshot, deps.now());
    log(
      `verified: the new token is active with the scopes asked${vars ? ", and the variables hold it" : ""}`
    );
    for (const old of current) {
      step = `deleting the old token #${old.id}`;
      const r = await deleteOld(client, owner, old).catch((e) => {
        if (e instanceof MaybeDeleted) journal.maybeDeleted.push(old);
        throw e instanceof MaybeDeleted ? e.original : e;
      });
      journal.deleted.push(old);
      log(`${r === "deleted" ? "deleted" : "already gone:"} old token ${tokenLine(old)}`);
    }
    const state = [`token ${tokenLine(created)} on ${where(owner)}: active (new)`];
    if (vars)
      state.push(
        `CI_DEPLOY_USER and CI_DEPLOY_PASSWORD on ${where(vars)}: name the new token (masked${wantProtected(req, snapshot.get("CI_DEPLOY_USER")) ? ", protected" : ""})`
      );
    for (const t of current) state.push(`old token #${t.id}: deleted`);
    if (current.length > 0 && owner.level === "groups") {
      log(
        `check that no project or subgroup variable still names the old token: deploy-token audit --group ${owner.path}`
      );
    }
    return { exitCode: 0, created, owner, state };
  } catch (e) {
    const d = describe(e, secrets());
    const { state, kept } = await recover(req, client, owner, vars, current, snapshot, journal, secrets());
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
function wantProtected(req, before) {
  return req.protected || before?.protected === true;
}
function alreadyThere(req, owner, vars, current, snapshot, log) {
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
    const off = [];
    for (const [k, v] of [
      ["CI_DEPLOY_USER", user],
      ["CI_DEPLOY_PASSWORD", pass]
    ]) {
      if (v.masked !== true) off.push(`${k} is not masked`);
      if (!same(v.variable_type, "env_var")) off.push(`${k} is a file variable (jobs get a path)`);
      if (req.protected && v.protected !== true) off.push(`${k} is not protected`);
    }
    if (off.length > 0) {
      return {
        exitCode: 1,
        owner,
        state: [...unchanged, `variables on ${where(vars)}: unchanged`],
        error: `the variables on ${where(vars)} name token #${match.id}, but ${off.join("; ")}`,
        hint: "run with --rotate: it creates a new token and rewrites both variables as asked"
      };
    }
    log(
      `already provisioned: token ${tokenLine(match)} on ${where(owner)}, named by the variables on ${where(vars)}`
    );
    if (req.expiresAt && match.expires_at?.slice(0, 10) !== req.expiresAt.slice(0, 10))
      log(`its expiry is kept; --expires-* apply to a new token (--rotate replaces it)`);
    return {
      exitCode: 0,
      owner,
      state: [`token ${tokenLine(match)}: unchanged`, `variables on ${where(vars)}: unchanged`]
    };
  }
  return {
    exitCode: 1,
    owner,
    state: unchanged,
    error: `${where(owner)} already has an active deploy token named "${req.name}" (${current.map((t) => `#${t.id}`).join(", ")}); its secret cannot be read again`,
    hint: "run with --rotate to replace it safely (new token, variables, verify, then delete the old one)"
  };
}
async function refuseIfNamedElsewhere(client, req, owner, vars, project, current, log, now) {
  const holders = [];
  const add = (h, groups) => {
    if (!holders.some((x) => x.h.level === h.level && x.h.id === h.id)) holders.push({ h, groups });
  };
  let above = [];
  if (owner.level === "groups") {
    const chain = [];
    let parent = (await getGroup(client, owner.id)).parent_id;
    for (let i = 0; parent !== null && parent !== void 0 && i < 20; i++) {
      try {
        const g = await getGroup(client, parent);
        chain.push({ level: "groups", id: g.id, path: g.full_path });
        parent = g.parent_id;
      } catch (e) {
        if (e instanceof GitLabApiError && (e.status === 403 || e.status === 404)) break;
        throw e;
      }
    }
    above = chain.map((g) => g.id);
    add(owner, above);
    chain.forEach((g, i) => add(g, above.slice(i + 1)));
    const [groups, projects] = await Promise.all([
      listDescendantGroups(client, owner.id),
      listGroupProjects(client, owner.id, { includeSubgroups: true })
    ]);
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
      if (p.namespace.kind === "group" && tree.has(p.namespace.id))
        add({ level: "projects", id: p.id, path: p.path_with_namespace }, upFrom(p.namespace.id));
  } else add(owner, []);
  if (project && !holders.some((x) => x.h.level === "projects" && x.h.id === project.id))
    add(
      { level: "projects", id: project.id, path: project.path_with_namespace },
      project.namespace.kind === "group" ? [project.namespace.id] : []
    );
  const names = new Set(current.map((t) => t.username));
  const oldIds = new Set(current.map((t) => t.id));
  const others = holders.filter(({ h }) => !(vars && vars.level === h.level && vars.id === h.id));
  const lists = await mapLimit(others, 4, async (x) => {
    try {
      return { ...x, list: await listVariables(client, x.h.level, x.h.id) };
    } catch (e) {
      if (e instanceof GitLabApiError && (e.status === 403 || e.status === 404)) {
        log(`could not read the CI/CD variables of ${where(x.h)}: check that none names the old token`);
        return { ...x, list: [] };
      }
      throw e;
    }
  });
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
  if (found.length === 0) return;
  const only = found.length === 1 && !vars ? found[0] : void 0;
  const store = only && (only.level === "projects" ? req.level === "project" : only.id === owner.id) ? only.level === "groups" ? "group-variables" : "project-variables" : void 0;
  throw new DeployTokenError(
    `${lines.slice(0, 10).join(", ")}${lines.length > 10 ? `, and ${lines.length - 10} more` : ""} ${lines.length === 1 ? "names" : "name"} the token this rotation would delete (${current.map((t) => `#${t.id} ${t.username}`).join(", ")}): those jobs would be left with a deleted token`,
    ExitCode.No,
    store ? `store the new token there (--store ${store}), or delete those variables first` : `delete those variables first (Settings > CI/CD > Variables)${vars ? `: this run rewrites only the variables on ${where(vars)}` : ""}; \`deploy-token audit\` lists them`
  );
}
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
async function verify(client, owner, vars, created, req, snapshot, now) {
  const t = await getDeployToken(client, owner.level, owner.id, created.id);
  const problems = [];
  if (!tokenActivity(t, now).active) problems.push(`token #${t.id} is not active`);
  if (t.name !== req.name) problems.push(`token #${t.id} is named "${t.name}"`);
  const missing = req.scopes.filter((s) => !t.scopes.includes(s));
  if (missing.length) problems.push(`token #${t.id} lacks ${missing.join(", ")}`);
  if (vars) {
    for (const k of VARIABLE_KEYS) {
      const v = await readVariable(client, vars, k);
      const want = k === "CI_DEPLOY_USER" ? created.username : created.token;
      if (!v) problems.push(`${k} is missing on ${where(vars)}`);
      else if (v.value !== want) problems.push(`${k} on ${where(vars)} does not hold the new value`);
      else if (v.masked !== true) problems.push(`${k} on ${where(vars)} is not masked`);
      else if (!same(v.variable_type, "env_var")) problems.push(`${k} on ${where(vars)} is a file variable`);
      else if (wantProtected(req, snapshot.get(k)) && v.protected !== true)
        problems.push(`${k} on ${where(vars)} is not protected`);
    }
  }
  if (problems.length) {
    throw new DeployTokenError(
      `verification failed: ${problems.join("; ")}`,
      ExitCode.GitLab,
      "nothing was deleted; see the state below"
    );
  }
}
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
    try {
      await getDeployToken(client, owner.level, owner.id, old.id);
    } catch (g) {
      if (g.status === 404) return "gone";
      const status = e.status;
      if (!(status !== void 0 && status >= 400 && status < 500)) throw new MaybeDeleted(e);
    }
    throw e;
  }
}
async function observe(client, h, k, before, created) {
  try {
    const v = await readVariable(client, h, k);
    if (v === void 0) return before === void 0 ? "old" : "unknown";
    if (before !== void 0 && v.value === before.value && same(v.variable_type, before.variable_type))
      return "old";
    if (created && v.value === (k === "CI_DEPLOY_USER" ? created.username : created.token)) return "new";
    return "unknown";
  } catch {
    return "unknown";
  }
}
async function recover(req, client, owner, vars, current, snapshot, journal, secrets) {
  const state = [];
  const created = journal.created;
  if (journal.deleted.length > 0 || journal.maybeDeleted.length > 0) {
    state.push(
      `new token ${tokenLine(created)}: active, kept${vars ? " (the variables name it)" : ""}`
    );
    for (const t of current) {
      state.push(
        journal.deleted.includes(t) ? `old token #${t.id}: deleted` : journal.maybeDeleted.includes(t) ? `old token #${t.id}: MAY BE DELETED (GitLab's answer was lost and asking again failed); the new token is kept${vars ? " and the variables name it" : ""}` : `old token #${t.id}: still active (delete it in Settings > Repository > Deploy tokens, or run --rotate again)`
      );
    }
    return { state, kept: true };
  }
  const final = /* @__PURE__ */ new Map();
  for (const k of [...journal.writes.keys()].reverse()) {
    const h = vars;
    const before = snapshot.get(k);
    try {
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
        state.push(`${k} on ${where(h)}: restored to its previous value`);
      } else {
        await deleteVariable(client, h.level, h.id, k, "*");
        state.push(`${k} on ${where(h)}: removed again (it did not exist before)`);
      }
      final.set(k, "old");
    } catch (e) {
      const now = await observe(client, h, k, before, created);
      final.set(k, now);
      const why = describe(e, secrets).message;
      state.push(
        now === "old" ? `${k} on ${where(h)}: as before (the ${before ? "write" : "creation"} did not apply)` : now === "new" ? `${k} on ${where(h)}: COULD NOT BE RESTORED (${why}); it names the new token` : `${k} on ${where(h)}: COULD NOT BE RESTORED (${why}); what it holds now is unknown`
      );
    }
  }
  for (const k of VARIABLE_KEYS) {
    if (vars && !journal.writes.has(k)) state.push(`${k} on ${where(vars)}: unchanged`);
  }
  const changed = [...final].filter(([, s]) => s !== "old").map(([k]) => k);
  let kept = false;
  let undeleted = false;
  if (created && changed.length > 0) {
    kept = true;
    state.push(
      `new token #${created.id}: kept, active (${changed.join(" and ")} may name it; deleting it would leave ${changed.length === 1 ? "that variable" : "them"} naming a deleted token)`
    );
  } else if (created) {
    try {
      const r = await deleteDeployToken(client, owner.level, owner.id, created.id);
      state.push(`new token #${created.id}: ${r === "deleted" ? "deleted" : "already gone"}`);
    } catch (e) {
      kept = true;
      undeleted = true;
      state.push(
        `new token #${created.id}: COULD NOT BE DELETED (${describe(e, secrets).message}); delete it in Settings > Repository > Deploy tokens`
      );
    }
  } else {
    const o = journal.orphans;
    if (o?.left.length)
      state.push(
        `token ${o.left.map((id) => `#${id}`).join(", ")}: created by GitLab although its answer was lost, COULD NOT BE DELETED; delete it in Settings > Repository > Deploy tokens`
      );
    else if (o?.unknown)
      state.push(
        "a new token may exist (GitLab may have created it although its answer was lost, and the check failed): `deploy-token audit` shows it"
      );
    else state.push("no new token exists");
  }
  for (const t of current) state.push(`old token ${tokenLine(t)}: kept, still active`);
  if (changed.length > 0) {
    const allNew = VARIABLE_KEYS.every((k) => final.get(k) === "new");
    state.push(
      allNew ? `NOT rolled back: both variables name the new token, so jobs get it; run the same command${req.rotate ? "" : " with --rotate"} again to finish the rotation` : `NOT rolled back: jobs may get mismatched credentials (${changed.join(" and ")} not as before); run the same command${req.rotate ? "" : " with --rotate"} again: it rewrites both variables to one new token`
    );
  } else {
    const extra = undeleted || (journal.orphans?.left.length ?? 0) > 0 || journal.orphans?.unknown === true;
    state.push(
      current.length > 0 ? `rolled back: jobs get the old token, as before${extra ? " (see the extra token above)" : ""}; run the same command again to retry` : `rolled back: ${extra ? "see the token above" : "nothing was created"}; run the same command again to retry`
    );
  }
  return { state, kept };
}

// src/cli/commands/provision.ts
async function runProvisionCommand(flags, ctx) {
  const req = parseProvisionFlags(
    { ...flags, ...flags.project === void 0 ? projectFromEnv(ctx) : {} },
    ctx.now()
  );
  const { client } = clientFor(flags, ctx, "provision");
  const log = (l) => ctx.stderr.write(`deploy-token: ${l}
`);
  const out = await runProvision(req, { client, now: ctx.now, log });
  if (out.error) {
    ctx.stderr.write(`deploy-token: error: ${out.error}
`);
    if (out.hint) ctx.stderr.write(`  hint: ${out.hint}
`);
  }
  for (const p of out.plan ?? []) ctx.stdout.write(`${p}
`);
  ctx.stderr.write(`deploy-token: state${out.exitCode === 0 ? "" : " left"}:
`);
  for (const s of out.state) ctx.stderr.write(`  ${s}
`);
  if (out.created && req.store === "none") {
    const c = out.created;
    if (ctx.env.GITHUB_ACTIONS === "true") ctx.stdout.write(`::add-mask::${c.token}
`);
    if (ctx.env.GITLAB_CI === "true") {
      ctx.stderr.write(
        'deploy-token: warning: GitLab cannot mask a value printed at run time: capture stdout (eval "$(deploy-token provision \u2026 --format shell)") or use --store group-variables|project-variables, or the token is in the job log\n'
      );
    }
    if (req.format === "shell") {
      ctx.stdout.write(
        `export CI_DEPLOY_USER=${shellQuote(c.username)}
export CI_DEPLOY_PASSWORD=${shellQuote(c.token)}
`
      );
    } else {
      ctx.stdout.write(
        `${JSON.stringify({
          id: c.id,
          name: c.name,
          username: c.username,
          token: c.token,
          expires_at: c.expires_at,
          scopes: c.scopes,
          level: out.owner?.level === "groups" ? "group" : "project",
          owner: out.owner?.path
        })}
`
      );
    }
    ctx.stderr.write("deploy-token: the token was printed once on stdout; GitLab will not show it again\n");
  }
  return out.exitCode;
}
function projectFromEnv(ctx) {
  const p = ctx.env.CI_PROJECT_ID || ctx.env.CI_PROJECT_PATH;
  return p ? { project: p } : {};
}
export {
  runProvisionCommand
};
