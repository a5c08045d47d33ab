/** One describe per rule of docs/gitlab-rules.md, beyond the matrix. */
import type { CiVariable, DeployToken } from '../../src/gitlab/types.js';
import { noVariables } from '../../src/resolve/precedence.js';
import { resolveCredentials } from '../../src/resolve/resolver.js';
import type { ResolveInput, VariableLevels } from '../../src/resolve/types.js';
import { parseGitLabVersion } from '../../src/gitlab/version.js';

const NOW = new Date('2026-11-25T10:00:00Z');
/** CI/CD variables on the project and on the parent group `tanuki`. */
const levels = (project: CiVariable[], group: CiVariable[]): VariableLevels => ({
  project: { level: 'project', path: 'tanuki/app', variables: project },
  groups: [{ level: 'group', path: 'tanuki', variables: group }],
});
const token = (over: Partial<DeployToken>): DeployToken => ({
  id: 11,
  name: 'gitlab-deploy-token',
  username: `gitlab+deploy-token-${over.id ?? 11}`,
  expires_at: null,
  revoked: false,
  scopes: ['read_repository', 'read_registry'],
  ...over,
});

function input(over: Partial<ResolveInput> = {}): ResolveInput {
  return {
    now: NOW,
    apiAvailable: true,
    version: parseGitLabVersion('17.5.1-ee')!,
    project: { id: 3, path: 'tanuki/app', namespaceKind: 'group', namespacePath: 'tanuki' },
    projectTokens: [],
    group: { path: 'tanuki', id: 10, tokens: [] },
    ancestors: [],
    jobEnv: {},
    variables: noVariables('tanuki/app'),
    minDaysLeft: 7,
    ...over,
  };
}

describe('only a token named exactly gitlab-deploy-token is special', () => {
  test.each(['Gitlab-Deploy-Token', 'gitlab-deploy-token ', 'gitlab_deploy_token', 'deploy'])(
    '%j is not exposed',
    (name) => {
      const r = resolveCredentials(
        input({
          projectTokens: [token({ name })],
          jobEnv: { user: 'gitlab+deploy-token-11', password: 'gldt-xxxxxxxxxxxxxxxxxxxx' },
        }),
      );
      // The environment names token 11, which GitLab would not expose: credentials are honest variables,
      // not the special token, so the rule says CI/CD variables are in play.
      expect(r.rule).toBe('variables-override');
      expect(r.considered.find((c) => c.verdict === 'picked')).toBeUndefined();
    },
  );
});

describe('several active gitlab-deploy-tokens: GitLab picks LIMIT 1 without ORDER BY', () => {
  test('we pick the lowest id and warn, naming every id', () => {
    const r = resolveCredentials(
      input({
        projectTokens: [token({ id: 30 }), token({ id: 12 }), token({ id: 20, revoked: true })],
        jobEnv: { user: 'gitlab+deploy-token-12', password: 'gldt-aaaaaaaaaaaaaaaaaaaa' },
      }),
    );
    expect(r.ok).toBe(true);
    expect(r.token?.id).toBe(12);
    const w = r.warnings.find((x) => x.code === 'ambiguous-tokens');
    expect(w?.message).toContain('ids 12, 30');
    expect(w?.message).toContain('lowest id #12');
    expect(r.considered.map((c) => [c.token.id, c.verdict])).toEqual([
      [12, 'picked'],
      [20, 'revoked'],
      [30, 'ambiguous-not-picked'],
    ]);
  });
});

describe('a revoked or expired project token falls through to the group token', () => {
  test.each([
    ['revoked', { revoked: true }],
    ['expired', { expires_at: '2026-11-01T00:00:00.000Z' }],
  ])('%s project token', (_n, over) => {
    const r = resolveCredentials(
      input({
        projectTokens: [token(over)],
        group: { path: 'tanuki', id: 10, tokens: [token({ id: 21, username: 'grp' })] },
        jobEnv: { user: 'grp', password: 'gldt-groupgroupgroupgroup' },
      }),
    );
    expect(r.ok).toBe(true);
    expect(r.rule).toBe('group-token');
    expect(r.token).toMatchObject({ id: 21, level: 'group', owner: 'tanuki' });
  });
});

