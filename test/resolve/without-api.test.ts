/**
 * Without an API token (only CI_JOB_TOKEN, which cannot list deploy tokens): the environment or the
 * spec's fallback as they are, unverified (docs/gitlab-rules.md, "Writes, variables and dotenv": "the
 * job environment is used, unverified, with a warning"), and a CI_DEPLOY_USER holding a token is still
 * refused ("Token shapes": also a value equal to a password in play), never shown.
 */
import { noVariables } from '../../src/resolve/precedence.js';
import { resolveCredentials } from '../../src/resolve/resolver.js';
import type { ResolveInput } from '../../src/resolve/types.js';

const NOW = new Date('2026-11-25T10:00:00Z');
const SECRET = 'Plain-secret-value-42';

const noApi = (over: Partial<ResolveInput>): ResolveInput => ({
  now: NOW,
  apiAvailable: false,
  ancestors: [],
  jobEnv: {},
  variables: noVariables(),
  minDaysLeft: 7,
  ...over,
});

describe('a CI_DEPLOY_USER equal to the password in play: swapped, never shown', () => {
  test('from the environment', () => {
    const r = resolveCredentials(noApi({ jobEnv: { user: SECRET, password: SECRET } }));
    expect(r.exitCode).toBe(1);
    expect(r.reason).toBe('CI_DEPLOY_USER holds what looks like a token: the variables may be swapped');
    expect(r.details).toEqual([
      'CI_DEPLOY_USER comes from job environment (CI_DEPLOY_USER); its value is not shown',
    ]);
    expect(r.fix).toContain("CI_DEPLOY_USER is the token's username");
    expect(JSON.stringify(r)).not.toContain(SECRET);
  });

  test("from the spec's fallback", () => {
    const r = resolveCredentials(
      noApi({
        fallback: { usernameEnv: 'DEPLOY_USER', passwordEnv: 'DEPLOY_PASS', user: SECRET, password: SECRET },
      }),
    );
    expect(r.exitCode).toBe(1);
    expect(r.details).toEqual([
      'CI_DEPLOY_USER comes from spec token.fallback (DEPLOY_USER); its value is not shown',
    ]);
    expect(JSON.stringify(r)).not.toContain(SECRET);
  });
});

describe('what the environment gives, unverified', () => {
  test('the sources say the job environment, and which key came from a file', () => {
    const r = resolveCredentials(
      noApi({ jobEnv: { user: 'deployer', password: SECRET, fromFile: ['CI_DEPLOY_USER'] } }),
    );
    expect(r.ok).toBe(true);
    expect(r.ruleText).toMatch(/^no API token: /);
    expect(r.sources).toEqual({
      CI_DEPLOY_PASSWORD: { kind: 'job-environment', detail: 'job environment (CI_DEPLOY_PASSWORD)' },
      CI_DEPLOY_USER: {
        kind: 'job-environment',
        detail: 'job environment (CI_DEPLOY_USER, a file variable: read from its file)',
      },
    });
    expect(r.warnings).toEqual([
      {
        code: 'unverified',
        message:
          'no API token: the credentials come from the environment and could not be verified against GitLab (expiry, revocation, scopes). Set GITLAB_TOKEN with read_api to verify them',
      },
    ]);
    expect(r.considered).toEqual([]);
  });

  test('the password from a file', () => {
    const r = resolveCredentials(
      noApi({ jobEnv: { user: 'deployer', password: SECRET, fromFile: ['CI_DEPLOY_PASSWORD'] } }),
    );
    expect(r.sources.CI_DEPLOY_PASSWORD?.detail).toBe(
      'job environment (CI_DEPLOY_PASSWORD, a file variable: read from its file)',
    );
    expect(r.sources.CI_DEPLOY_USER?.detail).toBe('job environment (CI_DEPLOY_USER)');
  });

  test('a password without a user: the username cannot be looked up', () => {
    const r = resolveCredentials(noApi({ jobEnv: { password: SECRET } }));
    expect(r.exitCode).toBe(1);
    expect(r.reason).toBe(
      'CI_DEPLOY_PASSWORD is set but CI_DEPLOY_USER is not, and without an API token the username cannot be looked up',
    );
    expect(r.fix).toContain('CI_JOB_TOKEN cannot list deploy tokens');
    expect(r.credentials).toBeUndefined();
  });

  test('nothing at all: no API token and no variables', () => {
    const r = resolveCredentials(noApi({}));
    expect(r.reason).toBe(
      'no API token to look up deploy tokens, and the job environment has no CI_DEPLOY_USER / CI_DEPLOY_PASSWORD',
    );
    expect(r.rule).toBe('none');
    expect(r.sources).toEqual({});
  });

  test("the environment's password wins over the fallback's", () => {
    const r = resolveCredentials(
      noApi({
        jobEnv: { user: 'deployer', password: SECRET },
        fallback: { user: 'other', password: 'other-pass' },
      }),
    );
    expect(r.credentials).toEqual({ username: 'deployer', password: SECRET });
  });

  test('a fallback password without a user: refused, the fallback named as the source', () => {
    const r = resolveCredentials(noApi({ fallback: { passwordEnv: 'DEPLOY_PASS', password: SECRET } }));
    expect(r.exitCode).toBe(1);
    expect(r.sources).toEqual({
      CI_DEPLOY_PASSWORD: { kind: 'spec-fallback', detail: 'spec token.fallback (DEPLOY_PASS)' },
    });
  });
});
