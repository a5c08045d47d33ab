/**
 * A rotation deletes the old token. CI_DEPLOY_USER variables that name it where this run does not
 * write would then name a deleted token and override what GitLab gives jobs (docs/gitlab-rules.md): the
 * token's own project or group, the project, and for a group token every subgroup and project of
 * its tree and the groups above it (their variables are inherited into the tree, where the token
 * logs in, lib/gitlab/auth.rb). Refuse before any change. Usernames need not be unique
 * (app/models/deploy_token.rb), so a variable naming a username that another active token which
 * can log in there also has is not counted.
 */
import { mapLimit } from '../core/concurrency.js';
import { DeployTokenError, ExitCode } from '../core/errors.js';
import { getGroup, listDeployTokens, listVariables, type Level } from '../gitlab/api.js';
import type { GitLabClient } from '../gitlab/client.js';
import { listGroupTree } from '../gitlab/tree.js';
import type { CiVariable, DeployToken, Project } from '../gitlab/types.js';
import { tokenActivity } from '../resolve/activity.js';
import { isHiddenFromUs, where, type Before, type Holder } from './model.js';
import type { ProvisionRequest } from './request.js';

/** A holder of variables, with the groups above it (nearest first) whose tokens can log in there. */
interface Checked {
  h: Holder;
  groups: number[];
}

/** The groups above the token's group, nearest first (GitLab nests at most 20 deep; bounded here too). */
async function groupsAbove(client: GitLabClient, owner: Holder): Promise<Holder[]> {
  const chain: Holder[] = [];
  let parent = (await getGroup(client, owner.id)).parent_id;
  for (let i = 0; parent !== null && parent !== undefined && i < 20; i++) {
    try {
      const g = await getGroup(client, parent);
      chain.push({ level: 'groups', id: g.id, path: g.full_path });
      parent = g.parent_id;
    } catch (e) {
      if (isHiddenFromUs(e)) break;
      throw e;
    }
  }
  return chain;
}

/** A group token's whole reach: the groups above it, its group, every subgroup and project of its tree. */
async function groupTree(client: GitLabClient, owner: Holder, add: (h: Holder, groups: number[]) => void) {
  const chain = await groupsAbove(client, owner);
  const above = chain.map((g) => g.id);
  add(owner, above);
  chain.forEach((g, i) => add(g, above.slice(i + 1)));
  const { groups, projects } = await listGroupTree(client, owner.id);
  const tree = new Map<number, { path: string; parent: number | null | undefined }>([
    [owner.id, { path: owner.path, parent: undefined }],
    ...groups.map((g) => [g.id, { path: g.full_path, parent: g.parent_id }] as const),
  ]);
  const upFrom = (id: number | null | undefined): number[] => {
    const out: number[] = [];
    for (let g = id; g !== null && g !== undefined && tree.has(g) && out.length < 40; g = tree.get(g)?.parent)
      out.push(g);
    return [...out, ...above];
  };
  for (const g of groups) add({ level: 'groups', id: g.id, path: g.full_path }, upFrom(g.parent_id));
  // Only the tree's own projects (listGroupTree): a group token cannot log in to shared ones.
  for (const p of projects)
    add({ level: 'projects', id: p.id, path: p.path_with_namespace }, upFrom(p.namespace.id));
}

/** Every holder whose CI_DEPLOY_USER could name the old token. */
async function holdersToCheck(client: GitLabClient, owner: Holder, project: Project | undefined) {
  const holders: Checked[] = [];
  const add = (h: Holder, groups: number[]) => {
    if (!holders.some((x) => x.h.level === h.level && x.h.id === h.id)) holders.push({ h, groups });
  };
  if (owner.level === 'groups') await groupTree(client, owner, add);
  else add(owner, []);
  if (project && !holders.some((x) => x.h.level === 'projects' && x.h.id === project.id))
    add(
      { level: 'projects', id: project.id, path: project.path_with_namespace },
      project.namespace.kind === 'group' ? [project.namespace.id] : [],
    );
  return holders;
}