describe('expiry warnings (--min-days-left)', () => {
  test('a token expiring within the threshold warns with the date', () => {
    const r = resolveCredentials(
      input({
        projectTokens: [token({ expires_at: '2026-11-28T00:00:00.000Z' })],
        jobEnv: { user: 'gitlab+deploy-token-11', password: 'gldt-aaaaaaaaaaaaaaaaaaaa' },
      }),
    );
    const w = r.warnings.find((x) => x.code === 'expiring-soon');
    expect(w?.message).toContain('expires in 2 days, at 2026-11-28 00:00 UTC');
  });
  test('no warning beyond the threshold, nor for a token that never expires', () => {
    for (const expires_at of ['2026-12-03T00:00:00.000Z', null]) {
      const r = resolveCredentials(
        input({
          projectTokens: [token({ expires_at })],
          jobEnv: { user: 'gitlab+deploy-token-11', password: 'gldt-aaaaaaaaaaaaaaaaaaaa' },
        }),
      );
      expect(r.warnings.map((x) => x.code)).not.toContain('expiring-soon');
    }
  });
  test('the threshold is configurable', () => {
    const r = resolveCredentials(
      input({
        minDaysLeft: 30,
        projectTokens: [token({ expires_at: '2026-12-20T00:00:00.000Z' })],
        jobEnv: { user: 'gitlab+deploy-token-11', password: 'gldt-aaaaaaaaaaaaaaaaaaaa' },
      }),
    );
    expect(r.warnings.map((x) => x.code)).toContain('expiring-soon');
  });
});

describe('a token that expired at 00:00 UTC today while the API says expired: false', () => {
  test('is refused, and the plan says why', () => {
    const r = resolveCredentials(
      input({ projectTokens: [token({ expires_at: '2026-11-25T00:00:00.000Z', expired: false })] }),
    );
    expect(r.exitCode).toBe(1);
    expect(r.reason).toContain('expired at 2026-11-25 00:00 UTC');
    expect(r.considered[0]?.note).toContain('`expired: false`');
  });
});

describe('group deploy token with LFS (lfs_request.rb: project == before 15.7, has_access_to? from 15.7)', () => {
  const lfsWith = (version: string | undefined) =>
    resolveCredentials(
      input({
        version: version === undefined ? undefined : parseGitLabVersion(version)!,
        group: { path: 'tanuki', id: 10, tokens: [token({ id: 21, username: 'grp' })] },
        jobEnv: { user: 'grp', password: 'gldt-groupgroupgroupgroup' },
        job: { name: 'clone', scopes: ['read_repository'], lfs: true },
      }),
    );
  test.each(['15.1.0', '15.6.9-ee', undefined])('warns on %s (or an unknown version)', (version) => {
    const r = lfsWith(version);
    expect(r.ok).toBe(true);
    expect(r.warnings.find((w) => w.code === 'group-token-lfs')?.message).toContain('project deploy token');
  });
  test.each(['15.7.0', '17.5.1-ee'])('no warning on %s', (version) => {
    expect(lfsWith(version).warnings.map((w) => w.code)).not.toContain('group-token-lfs');
  });
  test('no warning with a project token', () => {
    const r = resolveCredentials(
      input({
        projectTokens: [token({})],
        jobEnv: { user: 'gitlab+deploy-token-11', password: 'gldt-aaaaaaaaaaaaaaaaaaaa' },
        job: { name: 'clone', scopes: ['read_repository'], lfs: true },
      }),
    );
    expect(r.warnings.map((w) => w.code)).not.toContain('group-token-lfs');
  });
});

