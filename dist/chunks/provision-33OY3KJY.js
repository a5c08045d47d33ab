import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  clientFor
} from "./chunk-3CBJXPK4.js";
import {
  shellQuote
} from "./chunk-3WRJZRQ7.js";
import "./chunk-FJEDMX6I.js";
import "./chunk-MS3PQTP7.js";
import {
  PermissionError,
  checkPermissions
} from "./chunk-JS6S37IK.js";
import {
  GITLAB_DEPLOY_TOKEN_NAME,
  createDeployToken,
  deleteDeployToken,
  deleteVariable,
  getDeployToken,
  getGroup,
  getProject,
  getVariable,
  listDeployTokens,
  listVariables,
  tokenActivity,
  writeVariable
} from "./chunk-T7ZD4NLQ.js";
import {
  DeployTokenError,
  ExitCode,
  UsageError
} from "./chunk-XSTXBMLW.js";
import "./chunk-37K7DFDN.js";

// src/provision/request.ts
var DEPLOY_TOKEN_SCOPES = [
  "read_repository",
  "read_registry",
  "write_registry",
  "read_package_registry",
  "write_package_registry",
  "read_virtual_registry",
  "write_virtual_registry"
];
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
    if (Number.isNaN(at) || dateOnly && new Date(at).toISOString().slice(0, 10) !== raw) {
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
  if (flags.scopes === void 0 || flags.scopes.trim() === "") {
    throw new UsageError("provision needs --scopes", `a comma list of: ${DEPLOY_TOKEN_SCOPES.join(", ")}`);
  }
  const scopes = [
    ...new Set(
      flags.scopes.split(/[,\s]+/).map((s) => s.trim()).filter(Boolean)
    )
  ];
  for (const s of scopes) {
    if (!DEPLOY_TOKEN_SCOPES.includes(s)) {
      throw new UsageError(
        `--scopes names an unknown deploy-token scope "${s.slice(0, 40)}"`,
        `use a comma list of: ${DEPLOY_TOKEN_SCOPES.join(", ")}`
      );
    }
  }
  const name = flags.name ?? GITLAB_DEPLOY_TOKEN_NAME;
  if (name.trim() === "" || name.length > 255 || /[\u0000-\u001f\u007f-\u009f]/.test(name)) {
    throw new UsageError(
      "--name must be 1 to 255 characters without control characters",
      `the default is ${GITLAB_DEPLOY_TOKEN_NAME}`
    );
  }
  if (flags.username !== void 0) {
    if (!USERNAME.test(flags.username) || flags.username.length > 255) {
      throw new UsageError(
        `--username "${flags.username.slice(0, 60)}" is not a deploy-token username`,
        "GitLab allows letters, digits, '_', '-', '+' and '.' (at most 255); omit it for gitlab+deploy-token-{id}"
      );
    }
    if (store !== "none" && !MASKABLE.test(flags.username)) {
      throw new UsageError(
        `--username "${flags.username.slice(0, 60)}" cannot be stored as a masked variable: GitLab masks only values of 8 characters or more`,
        "choose a username of at least 8 characters, or omit --username (gitlab+deploy-token-{id})"
      );
    }
  }
  if (flags.protected && store === "none") {
    throw new UsageError(
      "--protected applies to stored variables",
      "add --store group-variables or project-variables"
    );
  }
  const format = flags.format ?? "json";
  if (format !== "json" && format !== "shell") {
    throw new UsageError(`--format must be json or shell, not "${String(format).slice(0, 40)}"`);
  }
  if (flags.format !== void 0 && store !== "none") {
    throw new UsageError("--format applies to --store none (the token is printed once)", "drop --format");
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
function describe(e) {
  if (e instanceof DeployTokenError) {
    const code = e.exitCode === 0 ? 3 : e.exitCode;
    return { message: e.message, ...e.hint ? { hint: e.hint } : {}, code };
  }
  return { message: e?.message ?? String(e), code: 3 };
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
  if (current.length > 0 && !req.rotate) {
    const named = snapshot.get("CI_DEPLOY_USER")?.value;
    const match = current.find((t) => t.username === named && req.scopes.every((s) => t.scopes.includes(s)));
    if (vars && match && snapshot.get("CI_DEPLOY_PASSWORD") !== void 0) {
      log(
        `already provisioned: token ${tokenLine(match)} on ${where(owner)}, named by the variables on ${where(vars)}`
      );
      return {
        exitCode: 0,
        owner,
        state: [`token ${tokenLine(match)}: unchanged`, `variables on ${where(vars)}: unchanged`]
      };
    }
    return {
      exitCode: 1,
      owner,
      state: current.map((t) => `token ${tokenLine(t)}: unchanged`),
      error: `${where(owner)} already has an active deploy token named "${req.name}" (${current.map((t) => `#${t.id}`).join(", ")}); its secret cannot be read again`,
      hint: "run with --rotate to replace it safely (new token, variables, verify, then delete the old one)"
    };
  }
  const plan = [
    `create ${owner.level === "groups" ? "group" : "project"} deploy token "${req.name}" on ${where(owner)}: scopes ${req.scopes.join(", ")}, ${req.expiresAt ? `expires ${req.expiresAt}` : "never expires"}${req.username ? `, username ${req.username}` : ""}`
  ];
  if (vars) {
    for (const k of VARIABLE_KEYS)
      plan.push(
        `${snapshot.get(k) ? "update" : "create"} ${k} on ${where(vars)} (masked${req.protected ? ", protected" : ""}, all environments)`
      );
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
  const journal = {
    attempted: [],
    deleted: []
  };
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
      await removeOrphans(client, owner, req.name, before, log);
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
        step = `${snapshot.get(k) ? "updating" : "creating"} ${k} on ${where(vars)}`;
        journal.attempted.push(k);
        await writeVariable(
          client,
          vars.level,
          vars.id,
          {
            key: k,
            value: k === "CI_DEPLOY_USER" ? created.username : created.token,
            masked: true,
            protected: req.protected,
            raw: false,
            environment_scope: "*"
          },
          snapshot.get(k) ? "update" : "create"
        );
        log(`${snapshot.get(k) ? "updated" : "created"} ${k} on ${where(vars)}`);
      }
    }
    step = "verifying";
    await verify(client, owner, vars, created, req, deps.now());
    log("verified: the new token is active with the scopes asked, and the variables hold it");
    for (const old of current) {
      step = `deleting the old token #${old.id}`;
      const r = await deleteOld(client, owner, old);
      journal.deleted.push(old);
      log(`${r === "deleted" ? "deleted" : "already gone:"} old token ${tokenLine(old)}`);
    }
    const state = [`token ${tokenLine(created)} on ${where(owner)}: active (new)`];
    if (vars)
      state.push(
        `CI_DEPLOY_USER and CI_DEPLOY_PASSWORD on ${where(vars)}: name the new token (masked${req.protected ? ", protected" : ""})`
      );
    for (const t of current) state.push(`old token #${t.id}: deleted`);
    if (current.length > 0 && owner.level === "groups") {
      log(
        `check that no project or subgroup variable still names the old token: deploy-token audit --group ${owner.path}`
      );
    }
    return { exitCode: 0, created, owner, state };
  } catch (e) {
    const d = describe(e);
    const state = await recover(client, owner, vars, current, snapshot, journal);
    return {
      exitCode: d.code,
      owner,
      state,
      error: `failed while ${step}: ${d.message}`,
      ...d.hint ? { hint: d.hint } : {}
    };
  }
}
async function removeOrphans(client, owner, name, before, log) {
  try {
    const now = await listDeployTokens(client, owner.level, owner.id);
    for (const t of now.filter((x) => x.name === name && !before.has(x.id))) {
      await deleteDeployToken(client, owner.level, owner.id, t.id);
      log(`deleted token #${t.id}: GitLab created it, but its answer was lost or unusable`);
    }
  } catch {
    log(
      `could not check whether a token was created although the answer was lost: \`deploy-token audit\` shows any extra "${name}"`
    );
  }
}
async function verify(client, owner, vars, created, req, now) {
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
      else if (v.value !== null && v.value !== want)
        problems.push(`${k} on ${where(vars)} does not hold the new value`);
      else if (v.masked !== true) problems.push(`${k} on ${where(vars)} is not masked`);
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
async function deleteOld(client, owner, old) {
  try {
    return await deleteDeployToken(client, owner.level, owner.id, old.id);
  } catch (e) {
    try {
      await getDeployToken(client, owner.level, owner.id, old.id);
    } catch (g) {
      if (g.status === 404) return "gone";
    }
    throw e;
  }
}
async function recover(client, owner, vars, current, snapshot, journal) {
  const state = [];
  if (journal.deleted.length > 0) {
    state.push(
      `new token ${tokenLine(journal.created)}: active, kept${vars ? " (the variables name it)" : ""}`
    );
    for (const t of current) {
      state.push(
        journal.deleted.includes(t) ? `old token #${t.id}: deleted` : `old token #${t.id}: still active (delete it in Settings > Repository > Deploy tokens, or run --rotate again)`
      );
    }
    return state;
  }
  for (const k of [...journal.attempted].reverse()) {
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
    } catch (e) {
      state.push(
        `${k} on ${where(h)}: COULD NOT BE RESTORED (${describe(e).message}); it may name the new token, which is about to be deleted: set it back by hand or run the command again`
      );
    }
  }
  for (const k of VARIABLE_KEYS) {
    if (vars && !journal.attempted.includes(k)) state.push(`${k} on ${where(vars)}: unchanged`);
  }
  if (journal.created) {
    const c = journal.created;
    try {
      const r = await deleteDeployToken(client, owner.level, owner.id, c.id);
      state.push(`new token #${c.id}: ${r === "deleted" ? "deleted" : "already gone"}`);
    } catch (e) {
      state.push(
        `new token #${c.id}: COULD NOT BE DELETED (${describe(e).message}); delete it in Settings > Repository > Deploy tokens`
      );
    }
  } else state.push("no new token exists");
  for (const t of current) state.push(`old token ${tokenLine(t)}: kept, still active`);
  state.push(
    current.length > 0 ? "rolled back: jobs get the old token, as before; run the same command again to retry" : "rolled back: nothing was created; run the same command again to retry"
  );
  return state;
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
  if (out.exitCode === 0 && out.created && req.store === "none") {
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
