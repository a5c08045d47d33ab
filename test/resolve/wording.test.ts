/**
 * The words resolution hands to users (src/resolve/messages.ts): the rule sentence `plan` prints, how
 * a token, a CI/CD variable and a source are named in reasons and fixes, where to create the token,
 * and which sources the API cannot show (docs/gitlab-rules.md, "Which token", "Sources",
 * "Invisible sources"). Never a value.
 */
import type { CiVariable, DeployToken } from '../../src/gitlab/types.js';
import {
  describeToken,
  envSource,
  invisibleSources,
  noTokenFix,
  ruleTextFor,
  summarize,
  tokenSource,
  variableSource,
  variableWords,
} from '../../src/resolve/messages.js';
import type { EffectiveSet, RuleId } from '../../src/resolve/types.js';

const token: DeployToken = {
  id: 11,
  name: 'gitlab-deploy-token',
  username: 'gitlab+deploy-token-11',
  expires_at: '2027-01-31',
  revoked: false,
  scopes: ['read_repository', 'read_registry'],
};
const set = (over: Partial<CiVariable>, level: 'project' | 'group' = 'project'): EffectiveSet => ({
  state: 'set',
  level,
  path: level === 'project' ? 'tanuki/app' : 'tanuki',
  variable: { key: 'CI_DEPLOY_USER', value: 'deployer', ...over },
});

describe('the rule sentence', () => {
  const RULES: RuleId[] = [
    'project-token',
    'group-token',
    'group-variables-fallback',
    'variables-override',
    'unverified-environment',
    'ephemeral-token',
    'none',
  ];

  test('each rule has its own sentence', () => {
    const texts = RULES.map((r) => ruleTextFor(r, '17.5.1-ee'));
    expect(new Set(texts).size).toBe(RULES.length);
  });

  test('rules GitLab decides name the version they were judged on, or GitLab alone when it is unknown', () => {
    for (const rule of [
      'project-token',
      'group-token',
      'group-variables-fallback',
      'variables-override',
    ] as const) {
      expect(ruleTextFor(rule, '15.0.5-ee')).toMatch(/^GitLab 15\.0\.5-ee: /);
      expect(ruleTextFor(rule, undefined)).toMatch(/^GitLab: /);
    }
    expect(ruleTextFor('none', '17.5.1-ee')).toBe('GitLab 17.5.1-ee: no credentials');
    expect(ruleTextFor('none', undefined)).toBe('GitLab: no credentials');
  });

  test("project token: the project's own gitlab-deploy-token becomes the job's variables", () => {
    const t = ruleTextFor('project-token', '17.5.1-ee');
    expect(t).toContain("the project's active gitlab-deploy-token");
    expect(t).toContain('CI_DEPLOY_USER / CI_DEPLOY_PASSWORD');
    expect(t).toContain('app/models/project.rb');
  });

  test('group token: the direct parent group, from 15.1', () => {
    const t = ruleTextFor('group-token', '17.5.1-ee');
    expect(t).toContain("direct parent group's active gitlab-deploy-token");
    expect(t).toContain('15.1+');
  });

  test('15.0 and earlier: the group token through CI/CD variables', () => {
    const t = ruleTextFor('group-variables-fallback', '15.0.5-ee');
    expect(t).toContain('only through CI/CD variables CI_DEPLOY_USER / CI_DEPLOY_PASSWORD');
    expect(t).toContain('15.0 workaround');
  });

  test('variables override the generated ones', () => {
    expect(ruleTextFor('variables-override', '17.5.1-ee')).toContain('override the generated ones');
  });

  test('without an API token the environment is taken unverified, whatever the version', () => {
    const t = ruleTextFor('unverified-environment', '17.5.1-ee');
    expect(t).toMatch(/^no API token: /);
    expect(t).toContain('unverified');
    expect(t).not.toContain('17.5.1');
  });

  test('an ephemeral token: made for the job, deleted when it ends', () => {
    const t = ruleTextFor('ephemeral-token', '17.5.1-ee');
    expect(t).toMatch(/^ephemeral: /);
    expect(t).toContain('deleted when the job ends');
    expect(t).toContain('never named gitlab-deploy-token');
  });
});