describe('scopes matter when the token is used (docs/gitlab-rules.md, "Scopes")', () => {
  test('a job needing write_registry with a read-only token gets exit 1 naming the missing scope', () => {
    const r = resolveCredentials(
      input({
        projectTokens: [token({ scopes: ['read_registry'] })],
        jobEnv: { user: 'gitlab+deploy-token-11', password: 'gldt-aaaaaaaaaaaaaaaaaaaa' },
        job: { name: 'push', scopes: ['read_registry', 'write_registry'], lfs: false },
      }),
    );
    expect(r.exitCode).toBe(1);
    expect(r.missingScopes).toEqual(['write_registry']);
    expect(r.reason).toContain('job push needs write_registry');
    expect(r.credentials).toBeUndefined();
  });
});

describe('pushing images needs read_registry as well as write_registry (doc/user/project/deploy_tokens)', () => {
  test('a job listing write_registry alone is checked for read_registry too', () => {
    const r = resolveCredentials(
      input({
        projectTokens: [token({ scopes: ['write_registry'] })],
        jobEnv: { user: 'gitlab+deploy-token-11', password: 'gldt-aaaaaaaaaaaaaaaaaaaa' },
        job: { name: 'push', scopes: ['write_registry'], lfs: false },
      }),
    );
    expect(r.exitCode).toBe(1);
    expect(r.missingScopes).toEqual(['read_registry']);
    expect(r.reason).toContain('pushing images needs read_registry as well as write_registry');
  });
  test('with both, it passes', () => {
    const r = resolveCredentials(
      input({
        projectTokens: [token({ scopes: ['read_registry', 'write_registry'] })],
        jobEnv: { user: 'gitlab+deploy-token-11', password: 'gldt-aaaaaaaaaaaaaaaaaaaa' },
        job: { name: 'push', scopes: ['write_registry'], lfs: false },
      }),
    );
    expect(r.ok).toBe(true);
  });
});

describe('GitLab 15.1–15.3: group tokens behind a feature flag', () => {
  test('warns that an administrator could have turned it off', () => {
    const r = resolveCredentials(
      input({
        version: parseGitLabVersion('15.2.0')!,
        group: { path: 'tanuki', id: 10, tokens: [token({ id: 21, username: 'grp' })] },
        jobEnv: { user: 'grp', password: 'gldt-groupgroupgroupgroup' },
      }),
    );
    expect(r.warnings.find((w) => w.code === 'feature-flag')?.message).toContain(
      'ci_variable_for_group_gitlab_deploy_token',
    );
  });
  test('no such warning from 15.4, when the flag was removed', () => {
    const r = resolveCredentials(
      input({
        version: parseGitLabVersion('15.4.0')!,
        group: { path: 'tanuki', id: 10, tokens: [token({ id: 21, username: 'grp' })] },
        jobEnv: { user: 'grp', password: 'gldt-groupgroupgroupgroup' },
      }),
    );
    expect(r.warnings.map((w) => w.code)).not.toContain('feature-flag');
  });
});

describe('GitLab 15.0 and earlier: the fix for a group token says where to set the variables', () => {
  test('names the group, Settings > CI/CD > Variables and the username', () => {
    const r = resolveCredentials(
      input({
        version: parseGitLabVersion('15.0.5-ee')!,
        group: { path: 'tanuki', id: 10, tokens: [token({ id: 21, username: 'grp' })] },
      }),
    );
    expect(r.exitCode).toBe(1);
    expect(r.fix).toContain("group tanuki's Settings > CI/CD > Variables");
    expect(r.fix).toContain('(grp)');
    expect(r.considered[0]).toMatchObject({ verdict: 'not-exposed-before-15.1' });
  });
});

describe('unknown version', () => {
  test('assumes 15.1+ and says so', () => {
    const r = resolveCredentials(
      input({
        version: undefined,
        versionWhy: '403',
        group: { path: 'tanuki', id: 10, tokens: [token({ id: 21, username: 'grp' })] },
        jobEnv: { user: 'grp', password: 'gldt-groupgroupgroupgroup' },
      }),
    );
    expect(r.ok).toBe(true);
    expect(r.warnings.find((w) => w.code === 'version-unknown')?.message).toContain('403');
  });
});

