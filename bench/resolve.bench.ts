/**
 * Resolution speed: a project with 250 deploy tokens and a ≤ 15.0 group fallback (the token on the
 * group, its values in the group's CI/CD variables), against the stand-in GitLab with 100 ms latency
 * per request. Prints requests made, wall time and the sequential round trips that wall time implies.
 * Target: at most 5 sequential round trips.
 */
import { runFlow } from '../src/app/flow.js';
import type { Scenario, ScenarioToken } from '../src/standin/model.js';
import { startStandin } from '../src/standin/server.js';

const LATENCY_MS = 100;
const tokens: ScenarioToken[] = Array.from({ length: 250 }, (_, i) => ({
  id: 1000 + i,
  name: i % 50 === 0 ? 'gitlab-deploy-token' : `robot-${i}`,
  // the project's own gitlab-deploy-tokens are all revoked: the group fallback must apply
  revoked: i % 50 === 0,
  expires: i % 3 === 0 ? null : '+120d',
  scopes: ['read_registry'],
  token: `gldt-bench${String(i).padStart(15, '0')}`,
}));

const scenario: Scenario = {
  name: 'bench',
  title: 'bench',
  description: '',
  version: '15.0.5-ee',
  apiTokens: ['glpat-benchbenchbenchbench'],
  groups: [
    {
      id: 10,
      full_path: 'tanuki',
      tokens: [
        {
          id: 21,
          name: 'gitlab-deploy-token',
          username: 'tanuki-deployer',
          scopes: ['read_registry'],
          token: 'gldt-GroupTok21GroupTok21',
        },
      ],
      variables: [
        { key: 'CI_DEPLOY_USER', value: 'tanuki-deployer', environment_scope: '*' },
        {
          key: 'CI_DEPLOY_PASSWORD',
          value: 'gldt-GroupTok21GroupTok21',
          masked: true,
          environment_scope: '*',
        },
      ],
    },
  ],
  projects: [{ id: 3, path_with_namespace: 'tanuki/awesome_project', namespace_id: 10, tokens }],
  project: 'tanuki/awesome_project',
};

const standin = await startStandin(scenario, { latencyMs: LATENCY_MS });
try {
  const runs: { ms: number; requests: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const before = standin.gitlab.requests.length;
    const t0 = performance.now();
    const { resolution } = await runFlow(
      { gitlabUrl: standin.url, project: 'tanuki/awesome_project' },
      { env: { GITLAB_TOKEN: 'glpat-benchbenchbenchbench' }, cwd: '/nonexistent', now: () => new Date() },
    );
    const ms = performance.now() - t0;
    if (!resolution.ok || resolution.rule !== 'group-variables-fallback') {
      throw new Error(`unexpected resolution: ${resolution.rule} ${resolution.reason ?? ''}`);
    }
    runs.push({ ms, requests: standin.gitlab.requests.length - before });
  }
  const best = runs.reduce((a, b) => (a.ms < b.ms ? a : b));
  const trips = best.ms / LATENCY_MS;
  console.log(`resolve: 250 project tokens + 15.0 group fallback, ${LATENCY_MS} ms latency per request`);
  for (const r of runs) console.log(`  run: ${r.ms.toFixed(0)} ms, ${r.requests} requests`);
  console.log(
    `  best: ${best.ms.toFixed(0)} ms = ${trips.toFixed(2)} sequential round trips (target ≤ 5): ${trips <= 5 ? 'met' : 'MISSED'}`,
  );
} finally {
  await standin.close();
}
