/**
 * What every audit check reads: the gathered tree, indexed once, and GitLab's rules over it
 * (docs/gitlab-rules.md): a token is active iff not revoked and expires_at is null or in the future;
 * a project's CI_DEPLOY_USER/PASSWORD come from its own active `gitlab-deploy-token`, else from its
 * DIRECT parent group's (GitLab ≤ 15.0: from its own only); CI/CD variables with those names
 * override both, each key on its own (the project's, else the nearest group's upward, groups above
 * the audited one included); a group token can log in to projects of the group and all its
 * subgroups (lib/gitlab/auth.rb).
 */
import type { DeployToken } from '../gitlab/types.js';
import { isSpecial, tokenActivity } from '../resolve/activity.js';
import { exposesGroupDeployToken, parseGitLabVersion } from '../gitlab/version.js';
import type {
  AuditAncestor,
  AuditGroup,
  AuditProject,
  AuditSettings,
  AuditTree,
  AuditVariable,
} from './types.js';

export type Holder = AuditGroup | AuditProject;

/** A level whose CI/CD variables a project's jobs inherit: the project, its groups upward, the groups above the tree. */
export interface VariableLevel {
  fullPath: string;
  /** undefined: GitLab refused to show them. */
  variables: AuditVariable[] | undefined;
  /** A group above the audited one. */
  above: boolean;
}

export interface AuditContext {
  tree: AuditTree;
  settings: AuditSettings;
  now: Date;
  groupById: Map<number, AuditGroup>;
  /** The audited group (the tree's first). */
  rootGroup: AuditGroup | undefined;
  /** The tree's groups, then its projects. */
  holders: Holder[];
  /** GitLab ≤ 15.0 exposes only project tokens; unknown version: assume 15.1+. */
  groupTokensExposed: boolean;
  /** GitLab's version as the instance said it ('' when it did not). */
  versionText: string;
  /** The tokens of the groups above the tree that could be read. */
  aboveRoot: DeployToken[];
  /** Groups above the tree whose tokens could not be read. */
  unreadableAbove: AuditAncestor[];
  ancestorLevels: VariableLevel[];
  /** levelsOf, computed once per project. */
  levelsCache: Map<AuditProject, VariableLevel[]>;
}

export function auditContext(tree: AuditTree, settings: AuditSettings): AuditContext {
  const version = tree.version === undefined ? undefined : parseGitLabVersion(tree.version);
  return {
    tree,
    settings,
    now: settings.now,
    groupById: new Map(tree.groups.map((g) => [g.id, g])),
    rootGroup: tree.groups[0],
    holders: [...tree.groups, ...tree.projects],
    groupTokensExposed: version === undefined || exposesGroupDeployToken(version),
    versionText: tree.version ?? '',
    aboveRoot: tree.ancestors.flatMap((a) => a.tokens ?? []),
    unreadableAbove: tree.ancestors.filter((a) => a.tokens === undefined),
    ancestorLevels: tree.ancestors.map((a) => ({
      fullPath: a.fullPath,
      variables: a.variables,
      above: true,
    })),
    levelsCache: new Map(),
  };
}

export const isActive = (c: AuditContext, t: DeployToken) => tokenActivity(t, c.now).active;

/** The groups of the tree from `id` upward (the group itself first). */
export function groupChain(c: AuditContext, id: number | null): AuditGroup[] {
  const out: AuditGroup[] = [];
  const seen = new Set<number>();
  for (let g = id === null ? undefined : c.groupById.get(id); g && !seen.has(g.id);) {
    seen.add(g.id);
    out.push(g);
    g = g.parentId === null ? undefined : c.groupById.get(g.parentId);
  }
  return out;
}

/** The active gitlab-deploy-token GitLab picks on one holder (lowest id when several: LIMIT 1 is unspecified). */
export function specialOf(c: AuditContext, tokens: DeployToken[]): DeployToken | undefined {
  return tokens.filter((t) => isSpecial(t) && isActive(c, t)).sort((a, b) => a.id - b.id)[0];
}

/** What GitLab exposes to a project's jobs: its own token, else its direct parent group's (app/models/project.rb). */
export function exposed(c: AuditContext, p: AuditProject): { token: DeployToken; from: string } | undefined {
  const own = specialOf(c, p.tokens);
  if (own) return { token: own, from: p.fullPath };
  if (!c.groupTokensExposed) return undefined;
  const parent = c.groupById.get(p.namespaceId);
  const inherited = parent ? specialOf(c, parent.tokens) : undefined;
  return inherited && parent ? { token: inherited, from: parent.fullPath } : undefined;
}

export const levelOf = (h: Holder): VariableLevel => ({
  fullPath: h.fullPath,
  variables: h.variables,
  above: false,
});

/** The levels a project's jobs inherit variables from, nearest first. */
export function levelsOf(c: AuditContext, p: AuditProject): VariableLevel[] {
  const cached = c.levelsCache.get(p);
  if (cached) return cached;
  const chain = groupChain(c, p.namespaceId);
  // Groups above the tree are above a project only when its groups lead up to the audited one.
  const reachesRoot = c.rootGroup !== undefined && chain[chain.length - 1]?.id === c.rootGroup.id;
  const levels = [levelOf(p), ...chain.map(levelOf), ...(reachesRoot ? c.ancestorLevels : [])];
  c.levelsCache.set(p, levels);
  return levels;
}

/** Tokens that can log in where a variable of `h` is used: the holder's own, its groups', groups above the tree. */
export function loginTokens(c: AuditContext, h: Holder): DeployToken[] {
  const chain = groupChain(c, h.kind === 'group' ? h.id : h.namespaceId);
  return [...(h.kind === 'project' ? h.tokens : []), ...chain.flatMap((g) => g.tokens), ...c.aboveRoot];
}