describe('how a token is named', () => {
  test('level, id, name, username and owner, from the summary', () => {
    const s = summarize(token, 'group', 'tanuki');
    expect(describeToken(s)).toBe('group token #11 "gitlab-deploy-token" (gitlab+deploy-token-11) of tanuki');
  });

  test('the summary carries the scopes and the expiry as an instant, or null for none', () => {
    const s = summarize(token, 'project', 'tanuki/app');
    expect(s).toEqual({
      id: 11,
      name: 'gitlab-deploy-token',
      username: 'gitlab+deploy-token-11',
      scopes: ['read_repository', 'read_registry'],
      expiresAt: '2027-01-31T00:00:00.000Z',
      level: 'project',
      owner: 'tanuki/app',
    });
    expect(summarize({ ...token, expires_at: null }, 'project', 'tanuki/app').expiresAt).toBeNull();
  });

  test('a source naming a token gives its id, not its value', () => {
    expect(tokenSource(summarize(token, 'project', 'tanuki/app'))).toEqual({
      kind: 'token',
      detail: 'deploy token #11',
    });
  });
});

describe('how a CI/CD variable is named', () => {
  test('level, key, owner and environment scope', () => {
    expect(variableWords('CI_DEPLOY_USER', set({ environment_scope: 'production' }))).toBe(
      'project CI/CD variable CI_DEPLOY_USER of tanuki/app (environment scope production)',
    );
  });

  test('a variable without a scope in the answer is scope *', () => {
    expect(variableWords('CI_DEPLOY_USER', set({}))).toContain('(environment scope *)');
  });

  test('protected, hidden and file variables say so, in that order', () => {
    const v = set({ protected: true, hidden: true, value: null, variable_type: 'file' }, 'group');
    expect(variableWords('CI_DEPLOY_PASSWORD', v)).toBe(
      'group CI/CD variable CI_DEPLOY_PASSWORD of tanuki (environment scope *, protected, hidden, file)',
    );
  });

  test('a null value is hidden even without the flag (before 17.4 the field is absent)', () => {
    expect(variableWords('CI_DEPLOY_PASSWORD', set({ value: null }))).toContain('hidden');
    expect(variableWords('CI_DEPLOY_PASSWORD', set({ hidden: true }))).toContain('hidden');
    expect(variableWords('CI_DEPLOY_PASSWORD', set({ protected: false, variable_type: 'env_var' }))).toBe(
      'project CI/CD variable CI_DEPLOY_PASSWORD of tanuki/app (environment scope *)',
    );
  });

  test('its source kind is its level', () => {
    expect(variableSource('CI_DEPLOY_USER', set({})).kind).toBe('project-variable');
    expect(variableSource('CI_DEPLOY_USER', set({}, 'group'))).toEqual({
      kind: 'group-variable',
      detail: 'group CI/CD variable CI_DEPLOY_USER of tanuki (environment scope *)',
    });
  });
});

describe('the job environment as a source', () => {
  test('names the key', () => {
    expect(envSource('CI_DEPLOY_PASSWORD', false)).toEqual({
      kind: 'job-environment',
      detail: 'job environment (CI_DEPLOY_PASSWORD)',
    });
  });

  test('a file variable says the value was read from its file', () => {
    expect(envSource('CI_DEPLOY_USER', true).detail).toBe(
      'job environment (CI_DEPLOY_USER, a file variable: read from its file)',
    );
  });
});

describe('where to create the token', () => {
  test('on the project, or its direct parent group when the namespace is a group', () => {
    const fix = noTokenFix({ path: 'tanuki/app', namespaceKind: 'group', namespacePath: 'tanuki' });
    expect(fix).toContain(
      'named exactly gitlab-deploy-token on tanuki/app or its direct parent group tanuki',
    );
    expect(fix).toContain('Settings > Repository > Deploy tokens');
  });

  test('a project in a user namespace has no group to name', () => {
    const fix = noTokenFix({ path: 'alice/app', namespaceKind: 'user', namespacePath: 'alice' });
    expect(fix).toContain('gitlab-deploy-token on alice/app (');
    expect(fix).not.toContain('group');
  });

  test('an unknown project is "the project"', () => {
    expect(noTokenFix(undefined)).toContain('gitlab-deploy-token on the project (');
  });
});

describe('sources the API cannot show (builder.rb scoped_variables)', () => {
  test('over the generated token variables, all of them win', () => {
    const s = invisibleSources('token');
    for (const source of [
      'instance CI/CD variables',
      '.gitlab-ci.yml variables:',
      'dotenv reports',
      'pipeline',
    ]) {
      expect(s).toContain(source);
    }
  });

  test('over project and group variables, only pipeline, schedule and manual-job variables', () => {
    const s = invisibleSources('variables');
    expect(s).toBe('pipeline, schedule or manual-job variables');
  });
});
