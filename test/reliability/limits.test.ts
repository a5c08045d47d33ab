/** Size limits, each with a stated bound: a 10,000-token project resolves, in a bounded number of requests. */
import type { Scenario, ScenarioToken } from '../../src/standin/model.js';
import { startStandin } from '../../src/standin/server.js';
import { runCli } from '../helpers/cli.js';

test('a project with 10,000 deploy tokens: resolved from 100 pages read 4 at a time', async () => {
  const tokens: ScenarioToken[] = Array.from({ length: 10_000 }, (_, i) => ({
    id: i + 1,
    name: i === 9_000 ? 'gitlab-deploy-token' : `robot-${i}`,
    scopes: ['read_registry'],
    token: `gldt-${String(i).padStart(20, '0')}`,
  }));
  const scenario: Scenario = {
    name: 'big',
    title: 'big',
    description: '',
    version: '17.5.1-ee',
    apiTokens: ['glpat-bigbigbigbigbigbigbig'],
    groups: [{ id: 10, full_path: 'tanuki' }],
    projects: [{ id: 3, path_with_namespace: 'tanuki/awesome_project', namespace_id: 10, tokens }],
    project: 'tanuki/awesome_project',
  };
  const standin = await startStandin(scenario);
  try {
    const t0 = Date.now();
    const r = await runCli(['plan', '--format', 'json', '--gitlab-url', standin.url, '--project', '3'], {
      GITLAB_TOKEN: 'glpat-bigbigbigbigbigbigbig',
      CI_DEPLOY_USER: 'gitlab+deploy-token-9001',
      CI_DEPLOY_PASSWORD: 'gldt-00000000000000009000',
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).token.id).toBe(9001);
    const pages = standin.gitlab.requests.filter((q) => q.url.includes('/projects/3/deploy_tokens'));
    expect(pages.length).toBe(100);
    expect(Date.now() - t0).toBeLessThan(20_000);
  } finally {
    await standin.close();
  }
});
