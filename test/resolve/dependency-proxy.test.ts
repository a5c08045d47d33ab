/**
 * What the job does with the token it gets (src/resolve/checks.ts), as docs/gitlab-rules.md states
 * GitLab's rules:
 * - "Dependency proxy": `DeployToken#valid_for_dependency_proxy?` — a group token, active, with
 *   read_registry + write_registry, or the virtual-registry pair (behind a flag, off by default, from
 *   17.11; generally available in 18.0); deploy tokens at all from 14.2.
 * - "Scopes": a scope this version does not have is named as such; scopes cannot be changed later.
 * - The expiry warning (`--min-days-left`) counts whole days left.
 */
import type { DeployToken } from '../../src/gitlab/types.js';
import type { Scope } from '../../src/gitlab/scopes.js';
import { parseGitLabVersion } from '../../src/gitlab/version.js';
import { noVariables } from '../../src/resolve/precedence.js';
import { planExitCode, resolveCredentials } from '../../src/resolve/resolver.js';
import type { ResolveInput } from '../../src/resolve/types.js';

const NOW = new Date('2026-11-25T10:00:00Z');
const GROUP_SECRET = 'gldt-GroupTok21GroupTok21';
const PROJECT_SECRET = 'gldt-ProjToken11ProjToken1';

const groupToken = (scopes: Scope[], over: Partial<DeployToken> = {}): DeployToken => ({
  id: 21,
  name: 'gitlab-deploy-token',
  username: 'tanuki-deployer',
  expires_at: null,
  revoked: false,
  scopes,
  ...over,
});
const projectToken = (scopes: Scope[]): DeployToken => ({
  id: 11,
  name: 'gitlab-deploy-token',
  username: 'gitlab+deploy-token-11',
  expires_at: null,
  revoked: false,
  scopes,
});

/** A job of tanuki/app pulling through the dependency proxy, on `version`, with the token GitLab exposes. */
function proxyJob(version: string, token: DeployToken, level: 'project' | 'group' = 'group'): ResolveInput {
  return {
    now: NOW,
    apiAvailable: true,
    version: parseGitLabVersion(version)!,
    project: { id: 3, path: 'tanuki/app', namespaceKind: 'group', namespacePath: 'tanuki' },
    projectTokens: level === 'project' ? [token] : [],
    group: { path: 'tanuki', id: 10, tokens: level === 'group' ? [token] : [] },
    ancestors: [],
    jobEnv: { user: token.username, password: level === 'group' ? GROUP_SECRET : PROJECT_SECRET },
    variables: noVariables('tanuki/app'),
    minDaysLeft: 7,
    job: { name: 'proxy', scopes: ['read_registry', 'write_registry'], lfs: false, dependencyProxy: true },
  };
}

describe('the dependency proxy takes a group deploy token with a registry scope pair', () => {
  test('a group token with read_registry and write_registry: the job gets it', () => {
    const r = resolveCredentials(proxyJob('17.5.1-ee', groupToken(['read_registry', 'write_registry'])));
    expect(r.ok).toBe(true);
    expect(r.rule).toBe('group-token');
    expect(r.credentials).toEqual({ username: 'tanuki-deployer', password: GROUP_SECRET });
  });

  test('a project token is refused, whatever its scopes', () => {
    const r = resolveCredentials(
      proxyJob('17.5.1-ee', projectToken(['read_registry', 'write_registry']), 'project'),
    );
    expect(r.exitCode).toBe(1);
    expect(r.credentials).toBeUndefined();
    expect(r.reason).toContain(
      'job proxy pulls through the dependency proxy, which accepts group deploy tokens only',
    );
    expect(r.reason).toContain('project token #11');
    expect(r.fix).toContain('use a group deploy token');
  });

  test('before 14.2 no deploy token is accepted: upgrade, or use the dependency proxy variables', () => {
    const r = resolveCredentials(proxyJob('14.1.0', groupToken(['read_registry', 'write_registry'])));
    expect(r.exitCode).toBe(1);
    expect(r.reason).toContain('which accepts deploy tokens from GitLab 14.2 on');
    expect(r.fix).toContain('CI_DEPENDENCY_PROXY_USER / CI_DEPENDENCY_PROXY_PASSWORD');
  });

  test('from 14.2 a group token is accepted', () => {
    expect(resolveCredentials(proxyJob('14.2.0', groupToken(['read_registry', 'write_registry']))).ok).toBe(
      true,
    );
  });

  test('a group token without write_registry: the scope the job lists is missing first', () => {
    const r = resolveCredentials(proxyJob('17.5.1-ee', groupToken(['read_registry', 'read_repository'])));
    expect(r.exitCode).toBe(1);
    // The job's own scopes are missing first: write_registry.
    expect(r.missingScopes).toEqual(['write_registry']);
  });

  test('a job listing no registry scope, with a token holding only read_registry: the pair is still needed', () => {
    const input = proxyJob('17.5.1-ee', groupToken(['read_registry', 'read_repository']));
    input.job = { name: 'proxy', scopes: ['read_repository'], lfs: false, dependencyProxy: true };
    const r = resolveCredentials(input);
    expect(r.exitCode).toBe(1);
    expect(r.reason).toContain(
      'needs read_registry and write_registry (or read_virtual_registry and write_virtual_registry)',
    );
    expect(r.reason).toContain('has read_registry, read_repository');
  });

  test('a token without scopes says so', () => {
    const input = proxyJob('17.5.1-ee', groupToken([]));
    input.job = { name: 'proxy', scopes: [], lfs: false, dependencyProxy: true };
    expect(resolveCredentials(input).reason).toMatch(/has no scopes$/);
  });
});

