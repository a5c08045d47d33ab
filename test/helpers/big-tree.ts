/**
 * A group tree of any size for the stand-in GitLab: a root group, subgroups on two more levels, and
 * projects spread over all of them, each with a token or two (some of them the gitlab-deploy-token,
 * some expired) and some with CI_DEPLOY_* variables. Used by the audit bench and the rate-limit tests.
 */
import type { Scenario, ScenarioGroup, ScenarioProject, ScenarioToken } from '../../src/standin/model.js';

export const BIG_TREE_TOKEN = 'glpat-bigTreeBigTreeBigTree1';

function tokensFor(id: number): ScenarioToken[] {
  const out: ScenarioToken[] = [
    {
      id: id * 10 + 1,
      name: id % 3 === 0 ? 'gitlab-deploy-token' : `robot-${id}`,
      scopes: ['read_registry'],
      expires: id % 5 === 0 ? '-1d' : '+90d',
      token: `gldt-big${String(id).padStart(16, '0')}`,
    },
  ];
  if (id % 4 === 0)
    out.push({
      id: id * 10 + 2,
      name: `deploy-${id}`,
      scopes: ['read_repository'],
      expires: null,
      token: `gldt-two${String(id).padStart(16, '0')}`,
    });
  return out;
}

/** `groups` groups (root, ~10% children, the rest grandchildren) and `projects` projects; ids from 1. */
export function bigTree(groups: number, projects: number, root = 'bench'): Scenario {
  const children = Math.max(1, Math.round(groups / 10));
  const gs: ScenarioGroup[] = [{ id: 1, full_path: root, parent_id: null, tokens: tokensFor(1) }];
  for (let i = 2; i <= groups; i++) {
    const parent = i <= children + 1 ? gs[0] : gs[1 + ((i - 2 - children) % children)];
    const p = parent as ScenarioGroup;
    gs.push({ id: i, full_path: `${p.full_path}/g${i}`, parent_id: p.id, tokens: tokensFor(i) });
  }
  const ps: ScenarioProject[] = [];
  for (let i = 0; i < projects; i++) {
    const id = 10_000 + i;
    const ns = gs[i % gs.length] as ScenarioGroup;
    ps.push({
      id,
      path_with_namespace: `${ns.full_path}/p${id}`,
      namespace_id: ns.id,
      tokens: tokensFor(id),
      ...(i % 7 === 0
        ? { variables: [{ key: 'CI_DEPLOY_USER', value: `gone-${id}`, environment_scope: '*' }] }
        : {}),
    });
  }
  return {
    name: 'big-tree',
    title: `${groups} groups and ${projects} projects`,
    description: '',
    version: '17.0.0-ee',
    apiTokens: [BIG_TREE_TOKEN],
    groups: gs,
    projects: ps,
    project: (ps[0] as ScenarioProject).path_with_namespace,
  };
}
