import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  listDescendantGroups,
  listGroupProjects
} from "./chunk-CID4WHD4.js";

// src/core/concurrency.ts
async function mapLimit(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        out[i] = await fn(items[i], i);
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}

// src/gitlab/tree.ts
async function listGroupTree(client, rootId) {
  const [descendants, listed] = await Promise.all([
    listDescendantGroups(client, rootId),
    listGroupProjects(client, rootId, { includeSubgroups: true })
  ]);
  const groups = descendants.filter((g) => g.id !== rootId);
  const inTree = /* @__PURE__ */ new Set([rootId, ...groups.map((g) => g.id)]);
  const seen = /* @__PURE__ */ new Set();
  const projects = listed.filter((p) => {
    if (seen.has(p.id) || p.namespace.kind !== "group" || !inTree.has(p.namespace.id)) return false;
    seen.add(p.id);
    return true;
  });
  return { groups, projects };
}

export {
  mapLimit,
  listGroupTree
};
