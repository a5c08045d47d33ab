/**
 * Environment-scoped CI/CD variables (lib/gitlab/sql/glob.rb, `on_environment` in
 * app/models/concerns/ci/has_environment_scope.rb): which row of one key a job in an environment gets.
 * Written for mutants of src/resolve/precedence.ts that the other in-process tests left alive.
 */
import type { CiVariable } from '../../src/gitlab/types.js';
import { pickForEnvironment, scopeMatches } from '../../src/resolve/precedence.js';

const row = (scope: string, value: string): CiVariable =>
  ({ key: 'CI_DEPLOY_USER', value, environment_scope: scope }) as CiVariable;

describe('scopeMatches: GitLab scope glob', () => {
  test.each([
    ['*', undefined, true],
    ['*', 'production', true],
    ['production', undefined, false],
    ['review/*', undefined, false],
    ['production', 'production', true],
    ['production', 'production-eu', false],
    ['review/*', 'review/feature-1', true],
    ['review/*', 'staging', false],
    ['a.c', 'abc', false],
    ['*-eu', 'production-eu', true],
  ] as const)('scope %j, environment %j: %j', (scope, env, expected) => {
    expect(scopeMatches(scope, env)).toBe(expected);
  });
});

describe('pickForEnvironment: exact beats pattern beats *', () => {
  test('no row matches: nothing, no note', () => {
    expect(pickForEnvironment([row('staging', 's')], 'production')).toEqual({});
  });
  test('one matching row: that row, no note', () => {
    expect(pickForEnvironment([row('staging', 's'), row('production', 'p')], 'production')).toEqual({
      variable: row('production', 'p'),
    });
  });
  test('exact scope wins over a pattern and *, whatever the order, and the note names them all', () => {
    const r = pickForEnvironment(
      [row('*', 'any'), row('prod*', 'pat'), row('production', 'exact')],
      'production',
    );
    expect(r.variable?.value).toBe('exact');
    expect(r.note).toBe(
      '3 environment scopes match environment production (production, prod*, *); GitLab uses production',
    );
  });
  test('a pattern wins over *', () => {
    const r = pickForEnvironment([row('*', 'any'), row('prod*', 'pat')], 'production');
    expect(r.variable?.value).toBe('pat');
    expect(r.note).not.toContain('unspecified');
  });
  test('two equally specific patterns: the note says GitLab does not specify which', () => {
    const r = pickForEnvironment([row('prod*', 'a'), row('*tion', 'b')], 'production');
    expect(r.note).toContain("several equally specific patterns: GitLab's choice among them is unspecified");
  });
  test('without an environment only * matches; two * rows tie', () => {
    const r = pickForEnvironment([row('*', 'a'), row('production', 'p'), row('*', 'b')], undefined);
    expect(r.variable?.value).toBe('a');
    expect(r.note).toBe(
      "2 environment scopes match (*, *); GitLab uses * (several equally specific patterns: GitLab's choice among them is unspecified)",
    );
  });
});
