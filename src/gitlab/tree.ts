/** A group's tree as audit and provision read it: every subgroup below it and the projects of its own. */
import { listDescendantGroups, listGroupProjects } from './api.js';
import type { GitLabClient } from './client.js';
import type { Group, Project } from './types.js';

export interface GroupTree {
  /** Every group below the root, at any depth (the root itself not included). */
  groups: Group[];
  /** The projects whose namespace is the root or one of `groups`, each once. */
  projects: Project[];
}

/**
 * The two listings together. The group projects listing also returns projects shared with the group
 * from elsewhere (`with_shared` defaults to true, doc/api/groups.md): those belong to another tree,
 * and a group token cannot log in to them, so only projects whose namespace is in the tree are kept.
 */
export async function listGroupTree(client: GitLabClient, rootId: number): Promise<GroupTree> {
  const [descendants, listed] = await Promise.all([
    listDescendantGroups(client, rootId),
    listGroupProjects(client, rootId, { includeSubgroups: true }),
  ]);
  const groups = descendants.filter((g) => g.id !== rootId);
  const inTree = new Set([rootId, ...groups.map((g) => g.id)]);
  const seen = new Set<number>();
  const projects = listed.filter((p) => {
    if (seen.has(p.id) || p.namespace.kind !== 'group' || !inTree.has(p.namespace.id)) return false;
    seen.add(p.id);
    return true;
  });
  return { groups, projects };
}
