/**
 * Projects, groups, members and protected refs as GitLab answers them (doc/api/projects.md,
 * groups.md, members.md, protected_branches.md, protected_tags.md), from the fixtures.
 */
import groupFixture from '../../fixtures/gitlab/group.json' with { type: 'json' };
import memberFixture from '../../fixtures/gitlab/member.json' with { type: 'json' };
import projectFixture from '../../fixtures/gitlab/project.json' with { type: 'json' };
import { gitlabError, json, paginate, type StandinResponse } from './http.js';
import type { ScenarioApiUser, ScenarioGroup, ScenarioProject } from './model.js';
import type { World } from './world.js';

export function projectView(w: World, p: ScenarioProject, u?: ScenarioApiUser): Record<string, unknown> {
  const g = w.groupById(p.namespace_id);
  const nsPath = g ? g.full_path : p.path_with_namespace.split('/').slice(0, -1).join('/');
  const name = p.path_with_namespace.split('/').pop() ?? '';
  const host = new URL(w.baseUrl).host;
  const view: Record<string, unknown> = {
    ...projectFixture,
    id: p.id,
    name,
    path: name,
    name_with_namespace: p.path_with_namespace.split('/').join(' / '),
    path_with_namespace: p.path_with_namespace,
    ssh_url_to_repo: `git@${host}:${p.path_with_namespace}.git`,
    http_url_to_repo: `${w.baseUrl}/${p.path_with_namespace}.git`,
    web_url: `${w.baseUrl}/${p.path_with_namespace}`,
    namespace: {
      ...projectFixture.namespace,
      id: g ? g.id : 1000 + p.id,
      name: nsPath.split('/').pop(),
      path: nsPath.split('/').pop(),
      kind: g ? 'group' : 'user',
      full_path: nsPath,
      parent_id: g ? (g.parent_id ?? null) : null,
      web_url: `${w.baseUrl}/${g ? 'groups/' : ''}${nsPath}`,
    },
    container_registry_image_prefix: `registry.${host.replace(/^gitlab\./, '')}/${p.path_with_namespace}`,
  };
  if (u === undefined) delete view.permissions;
  else view.permissions = permissions(w, p, u);
  return view;
}

/** doc/api/projects.md: the caller's own membership; null where there is none (also for admins). */
function permissions(w: World, p: ScenarioProject, u: ScenarioApiUser): Record<string, unknown> {
  const direct = u.access?.[p.path_with_namespace];
  const inherited = w
    .chain({ level: 'projects', p })
    .slice(1)
    .map((path) => u.access?.[path] ?? 0);
  const groupLevel = Math.max(0, ...inherited);
  return {
    project_access: direct ? { access_level: direct, notification_level: 3 } : null,
    group_access: groupLevel ? { access_level: groupLevel, notification_level: 3 } : null,
  };
}

export function groupView(w: World, g: ScenarioGroup): Record<string, unknown> {
  return {
    ...groupFixture,
    id: g.id,
    name: g.full_path.split('/').pop(),
    path: g.full_path.split('/').pop(),
    full_name: g.full_path.split('/').join(' / '),
    full_path: g.full_path,
    parent_id: g.parent_id ?? null,
    web_url: `${w.baseUrl}/groups/${g.full_path}`,
  };
}

/** `GET /groups/:id/descendant_groups` and `GET /groups/:id/projects[?include_subgroups=true]`. */
export function groupListing(
  w: World,
  g: ScenarioGroup,
  sub: 'descendant_groups' | 'projects',
  url: URL,
): StandinResponse {
  if (sub === 'descendant_groups') {
    return paginate(
      w.descendants(g).map((x) => groupView(w, x)),
      url,
      w.baseUrl,
    );
  }
  const groupIds = new Set([
    g.id,
    ...(url.searchParams.get('include_subgroups') === 'true' ? w.descendants(g).map((x) => x.id) : []),
  ]);
  const projects = w.scenario.projects
    .filter((x) => x.namespace_id !== null && groupIds.has(x.namespace_id))
    .sort((a, b) => a.id - b.id)
    .map((x) => projectView(w, x));
  return paginate(projects, url, w.baseUrl);
}

/** `GET /groups/:id/members/all/:user_id`: inherited membership; 404 when none. */
export function groupMember(w: World, g: ScenarioGroup, key: string, u: ScenarioApiUser): StandinResponse {
  const who = Number(key) === u.id ? u : w.scenario.apiUsers?.find((x) => x.id === Number(key));
  const lvl =
    who && !who.admin ? Math.max(0, ...w.chain({ level: 'groups', g }).map((x) => who.access?.[x] ?? 0)) : 0;
  if (!who || lvl === 0) return gitlabError('404_member');
  return json(200, { ...memberFixture, id: who.id, username: who.username, access_level: lvl });
}

/** `GET /projects/:id/protected_branches|protected_tags[/:name]`: the single GET finds a name or wildcard by itself only. */
export function protectedRefs(
  w: World,
  p: ScenarioProject,
  kind: 'branches' | 'tags',
  key: string | undefined,
  url: URL,
): StandinResponse {
  const names = (kind === 'branches' ? p.protectedBranches : p.protectedTags) ?? [];
  const view = (name: string) =>
    kind === 'branches'
      ? {
          id: names.indexOf(name) + 1,
          name,
          push_access_levels: [],
          merge_access_levels: [],
          allow_force_push: false,
          code_owner_approval_required: false,
        }
      : { name, create_access_levels: [] };
  if (key !== undefined) {
    return names.includes(key) ? json(200, view(key)) : json(404, { message: '404 Not found' });
  }
  return paginate(names.map(view), url, w.baseUrl);
}
