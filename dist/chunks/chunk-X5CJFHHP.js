import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  getGroup,
  getVersion,
  listDeployTokens,
  listDescendantGroups,
  listGroupProjects,
  listVariables
} from "./chunk-R64T6DDA.js";
import {
  GitLabApiError
} from "./chunk-XSTXBMLW.js";

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
  USER_KEY,
  PASSWORD_KEY,
  mapLimit,
  gatherTree
};
