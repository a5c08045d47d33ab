import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  GITLAB_DEPLOY_TOKEN_NAME,
  getGroup,
  getVersion,
  listDeployTokens,
  listDescendantGroups,
  listGroupProjects,
  listVariables
} from "./chunk-C7CNVSM4.js";
import {
  GitLabApiError,
  UsageError
} from "./chunk-XSTXBMLW.js";

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
  if (scopes.length === 0) {
    throw new UsageError("--scopes names no scope", `a comma list of: ${DEPLOY_TOKEN_SCOPES.join(", ")}`);
  }
  for (const s of scopes) {
    if (!DEPLOY_TOKEN_SCOPES.includes(s)) {
      throw new UsageError(
        `--scopes names an unknown deploy-token scope "${s.slice(0, 40)}"`,
        `use a comma list of: ${DEPLOY_TOKEN_SCOPES.join(", ")}`
      );
    }
  }
  const name = flags.name ?? GITLAB_DEPLOY_TOKEN_NAME;
  if (name.trim() !== name || name === "" || name.length > 255 || // Control, bidi and zero-width characters: a name that looks like another is not that name.
  // (\p{Cc} control, \p{Cf} format: bidi, zero-width, soft hyphen; line/paragraph separators; fillers.)
  /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u115f\u1160\u180e\u3164\uffa0]/u.test(name)) {
    throw new UsageError(
      "--name must be 1 to 255 characters, without leading or trailing space, control, bidi or zero-width characters",
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

// src/audit/types.ts
var USER_KEY = "CI_DEPLOY_USER";
var PASSWORD_KEY = "CI_DEPLOY_PASSWORD";

// src/audit/gather.ts
async function mapLimit(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        out[i] = await fn(items[i]);
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}
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
  const limit = opts.concurrency ?? 4;
  const root = await getGroup(client, group);
  const [descendants, listed] = await Promise.all([
    listDescendantGroups(client, root.id),
    listGroupProjects(client, root.id, { includeSubgroups: true })
  ]);
  const groupInfo = [root, ...descendants.filter((g) => g.id !== root.id)];
  const groupIds = new Set(groupInfo.map((g) => g.id));
  const seen = /* @__PURE__ */ new Set();
  const projectInfo = listed.filter((p) => {
    if (seen.has(p.id) || p.namespace.kind !== "group" || !groupIds.has(p.namespace.id)) return false;
    seen.add(p.id);
    return true;
  });
  const groups = await mapLimit(groupInfo, limit, async (g) => {
    const tokens = await listDeployTokens(client, "groups", g.id);
    const variables = await readVariables(client, "groups", g.id);
    return { kind: "group", id: g.id, fullPath: g.full_path, parentId: g.parent_id, tokens, variables };
  });
  const projects = await mapLimit(projectInfo, limit, async (p) => {
    const tokens = await listDeployTokens(client, "projects", p.id);
    const variables = await readVariables(client, "projects", p.id);
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

export {
  DEPLOY_TOKEN_SCOPES,
  MASKABLE,
  parseProvisionFlags,
  USER_KEY,
  PASSWORD_KEY,
  mapLimit,
  gatherTree
};