describe('hidden CI/CD variables (17.4+: value null)', () => {
  test('explained, and not used as a password', () => {
    const r = resolveCredentials(
      input({
        version: parseGitLabVersion('15.0.5-ee')!,
        group: { path: 'tanuki', id: 10, tokens: [token({ id: 21, username: 'grp' })] },
        variables: levels(
          [],
          [
            { key: 'CI_DEPLOY_USER', value: 'grp', environment_scope: '*' },
            { key: 'CI_DEPLOY_PASSWORD', value: null, hidden: true, masked: true, environment_scope: '*' },
          ],
        ),
      }),
    );
    expect(r.exitCode).toBe(1);
    expect(r.credentials).toBeUndefined();
    expect(r.warnings.find((w) => w.code === 'hidden-variable')?.message).toContain('hidden');
  });
});

describe('without an API token (only CI_JOB_TOKEN, which cannot list deploy tokens)', () => {
  test('the job environment is used, with a warning that it is unverified', () => {
    const r = resolveCredentials(
      input({
        apiAvailable: false,
        jobEnv: { user: 'gitlab+deploy-token-11', password: 'gldt-aaaaaaaaaaaaaaaaaaaa' },
      }),
    );
    expect(r.ok).toBe(true);
    expect(r.rule).toBe('unverified-environment');
    expect(r.warnings.map((w) => w.code)).toEqual(['unverified']);
  });
  test('nothing in the environment: exit 1 with the fix', () => {
    const r = resolveCredentials(input({ apiAvailable: false }));
    expect(r.exitCode).toBe(1);
    expect(r.fix).toContain('GITLAB_TOKEN');
  });
  test('the spec fallback is used when the environment has nothing', () => {
    const r = resolveCredentials(
      input({
        apiAvailable: false,
        fallback: {
          usernameEnv: 'U',
          passwordEnv: 'P',
          user: 'deployer',
          password: 'gldt-fallbackfallbackfa',
        },
      }),
    );
    expect(r.credentials).toEqual({ username: 'deployer', password: 'gldt-fallbackfallbackfa' });
    expect(r.sources.CI_DEPLOY_PASSWORD?.detail).toContain('P');
  });
});

describe('a password without a username', () => {
  test('takes the username of the token GitLab exposes, as the predefined variable would', () => {
    const r = resolveCredentials(
      input({ projectTokens: [token({})], jobEnv: { password: 'gldt-aaaaaaaaaaaaaaaaaaaa' } }),
    );
    expect(r.ok).toBe(true);
    expect(r.credentials?.username).toBe('gitlab+deploy-token-11');
    expect(r.sources.CI_DEPLOY_USER?.kind).toBe('token');
  });
  test('without any token to take it from: exit 1, the missing token first, then the missing user', () => {
    const r = resolveCredentials(input({ jobEnv: { password: 'gldt-aaaaaaaaaaaaaaaaaaaa' } }));
    expect(r.exitCode).toBe(1);
    expect(r.reason).toContain('no active deploy token named gitlab-deploy-token on tanuki/app');
    expect(r.details?.join('\n')).toContain('CI_DEPLOY_USER is not');
  });
});

describe('project CI/CD variables take precedence over group ones', () => {
  test('both set: the project pair wins', () => {
    const pair = (u: string, p: string): CiVariable[] => [
      { key: 'CI_DEPLOY_USER', value: u, environment_scope: '*' },
      { key: 'CI_DEPLOY_PASSWORD', value: p, masked: true, environment_scope: '*' },
    ];
    const r = resolveCredentials(
      input({
        version: parseGitLabVersion('15.0.5-ee')!,
        group: {
          path: 'tanuki',
          id: 10,
          tokens: [token({ id: 21, username: 'grp' }), token({ id: 22, name: 'other', username: 'other' })],
        },
        variables: levels(
          pair('other', 'gldt-otherotherotherothe'),
          pair('grp', 'gldt-groupgroupgroupgroup'),
        ),
      }),
    );
    expect(r.ok).toBe(true);
    expect(r.credentials?.username).toBe('other');
    expect(r.sources.CI_DEPLOY_PASSWORD?.kind).toBe('project-variable');
  });
});
