/** The demo scenarios under fixtures/scenarios/, and the smallest world a test builds, for tests. */
import { readFileSync } from 'node:fs';
import type { CiVariable } from '../../src/gitlab/types.js';
import type { Scenario, ScenarioToken } from '../../src/standin/model.js';

export function loadScenario(file: string): Scenario {
  return JSON.parse(
    readFileSync(new URL(`../../fixtures/scenarios/${file}`, import.meta.url), 'utf8'),
  ) as Scenario;
}

/** The same scenario with token `id` given these scopes. */
export function withScopes(sc: Scenario, id: number, scopes: string[]): Scenario {
  return {
    ...sc,
    projects: sc.projects.map((p) => ({
      ...p,
      tokens: (p.tokens ?? []).map((t) => (t.id === id ? { ...t, scopes } : t)),
    })),
  };
}

/** What the smallest world holds: deploy tokens, CI/CD variables and protected refs. */
export interface AppWorld {
  groupTokens?: ScenarioToken[];
  groupVars?: CiVariable[];
  projectTokens?: ScenarioToken[];
  projectVars?: CiVariable[];
  protectedBranches?: string[];
  protectedTags?: string[];
}

/** Group tanuki (#10) and its project tanuki/app (#3) on GitLab `version`, read with `apiToken`, holding what `w` gives. */
export function appWorld(version: string, apiToken: string, w: AppWorld = {}): Scenario {
  return {
    name: 'tanuki-app',
    title: 'tanuki/app',
    description: '',
    version,
    apiTokens: [apiToken],
    groups: [
      {
        id: 10,
        full_path: 'tanuki',
        parent_id: null,
        tokens: w.groupTokens ?? [],
        variables: w.groupVars ?? [],
      },
    ],
    projects: [
      {
        id: 3,
        path_with_namespace: 'tanuki/app',
        namespace_id: 10,
        tokens: w.projectTokens ?? [],
        variables: w.projectVars ?? [],
        ...(w.protectedBranches ? { protectedBranches: w.protectedBranches } : {}),
        ...(w.protectedTags ? { protectedTags: w.protectedTags } : {}),
      },
    ],
    project: 'tanuki/app',
  };
}
