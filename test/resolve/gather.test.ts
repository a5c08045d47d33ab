/** Gathering through the API (msw answering from the stand-in's fixtures), then deciding. */
import { createGitLabClient } from '../../src/gitlab/client.js';
import { gatherInput } from '../../src/resolve/gather.js';
import { effectiveVariable } from '../../src/resolve/precedence.js';
import { resolveCredentials } from '../../src/resolve/resolver.js';
import type { Scenario } from '../../src/standin/model.js';
import { loadScenario } from '../helpers/scenarios.js';
import { GITLAB, mswFor } from '../helpers/standin-msw.js';

const NOW = new Date('2026-11-25T10:00:00Z');
const API_TOKEN = 'glpat-demoDemoDemoDemo1234';
const scenario = loadScenario;

async function run(sc: Scenario, env: Record<string, string> = {}, extra: { environment?: string } = {}) {
  const { server, gitlab } = mswFor(sc, () => NOW);
  server.listen({ onUnhandledRequest: 'error' });
  try {
    const client = createGitLabClient({ baseUrl: GITLAB, token: API_TOKEN, sleep: async () => undefined });
    const input = await gatherInput({ client, project: sc.project, env, now: NOW, minDaysLeft: 7, ...extra });
    return { input, resolution: resolveCredentials(input), requests: gitlab.requests, client };
  } finally {
    server.close();
  }
}

describe('the demo scenarios, through the API', () => {
  test('project token: the runner-injected variables are verified against the project token', async () => {
    const sc = scenario('1-project-token.json');
    const { resolution: r } = await run(sc, sc.jobEnv);
    expect(r.ok).toBe(true);
    expect(r.rule).toBe('project-token');
    expect(r.token).toMatchObject({ id: 11, level: 'project', owner: 'tanuki/awesome_project' });
    expect(r.version).toBe('17.5.1-ee');
  });

  test('GitLab 15.0: the group token comes from the group CI/CD variables read through the API', async () => {
    const { resolution: r } = await run(scenario('2-group-token-15.0.json'));
    expect(r.ok).toBe(true);
    expect(r.rule).toBe('group-variables-fallback');
    expect(r.credentials).toEqual({ username: 'tanuki-deployer', password: 'gldt-GroupTok21GroupTok21' });
    expect(r.sources.CI_DEPLOY_PASSWORD?.kind).toBe('group-variable');
  });

  test('GitLab 17: the same group token is exposed by GitLab itself', async () => {
    const sc = scenario('3-group-token-17.json');
    const { resolution: r } = await run(sc, sc.jobEnv);
    expect(r.rule).toBe('group-token');
    expect(r.warnings.map((w) => w.code)).toContain('expiring-soon');
  });

  test('a token that expired at 00:00 UTC today is refused although the API says expired: false', async () => {
    const { resolution: r, requests } = await run(scenario('4-expired-token.json'));
    expect(r.exitCode).toBe(1);
    expect(r.reason).toContain('expired at 2026-11-25 00:00 UTC');
    // One unfiltered listing explains it: activity is computed here, as GitLab's SQL does.
    const listings = requests.filter((q) =>
      /^\/api\/v4\/projects\/(3|tanuki%2Fawesome_project)\/deploy_tokens/.test(q.url),
    );
    expect(listings.map((q) => new URL(q.url, 'http://x').searchParams.get('active'))).toEqual([null]);
  });

  test('a token on the grandparent group is named and ignored', async () => {
    const { resolution: r } = await run(scenario('5-grandparent-token.json'));
    expect(r.exitCode).toBe(1);
    expect(r.warnings.map((w) => w.code)).toContain('ancestor-token-ignored');
    expect(r.reason).toContain('not on the direct parent group');
  });
});

describe('CI/CD variables in several environment scopes (409)', () => {
  const sc = (): Scenario => ({
    ...scenario('2-group-token-15.0.json'),
    projects: [
      {
        id: 3,
        path_with_namespace: 'tanuki/awesome_project',
        namespace_id: 10,
        tokens: [],
        variables: [
          { key: 'CI_DEPLOY_USER', value: 'tanuki-deployer', environment_scope: '*' },
          { key: 'CI_DEPLOY_USER', value: 'prod-deployer', environment_scope: 'production' },
          { key: 'CI_DEPLOY_USER', value: 'review-deployer', environment_scope: 'review/*' },
        ],
      },
    ],
  });

  test.each([
    [undefined, 'tanuki-deployer'],
    ['production', 'prod-deployer'],
    ['review/feature-1', 'review-deployer'],
    ['staging', 'tanuki-deployer'],
  ])('environment %s gets %s', async (environment, user) => {
    const { input } = await run(sc(), {}, environment ? { environment } : {});
    const u = effectiveVariable(input.variables, 'CI_DEPLOY_USER', input.environment, false);
    expect(u.state).toBe('set');
    expect(u.state === 'set' && u.variable.value).toBe(user);
  });
});

describe('round trips', () => {
  test('a project token resolves in few requests', async () => {
    const sc = scenario('1-project-token.json');
    const { requests } = await run(sc, sc.jobEnv);
    // version, project, project tokens, project variables, group tokens, group variables
    expect(requests.length).toBeLessThanOrEqual(6);
  });
});

describe('access errors', () => {
  test('a refused API token is an error with exit 2 (the request is wrong) that never contains the token', async () => {
    const sc = { ...scenario('1-project-token.json'), apiTokens: ['something-else'] };
    const err = await run(sc).catch((e: unknown) => e);
    expect(err).toMatchObject({ exitCode: 2, status: 401 });
    expect(String((err as Error).message)).not.toContain(API_TOKEN);
    expect((err as { hint: string }).hint).toContain('read_api');
  });
  test('a missing project says what to check', async () => {
    const sc = { ...scenario('1-project-token.json'), project: 'tanuki/nope' };
    const err = await run(sc).catch((e: unknown) => e);
    expect(err).toMatchObject({ exitCode: 2, status: 404 });
  });
});