describe('the virtual-registry pair (read_virtual_registry + write_virtual_registry)', () => {
  const virtual = (): DeployToken => groupToken(['read_virtual_registry', 'write_virtual_registry']);

  test('works from 18.0; the registry scopes the job lists are then not asked of the token', () => {
    const r = resolveCredentials(proxyJob('18.0.0', virtual()));
    expect(r.ok).toBe(true);
    expect(r.missingScopes).toBeUndefined();
  });

  test('works when the version is unknown (the model accepts either pair)', () => {
    const input = proxyJob('18.0.0', virtual());
    delete input.version;
    expect(resolveCredentials(input).ok).toBe(true);
  });

  test('on 17.11 only behind the feature flag, off by default', () => {
    const r = resolveCredentials(proxyJob('17.11.2', virtual()));
    expect(r.exitCode).toBe(1);
    expect(r.reason).toContain('the virtual-registry scope pair of group token #21');
    expect(r.reason).toContain(
      'only behind the feature flag dependency_proxy_read_write_scopes (off by default) before 18.0',
    );
  });

  test('before 17.11 not at all: from 18.0 on', () => {
    const r = resolveCredentials(proxyJob('17.10.0', virtual()));
    expect(r.exitCode).toBe(1);
    expect(r.reason).toMatch(/works there from 18\.0 on$/);
  });

  test('a job that does not use the proxy still needs the registry scopes it lists', () => {
    const input = proxyJob('18.0.0', virtual());
    input.job = { name: 'pull', scopes: ['read_registry'], lfs: false, dependencyProxy: false };
    const r = resolveCredentials(input);
    expect(r.exitCode).toBe(1);
    expect(r.missingScopes).toEqual(['read_registry']);
  });
});

describe('outside a job, the token GitLab gives the job at run time is checked too', () => {
  test('plan fails when the job would be refused by the dependency proxy', () => {
    const input = proxyJob('17.5.1-ee', projectToken(['read_registry', 'write_registry']), 'project');
    input.jobEnv = {};
    const r = resolveCredentials(input);
    expect(r.exitCode).toBe(1);
    expect(r.forJob).toEqual({ ok: false, line: r.reason });
    expect(r.reason).toContain('accepts group deploy tokens only');
    expect(planExitCode(r)).toBe(1);
  });

  test('and passes when the job would get a working token', () => {
    const input = proxyJob('17.5.1-ee', groupToken(['read_registry', 'write_registry']));
    input.jobEnv = {};
    const r = resolveCredentials(input);
    expect(r.exitCode).toBe(1);
    expect(r.forJob?.ok).toBe(true);
    expect(planExitCode(r)).toBe(0);
  });
});

describe('scopes this GitLab does not have', () => {
  const job = (version: string, scopes: Scope[], tokenScopes: Scope[]) => {
    const input = proxyJob(version, groupToken(tokenScopes));
    input.job = { name: 'virtual', scopes, lfs: false };
    return resolveCredentials(input);
  };

  test('one missing scope newer than the version: it does not exist there, upgrade first', () => {
    const r = job('17.5.1-ee', ['read_repository', 'write_virtual_registry'], ['read_repository']);
    expect(r.missingScopes).toEqual(['write_virtual_registry']);
    expect(r.details).toEqual([
      'write_virtual_registry does not exist on this GitLab version: upgrade first',
    ]);
  });

  test('several: "do not exist"', () => {
    const r = job('17.2.0', ['read_virtual_registry', 'write_virtual_registry'], ['read_repository']);
    expect(r.details).toEqual([
      'read_virtual_registry, write_virtual_registry do not exist on this GitLab version: upgrade first',
    ]);
  });

  test('missing scopes that exist on the version: no such line', () => {
    const r = job('17.9.0', ['write_virtual_registry'], ['read_repository']);
    expect(r.missingScopes).toEqual(['write_virtual_registry']);
    expect(r.details).toBeUndefined();
  });

  test('the fix asks for a new token with the scopes it has and those missing, in GitLab order', () => {
    const r = job(
      '17.9.0',
      ['write_virtual_registry', 'read_repository'],
      ['write_registry', 'read_repository'],
    );
    expect(r.fix).toBe(
      'create a new deploy token with the scopes read_repository, write_registry, write_virtual_registry (scopes cannot be changed after creation) and revoke this one',
    );
  });
});

describe('the expiry warning counts whole days', () => {
  const expiring = (expires_at: string) => {
    const input = proxyJob('17.5.1-ee', groupToken(['read_registry', 'write_registry'], { expires_at }));
    return resolveCredentials(input).warnings.find((w) => w.code === 'expiring-soon')?.message;
  };

  test('one day and a half left: "1 day"', () => {
    expect(expiring('2026-11-26T22:00:00.000Z')).toContain('expires in 1 day, at 2026-11-26 22:00 UTC');
  });

  test('hours left: "0 days"', () => {
    expect(expiring('2026-11-25T18:00:00.000Z')).toContain('expires in 0 days, at 2026-11-25 18:00 UTC');
  });

  test('names the threshold', () => {
    expect(expiring('2026-11-28T00:00:00.000Z')).toContain('(less than 7); rotate it');
  });

  test('exactly the threshold left: no warning', () => {
    expect(expiring('2026-12-02T10:00:00.000Z')).toBeUndefined();
  });
});
