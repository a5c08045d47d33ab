/**
 * Read a group tree for `audit`: the group, its descendant groups, their projects, every deploy token
 * of each (unfiltered: revoked and expired ones too, so the report can explain them) and their
 * CI_DEPLOY_USER / CI_DEPLOY_PASSWORD variables, and the same for the groups above it (their tokens
 * log in below them, their variables are inherited). I/O only; every decision is in findings.ts.
 */
import { mapLimit } from '../core/concurrency.js';
import { GitLabApiError } from '../core/errors.js';
import { getGroup, getVersion, listDeployTokens, listVariables, type Level } from '../gitlab/api.js';
import type { GitLabClient } from '../gitlab/client.js';
import { listGroupTree } from '../gitlab/tree.js';
import type { CiVariable } from '../gitlab/types.js';
import {
  PASSWORD_KEY,
  USER_KEY,
  type AuditAncestor,
  type AuditGroup,
  type AuditProject,
  type AuditTree,
  type AuditVariable,
} from './types.js';

export interface GatherOptions {
  /** Groups and projects read at once, each with its two listings together (at most twice as many requests on their way). Default 10. */
  concurrency?: number;
  /** Each holder's two listings one after the other, as before (the bench's baseline). */
  pairsInTurn?: boolean;
  /** How many groups above the audited one to read at most (tokens and variables). Default 20. */
  maxAncestors?: number;
  /** After the tree is listed (done 0) and after each group or project is read. */
  onProgress?: (p: GatherProgress) => void;
}

export interface GatherProgress {
  /** Groups and projects whose tokens and variables are read. */
  done: number;
  total: number;
}

function isStatus(e: unknown, ...codes: number[]): boolean {
  return e instanceof GitLabApiError && e.status !== undefined && codes.includes(e.status);
}

/**
 * Only the two keys that matter, with the password's value dropped here: nothing downstream can
 * print a secret it never had.
 */
export function deployVariables(vars: CiVariable[]): AuditVariable[] {
  const out: AuditVariable[] = [];
  for (const v of vars) {
    if (v.key !== USER_KEY && v.key !== PASSWORD_KEY) continue;
    const hidden = v.hidden === true || v.value === null;
    out.push({
      key: v.key,
      value: v.key === USER_KEY && !hidden ? v.value : null,
      hidden,
      masked: v.masked === true,
      protected: v.protected === true,
      environmentScope: v.environment_scope ?? '*',
    });
  }
  return out;
}

/** The variables, or undefined when GitLab refuses (403: too little access). Other errors propagate. */
async function readVariables(
  client: GitLabClient,
  level: Level,
  id: number,
): Promise<AuditVariable[] | undefined> {
  try {
    return deployVariables(await listVariables(client, level, id));
  } catch (e) {
    if (isStatus(e, 403)) return undefined;
    throw e;
  }
}

/**
 * The groups above the audited one, nearest first, best effort: their tokens can log in below them
 * and their CI/CD variables are inherited by the tree's projects. One group lookup, one token list
 * and one variables list each; what the API token may not see (401/403/404) is recorded as unreadable.
 */
async function readAncestors(client: GitLabClient, parentId: number | null, max: number) {
  const out: AuditAncestor[] = [];
  const seen = new Set<number>();
  const unlessRefused = async <T>(read: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await read();
    } catch (e) {
      // A parent the API token may not see or list (not a member, not Maintainer, not Owner there).
      if (isStatus(e, 401, 403, 404)) return undefined;
      throw e;
    }
  };
  let id = parentId;
  while (id !== null && out.length < max && !seen.has(id)) {
    seen.add(id);
    const groupId = id;
    const g = await unlessRefused(() => getGroup(client, groupId));
    const tokens = g ? await unlessRefused(() => listDeployTokens(client, 'groups', groupId)) : undefined;
    const vars = g ? await unlessRefused(() => listVariables(client, 'groups', groupId)) : undefined;
    out.push({
      id: groupId,
      fullPath: g?.full_path ?? `group ${groupId}`,
      tokens,
      variables: vars === undefined ? undefined : deployVariables(vars),
    });
    id = g?.parent_id ?? null;
  }
  return out;
}

export async function gatherTree(
  client: GitLabClient,
  group: string | number,
  opts: GatherOptions = {},
): Promise<AuditTree> {
  const limit = opts.concurrency ?? 10;
  const root = await getGroup(client, group);
  const tree = await listGroupTree(client, root.id);
  const groupInfo = [root, ...tree.groups];
  const projectInfo = tree.projects;

  const total = groupInfo.length + projectInfo.length;
  let done = 0;
  opts.onProgress?.({ done, total });
  /** A holder's tokens and variables; every group and project counts once it is read. */
  const read = async (level: Level, id: number) => {
    const both = opts.pairsInTurn
      ? ([await listDeployTokens(client, level, id), await readVariables(client, level, id)] as const)
      : await Promise.all([listDeployTokens(client, level, id), readVariables(client, level, id)]);
    opts.onProgress?.({ done: ++done, total });
    return { tokens: both[0], variables: both[1] };
  };
  const groups = await mapLimit(groupInfo, limit, async (g): Promise<AuditGroup> => {
    const { tokens, variables } = await read('groups', g.id);
    return { kind: 'group', id: g.id, fullPath: g.full_path, parentId: g.parent_id, tokens, variables };
  });
  const projects = await mapLimit(projectInfo, limit, async (p): Promise<AuditProject> => {
    const { tokens, variables } = await read('projects', p.id);
    return {
      kind: 'project',
      id: p.id,
      fullPath: p.path_with_namespace,
      namespaceId: p.namespace.id,
      tokens,
      variables,
    };
  });
  const ancestors = await readAncestors(client, root.parent_id, opts.maxAncestors ?? 20);
  // Group tokens reach jobs only from 15.1 (docs/gitlab-rules.md); an instance that will not say is not judged.
  const version = await getVersion(client).then(
    (v) => v.version,
    (e: unknown) => {
      if (isStatus(e, 401, 403, 404)) return undefined;
      throw e;
    },
  );
  return { root: root.full_path, groups, projects, ancestors, ...(version ? { version } : {}) };
}