/** The variables of each holder; one GitLab will not show is said, and counted as empty. */
function readLists(client: GitLabClient, holders: Checked[], log: (l: string) => void) {
  return mapLimit(holders, 4, async (x) => {
    try {
      return { ...x, list: await listVariables(client, x.h.level, x.h.id) };
    } catch (e) {
      if (isHiddenFromUs(e)) {
        log(`could not read the CI/CD variables of ${where(x.h)}: check that none names the old token`);
        return { ...x, list: [] as CiVariable[] };
      }
      throw e;
    }
  });
}

/** The CI_DEPLOY_USER variables that name an old token (and no other active token that can log in there). */
async function namingVariables(
  client: GitLabClient,
  lists: (Checked & { list: CiVariable[] })[],
  current: DeployToken[],
  now: Date,
  log: (l: string) => void,
): Promise<{ found: Holder[]; lines: string[] }> {
  const names = new Set(current.map((t) => t.username));
  const oldIds = new Set(current.map((t) => t.id));
  const tokensOf = new Map<string, Promise<DeployToken[]>>();
  const tokensAt = (level: Level, id: number) => {
    const k = `${level}:${id}`;
    if (!tokensOf.has(k))
      tokensOf.set(
        k,
        listDeployTokens(client, level, id).catch(() => [] as DeployToken[]),
      );
    return tokensOf.get(k) as Promise<DeployToken[]>;
  };
  const found: Holder[] = [];
  const lines: string[] = [];
  for (const { h, groups, list } of lists) {
    for (const v of list) {
      if (v.key !== 'CI_DEPLOY_USER') continue;
      if (v.value === null || v.hidden) {
        log(`CI_DEPLOY_USER on ${where(h)} is hidden: check that it does not name the old token`);
        continue;
      }
      if (!names.has(v.value)) continue;
      // Another active token with that username that can log in there: the variable may name it.
      const candidates = (
        await Promise.all([tokensAt(h.level, h.id), ...groups.map((g) => tokensAt('groups', g))])
      ).flat();
      const twin = candidates.find(
        (t) => !oldIds.has(t.id) && t.username === v.value && tokenActivity(t, now).active,
      );
      if (twin) {
        log(
          `CI_DEPLOY_USER on ${where(h)} names ${v.value}, which token #${twin.id} there also has: not counted as naming the old token`,
        );
        continue;
      }
      lines.push(`CI_DEPLOY_USER on ${where(h)} (environment scope "${v.environment_scope ?? '*'}")`);
      if (!found.includes(h)) found.push(h);
    }
  }
  return { found, lines };
}

/** The refusal: which variables name the old token, and where to store the new one instead. */
function refusal(req: ProvisionRequest, b: Before, found: Holder[], lines: string[]): DeployTokenError {
  const { owner, vars, current } = b;
  const only = found.length === 1 && !vars ? found[0] : undefined;
  const store =
    only && (only.level === 'projects' ? req.level === 'project' : only.id === owner.id)
      ? only.level === 'groups'
        ? 'group-variables'
        : 'project-variables'
      : undefined;
  return new DeployTokenError(
    `${lines.slice(0, 10).join(', ')}${lines.length > 10 ? `, and ${lines.length - 10} more` : ''} ${lines.length === 1 ? 'names' : 'name'} the token this rotation would delete (${current.map((t) => `#${t.id} ${t.username}`).join(', ')}): those jobs would be left with a deleted token`,
    ExitCode.No,
    store
      ? `store the new token there (--store ${store}), or delete those variables first`
      : `delete those variables first (Settings > CI/CD > Variables)${vars ? `: this run rewrites only the variables on ${where(vars)}` : ''}; \`deploy-token audit\` lists them`,
  );
}

export async function refuseIfNamedElsewhere(
  client: GitLabClient,
  req: ProvisionRequest,
  b: Before,
  project: Project | undefined,
  now: Date,
  log: (l: string) => void,
): Promise<void> {
  const { vars } = b;
  const holders = await holdersToCheck(client, b.owner, project);
  const others = holders.filter(({ h }) => !(vars && vars.level === h.level && vars.id === h.id));
  const lists = await readLists(client, others, log);
  const { found, lines } = await namingVariables(client, lists, b.current, now, log);
  if (found.length > 0) throw refusal(req, b, found, lines);
}
