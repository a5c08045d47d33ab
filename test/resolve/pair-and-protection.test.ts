/**
 * The in-process part of the CLI scenarios (test/resolve/scenarios.test.ts, sections 1–3), decided by
 * the resolver alone: a pair is one token, protected variables reach protected refs only, hidden and
 * unreadable values never fall through, and a GitLab job gets only what is in its environment
 * (docs/gitlab-rules.md: "A pair is one token", "Protected variables", "Unreadable levels", "Sources").
 * Each test names the GitLab rule it follows; the world is the scenarios' one: project tanuki/app in
 * group tanuki, project token #11, group token #21 (tanuki-deployer).
 */
import type { CiVariable, DeployToken } from '../../src/gitlab/types.js';
import { parseGitLabVersion } from '../../src/gitlab/version.js';
import { planExitCode, resolveCredentials } from '../../src/resolve/resolver.js';
import type { ResolveInput } from '../../src/resolve/types.js';

const NOW = new Date('2026-11-25T10:00:00Z');
const P11 = 'gldt-ProjToken11ProjToken1';
const G21 = 'gldt-GroupTok21GroupTok21';
const G22 = 'gldt-GroupTok22GroupTok22';

const projectToken: DeployToken = {
  id: 11,
  name: 'gitlab-deploy-token',
  username: 'gitlab+deploy-token-11',
  expires_at: null,
  revoked: false,
  scopes: ['read_repository', 'read_registry'],
};
const groupToken: DeployToken = { ...projectToken, id: 21, username: 'tanuki-deployer' };
const otherGroupToken: DeployToken = { ...projectToken, id: 22, name: 'other', username: 'other-deployer' };

const v = (key: string, value: string | null, over: Partial<CiVariable> = {}): CiVariable => ({
  key,
  value,
  masked: key === 'CI_DEPLOY_PASSWORD',
  protected: false,
  environment_scope: '*',
  ...over,
});
const groupPair = (over: Partial<CiVariable> = {}) => [
  v('CI_DEPLOY_USER', 'tanuki-deployer', over),
  v('CI_DEPLOY_PASSWORD', G21, over),
];

interface World {
  version?: string;
  projectTokens?: DeployToken[];
  groupTokens?: DeployToken[];
  /** undefined: the project's variables could not be read (403). */
  projectVars?: CiVariable[] | undefined;
  groupVars?: CiVariable[];
}

function input(w: World, over: Partial<ResolveInput> = {}): ResolveInput {
  const projectVars = 'projectVars' in w ? w.projectVars : [];
  return {
    now: NOW,
    apiAvailable: true,
    version: parseGitLabVersion(w.version ?? '17.5.1-ee')!,
    project: { id: 3, path: 'tanuki/app', namespaceKind: 'group', namespacePath: 'tanuki' },
    projectTokens: w.projectTokens ?? [],
    group: { path: 'tanuki', id: 10, tokens: w.groupTokens ?? [] },
    ancestors: [],
    jobEnv: {},
    variables: {
      project: {
        level: 'project',
        path: 'tanuki/app',
        ...(projectVars ? { variables: projectVars } : { why: '403 Forbidden' }),
      },
      groups: [{ level: 'group', path: 'tanuki', variables: w.groupVars ?? [] }],
    },
    minDaysLeft: 7,
    ...over,
  };
}
/** In a GitLab job on a protected ref. */
const inJob = (env: ResolveInput['jobEnv'], protectedRef = true): Partial<ResolveInput> => ({
  inGitLabJob: true,
  jobEnv: env,
  ref: protectedRef
    ? { state: 'protected', ref: 'main', source: 'CI_COMMIT_REF_PROTECTED' }
    : { state: 'unprotected', ref: 'feature', source: 'CI_COMMIT_REF_PROTECTED' },
});
/** A resolution carries no secret outside its credentials. */
const words = (r: ReturnType<typeof resolveCredentials>) => JSON.stringify({ ...r, credentials: undefined });

describe('a pair is one token (lib/gitlab/auth.rb deploy_token_check: found by password, then its username)', () => {
  test('outside a job, a CI_DEPLOY_USER variable over the generated password: refused, naming both tokens', () => {
    const r = resolveCredentials(
      input({
        projectTokens: [projectToken],
        groupTokens: [groupToken],
        projectVars: [v('CI_DEPLOY_USER', 'tanuki-deployer')],
      }),
    );
    expect(r.exitCode).toBe(1);
    expect(planExitCode(r)).toBe(1);
    expect(r.reason).toMatch(
      /^mismatched pair: CI_DEPLOY_USER comes from the project CI\/CD variable CI_DEPLOY_USER of tanuki\/app \(environment scope \*\), but CI_DEPLOY_PASSWORD from project token #11 /,
    );
    expect(r.reason).toContain('a pair from two tokens (group token #21');
    expect(r.reason).toContain('and #11), and GitLab refuses the login');
    expect(r.fix).toMatch(
      /^delete CI_DEPLOY_USER in project tanuki\/app's Settings > CI\/CD > Variables so the job gets project token #11/,
    );
    expect(r.fix).toMatch(
      /or add CI_DEPLOY_PASSWORD beside it \(same level, environment scope and protection\) with the matching token value$/,
    );
    expect(r.forJob?.ok).toBe(false);
  });

  test('outside a job, a CI_DEPLOY_PASSWORD variable under the generated user: refused, the value never shown', () => {
    const r = resolveCredentials(
      input({
        projectTokens: [projectToken],
        groupTokens: [groupToken],
        projectVars: [v('CI_DEPLOY_PASSWORD', G21)],
      }),
    );
    expect(r.exitCode).toBe(1);
    expect(r.reason).toMatch(
      /^mismatched pair: CI_DEPLOY_PASSWORD comes from the project CI\/CD variable CI_DEPLOY_PASSWORD of tanuki\/app \(environment scope \*\), but CI_DEPLOY_USER from project token #11/,
    );
    expect(r.reason).toContain('(the token whose value the variable holds and #11)');
    expect(r.fix).toMatch(/with the matching username$/);
    expect(words(r)).not.toContain(G21);
  });

  test('a CI_DEPLOY_USER variable naming the exposed token itself: one token, fine', () => {
    const r = resolveCredentials(
      input(
        { projectTokens: [projectToken], projectVars: [v('CI_DEPLOY_USER', 'gitlab+deploy-token-11')] },
        inJob({ user: 'gitlab+deploy-token-11', password: P11 }),
      ),
    );
    expect(r.ok).toBe(true);
    expect(r.rule).toBe('project-token');
    expect(r.credentials).toEqual({ username: 'gitlab+deploy-token-11', password: P11 });
  });

  test('in a job, the user from a variable and the password generated: resolve refuses', () => {
    const r = resolveCredentials(
      input(
        {
          projectTokens: [projectToken],
          groupTokens: [groupToken],
          projectVars: [v('CI_DEPLOY_USER', 'tanuki-deployer')],
        },
        inJob({ user: 'tanuki-deployer', password: P11 }),
      ),
    );
    expect(r.exitCode).toBe(1);
    expect(r.credentials).toBeUndefined();
    expect(r.reason).toMatch(/^mismatched pair: CI_DEPLOY_USER comes from the project CI\/CD variable/);
    expect(r.sources.CI_DEPLOY_PASSWORD?.kind).toBe('job-environment');
    expect(words(r)).not.toContain(P11);
  });

  test('in a job, a hidden CI_DEPLOY_USER variable is where the user came from too', () => {
    const r = resolveCredentials(
      input(
        {
          projectTokens: [projectToken],
          groupTokens: [groupToken],
          projectVars: [v('CI_DEPLOY_USER', null, { hidden: true })],
        },
        inJob({ user: 'tanuki-deployer', password: P11 }),
      ),
    );
    expect(r.exitCode).toBe(1);
    expect(r.reason).toMatch(
      /^mismatched pair: CI_DEPLOY_USER comes from the project CI\/CD variable CI_DEPLOY_USER of tanuki\/app \(environment scope \*, hidden\)/,
    );
  });

  test("in a job, a variable whose value is not the environment's did not give it: the environment's pair is judged", () => {
    // Something the API cannot show (.gitlab-ci.yml variables:) gave the job the project token's own user.
    const r = resolveCredentials(
      input(
        {
          projectTokens: [projectToken],
          groupTokens: [groupToken],
          projectVars: [v('CI_DEPLOY_USER', 'tanuki-deployer')],
        },
        inJob({ user: 'gitlab+deploy-token-11', password: P11 }),
      ),
    );
    expect(r.ok).toBe(true);
    expect(r.rule).toBe('project-token');
    expect(r.credentials).toEqual({ username: 'gitlab+deploy-token-11', password: P11 });
  });

  test('in a job, the password from a group variable and the user generated: refused', () => {
    const r = resolveCredentials(
      input(
        {
          projectTokens: [projectToken],
          groupTokens: [groupToken],
          groupVars: [v('CI_DEPLOY_PASSWORD', G21)],
        },
        inJob({ user: 'gitlab+deploy-token-11', password: G21 }),
      ),
    );
    expect(r.exitCode).toBe(1);
    expect(r.reason).toMatch(
      /^mismatched pair: CI_DEPLOY_PASSWORD comes from the group CI\/CD variable CI_DEPLOY_PASSWORD of tanuki /,
    );
    expect(words(r)).not.toContain(G21);
  });

  test('in a job, the password from a variable and no user in the environment: refused as well', () => {
    const r = resolveCredentials(
      input(
        { projectTokens: [projectToken], groupVars: [v('CI_DEPLOY_PASSWORD', null, { hidden: true })] },
        inJob({ password: G21 }),
      ),
    );
    expect(r.exitCode).toBe(1);
    expect(r.reason).toMatch(/^mismatched pair: CI_DEPLOY_PASSWORD comes from the group CI\/CD variable/);
  });

  test('in a job, a password variable with another value than the environment: the environment is judged', () => {
    const r = resolveCredentials(
      input(
        { projectTokens: [projectToken], groupVars: [v('CI_DEPLOY_PASSWORD', G21)] },
        inJob({ user: 'gitlab+deploy-token-11', password: P11 }),
      ),
    );
    expect(r.ok).toBe(true);
    expect(r.rule).toBe('project-token');
  });

  test('one key from a variable and no token at all: no pair, the missing token first', () => {
    const r = resolveCredentials(input({ projectVars: [v('CI_DEPLOY_USER', 'tanuki-deployer')] }));
    expect(r.exitCode).toBe(1);
    expect(r.reason).toBe(
      'the job gets no CI_DEPLOY_USER / CI_DEPLOY_PASSWORD: no active deploy token named gitlab-deploy-token on tanuki/app and its parent group tanuki',
    );
    expect(r.details?.[0]).toBe(
      "the project CI/CD variable CI_DEPLOY_USER of tanuki/app (environment scope *) is set, but nothing gives the job CI_DEPLOY_PASSWORD: a pair is one token's username and value",
    );
    expect(r.fix).toMatch(
      /^add CI_DEPLOY_PASSWORD beside CI_DEPLOY_USER in project tanuki\/app's Settings > CI\/CD > Variables, or delete CI_DEPLOY_USER; create a deploy token named exactly gitlab-deploy-token/,
    );
  });

  test('the password alone from a variable, no token: the user is what is missing', () => {
    const r = resolveCredentials(input({ groupVars: [v('CI_DEPLOY_PASSWORD', G21)] }));
    expect(r.exitCode).toBe(1);
    expect(r.details?.[0]).toContain('is set, but nothing gives the job CI_DEPLOY_USER');
    expect(r.fix).toMatch(/^add CI_DEPLOY_USER beside CI_DEPLOY_PASSWORD in group tanuki's /);
    expect(words(r)).not.toContain(G21);
  });

  test('variables naming another token than the exposed one: one precise shadowing warning, not two', () => {
    const r = resolveCredentials(
      input({
        projectTokens: [projectToken],
        groupTokens: [groupToken, otherGroupToken],
        projectVars: [v('CI_DEPLOY_USER', 'other-deployer'), v('CI_DEPLOY_PASSWORD', G22)],
      }),
    );
    expect(r.ok).toBe(true);
    expect(r.rule).toBe('variables-override');
    const shadow = r.warnings.filter((w) => w.code === 'variables-shadow-token');
    expect(shadow).toHaveLength(1);
    expect(shadow[0]?.message).toMatch(
      /^CI_DEPLOY_USER names group token #22 "other" \(other-deployer\) of tanuki instead of project token #11/,
    );
  });

  test('variables naming the exposed token: the generic warning that they go stale on rotation', () => {
    const r = resolveCredentials(input({ groupTokens: [groupToken], groupVars: groupPair() }));
    expect(r.ok).toBe(true);
    const shadow = r.warnings.filter((w) => w.code === 'variables-shadow-token');
    expect(shadow).toHaveLength(1);
    expect(shadow[0]?.message).toMatch(
      /^CI\/CD variables CI_DEPLOY_USER \/ CI_DEPLOY_PASSWORD override the variables GitLab generates from group token #21 .* and go stale when the token is rotated/,
    );
  });
});

describe('protected variables reach protected refs only (builder/group.rb: variables.unprotected unless protected_ref)', () => {
  const world: World = {
    version: '15.0.5-ee',
    groupTokens: [groupToken],
    groupVars: groupPair({ protected: true }),
  };

  test('on a protected ref: exported', () => {
    const r = resolveCredentials(
      input(world, { ref: { state: 'protected', ref: 'main', source: 'protected branches API' } }),
    );
    expect(r.ok).toBe(true);
    expect(r.rule).toBe('group-variables-fallback');
    expect(r.credentials).toEqual({ username: 'tanuki-deployer', password: G21 });
    expect(r.ref?.state).toBe('protected');
    expect(r.warnings.map((w) => w.code)).not.toContain('protected-variable');
  });

  test('on an unprotected ref: nothing, and why', () => {
    const r = resolveCredentials(
      input(world, { ref: { state: 'unprotected', ref: 'feature', source: 'protected branches API' } }),
    );
    expect(r.exitCode).toBe(1);
    expect(r.reason).toContain('does not expose group deploy tokens');
    expect(r.details).toContain(
      'the group CI/CD variable CI_DEPLOY_USER of tanuki (environment scope *, protected) is protected: GitLab gives it only to jobs on protected branches and tags, and feature is not protected',
    );
    expect(r.details).toContain(
      'the group CI/CD variable CI_DEPLOY_PASSWORD of tanuki (environment scope *, protected) is protected: GitLab gives it only to jobs on protected branches and tags, and feature is not protected',
    );
    expect(words(r)).not.toContain(G21);
  });

  test('an unprotected ref whose name is not known is "this ref"', () => {
    const r = resolveCredentials(
      input(world, { ref: { state: 'unprotected', source: 'CI_COMMIT_REF_PROTECTED' } }),
    );
    expect(r.details?.join('\n')).toContain('and this ref is not protected');
  });

  test('unprotected variables reach every ref: no such line', () => {
    const r = resolveCredentials(
      input(
        { ...world, groupVars: groupPair() },
        { ref: { state: 'unprotected', ref: 'feature', source: 'x' } },
      ),
    );
    expect(r.ok).toBe(true);
    expect(JSON.stringify(r)).not.toContain('is protected');
  });

  test('a job that gets a token anyway is warned about the protected variables it does not get', () => {
    const r = resolveCredentials(
      input(
        {
          projectTokens: [projectToken],
          groupTokens: [groupToken],
          groupVars: groupPair({ protected: true }),
        },
        inJob({ user: 'gitlab+deploy-token-11', password: P11 }, false),
      ),
    );
    expect(r.ok).toBe(true);
    expect(r.rule).toBe('project-token');
    const lines = r.warnings.filter((w) => w.code === 'protected-variable').map((w) => w.message);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^the group CI\/CD variable CI_DEPLOY_USER of tanuki .* and feature is not protected$/,
    );
  });

  test('a protected variable shadowed on the unprotected ref by an unprotected one is not withheld', () => {
    const r = resolveCredentials(
      input(
        {
          version: '15.0.5-ee',
          groupTokens: [groupToken],
          projectVars: groupPair(),
          groupVars: [v('CI_DEPLOY_USER', 'other', { protected: true })],
        },
        { ref: { state: 'unprotected', ref: 'feature', source: 'x' } },
      ),
    );
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => w.code)).not.toContain('protected-variable');
  });

  describe('no ref given: both outcomes are worked out', () => {
    const r = resolveCredentials(input(world));

    test('resolve exports nothing, and says it depends on the ref', () => {
      expect(r.ok).toBe(false);
      expect(r.exitCode).toBe(1);
      expect(r.credentials).toBeUndefined();
      expect(r.reason).toBe(
        'what the job gets depends on whether its ref is protected: protected CI/CD variables reach jobs on protected branches and tags only',
      );
      expect(r.fix).toContain('pass --ref NAME (default $CI_COMMIT_REF_NAME)');
      expect(words(r)).not.toContain(G21);
    });

    test('each outcome in one line', () => {
      expect(r.details?.[0]).toBe(
        'on a protected ref: the credentials of group token #21 (from group CI/CD variable CI_DEPLOY_PASSWORD of tanuki (environment scope *, protected))',
      );
      expect(r.details?.[1]).toMatch(
        /^on an unprotected ref: GitLab 15\.0\.5-ee \(15\.0 or earlier\) does not expose group deploy tokens/,
      );
      expect(r.outcomes?.protected).toMatchObject({ ok: true, jobOk: true });
      expect(r.outcomes?.unprotected).toMatchObject({ ok: false, jobOk: false });
    });

    test('the job is fine only if it is fine on both: plan fails', () => {
      expect(r.forJob).toEqual({
        ok: false,
        line: 'it depends on whether the ref is protected (see both outcomes)',
      });
      expect(planExitCode(r)).toBe(1);
    });

    test('where the outcomes do not differ, the one answer', () => {
      const same = resolveCredentials(input({ ...world, groupVars: groupPair() }));
      expect(same.ok).toBe(true);
      expect(same.outcomes).toBeUndefined();
      expect(same.credentials).toEqual({ username: 'tanuki-deployer', password: G21 });
    });

    test('the job gets a token either way, only the credentials here differ: plan passes', () => {
      const both = resolveCredentials(
        input({
          projectTokens: [projectToken],
          groupTokens: [groupToken],
          groupVars: groupPair({ protected: true }),
        }),
      );
      expect(both.ok).toBe(false);
      expect(both.outcomes?.unprotected.line).toMatch(/^the credentials of project token #11 /);
      expect(both.forJob?.ok).toBe(true);
      expect(planExitCode(both)).toBe(0);
      expect(both.warnings.find((w) => w.code === 'protected-variable')?.message).toContain(
        'whether this ref is protected is not known (pass --ref NAME)',
      );
    });
  });
});

describe('hidden and unreadable values never fall through (docs/gitlab-rules.md, "Unreadable levels")', () => {
  const hiddenWorld: World = {
    groupTokens: [groupToken, otherGroupToken],
    projectVars: [v('CI_DEPLOY_USER', 'other-deployer'), v('CI_DEPLOY_PASSWORD', null, { hidden: true })],
    groupVars: groupPair(),
  };

  test('a hidden password at the project, a visible pair at the group: the group value is not exported', () => {
    const r = resolveCredentials(input(hiddenWorld));
    expect(r.exitCode).toBe(1);
    expect(r.credentials).toBeUndefined();
    expect(r.reason).toMatch(
      /^GitLab gives the job group token #22 "other" \(other-deployer\) of tanuki at run time; its password is not visible through the API by design/,
    );
    expect(r.warnings.find((w) => w.code === 'hidden-variable')?.message).toMatch(
      /^the project CI\/CD variable CI_DEPLOY_PASSWORD of tanuki\/app \(environment scope \*, hidden\) is hidden: the API never returns its value, yet it reaches the job/,
    );
    expect(words(r)).not.toContain(G21);
  });

  test('plan passes: the job gets the hidden value at run time', () => {
    const r = resolveCredentials(input(hiddenWorld));
    expect(r.forJob?.ok).toBe(true);
    expect(planExitCode(r)).toBe(0);
  });

  test('unreadable project variables in front of a readable group pair: not exported', () => {
    const r = resolveCredentials(
      input({
        version: '15.0.5-ee',
        groupTokens: [groupToken],
        projectVars: undefined,
        groupVars: groupPair(),
      }),
    );
    expect(r.exitCode).toBe(1);
    expect(r.reason).toBe(
      'the CI/CD variables of tanuki/app (403 Forbidden) could not be read: they could override CI_DEPLOY_USER / CI_DEPLOY_PASSWORD of group tanuki, so those are not exported',
    );
    expect(r.forJob).toEqual({
      ok: false,
      line: 'unknown: a level whose CI/CD variables could not be read lies in front',
    });
    expect(planExitCode(r)).toBe(1);
    expect(r.warnings.find((w) => w.code === 'variables-unreadable')?.message).toBe(
      'the CI/CD variables of tanuki/app could not be read (403 Forbidden): a CI_DEPLOY_USER / CI_DEPLOY_PASSWORD there would override what is shown here',
    );
    expect(words(r)).not.toContain(G21);
  });

  test('a file variable is named as such: in the job the key holds a path', () => {
    const r = resolveCredentials(
      input({
        version: '15.0.5-ee',
        groupTokens: [groupToken],
        groupVars: groupPair({ variable_type: 'file' }),
      }),
    );
    expect(r.warnings.find((w) => w.code === 'file-variable')?.message).toBe(
      'the group CI/CD variable CI_DEPLOY_USER of tanuki (environment scope *, file) is a file variable: in the job CI_DEPLOY_USER holds the path of a file with the value (deploy-token reads the file there)',
    );
  });
});

describe('a GitLab job gets only what is in its environment (app/models/ci/build.rb)', () => {
  test('no CI_DEPLOY_PASSWORD in the job although GitLab would give it one: something emptied it', () => {
    const r = resolveCredentials(input({ projectTokens: [projectToken] }, inJob({})));
    expect(r.exitCode).toBe(1);
    expect(r.reason).toMatch(
      /^CI_DEPLOY_PASSWORD is not in this job's environment, although GitLab's rules give the job the credentials of project token #11 /,
    );
    expect(r.details).toEqual([
      'a .gitlab-ci.yml `variables:` entry or another source the API cannot show may have emptied it',
    ]);
    expect(r.fix).toContain('.gitlab-ci.yml');
  });

  test('an empty CI_DEPLOY_PASSWORD counts as none', () => {
    const r = resolveCredentials(input({ projectTokens: [projectToken] }, inJob({ password: '' })));
    expect(r.reason).toMatch(/^CI_DEPLOY_PASSWORD is not in this job's environment/);
  });

  test('the API values are never handed to the job: the variables it shows are not exported there', () => {
    const r = resolveCredentials(
      input({ version: '15.0.5-ee', groupTokens: [groupToken], groupVars: groupPair() }, inJob({})),
    );
    expect(r.exitCode).toBe(1);
    expect(r.credentials).toBeUndefined();
    expect(r.reason).toMatch(
      /^CI_DEPLOY_PASSWORD is not in this job's environment, although GitLab's rules give the job CI_DEPLOY_USER from the group CI\/CD variable/,
    );
  });

  test('no token either: the missing token is the cause', () => {
    const r = resolveCredentials(input({}, inJob({})));
    expect(r.reason).toMatch(/^the job gets no CI_DEPLOY_USER \/ CI_DEPLOY_PASSWORD/);
  });

  test("the spec's fallback is used when the job has no password", () => {
    const r = resolveCredentials(
      input(
        { projectTokens: [projectToken] },
        { ...inJob({}), fallback: { passwordEnv: 'DEPLOY_PASS', password: P11 } },
      ),
    );
    expect(r.ok).toBe(true);
    expect(r.credentials).toEqual({ username: 'gitlab+deploy-token-11', password: P11 });
    expect(r.sources.CI_DEPLOY_PASSWORD).toEqual({
      kind: 'spec-fallback',
      detail: 'spec token.fallback (DEPLOY_PASS)',
    });
    expect(r.sources.CI_DEPLOY_USER).toEqual({ kind: 'token', detail: 'deploy token #11' });
  });

  test("in a job the view's warnings are kept; no note about sources the API cannot show", () => {
    const r = resolveCredentials(
      input(
        {
          projectTokens: [projectToken],
          groupTokens: [groupToken],
          groupVars: groupPair({ protected: true }),
        },
        inJob({ user: 'gitlab+deploy-token-11', password: P11 }, false),
      ),
    );
    expect(r.warnings.map((w) => w.code)).toContain('protected-variable');
    expect(r.warnings.map((w) => w.code)).not.toContain('invisible-variables');
  });
});

describe("the spec's token.fallback outside a job", () => {
  test('names the variables it was read from, the username too', () => {
    const r = resolveCredentials(
      input(
        { projectTokens: [projectToken] },
        {
          fallback: {
            usernameEnv: 'DEPLOY_USER',
            passwordEnv: 'DEPLOY_PASS',
            user: 'gitlab+deploy-token-11',
            password: P11,
          },
        },
      ),
    );
    expect(r.ok).toBe(true);
    expect(r.sources).toEqual({
      CI_DEPLOY_PASSWORD: { kind: 'spec-fallback', detail: 'spec token.fallback (DEPLOY_PASS)' },
      CI_DEPLOY_USER: { kind: 'spec-fallback', detail: 'spec token.fallback (DEPLOY_USER)' },
    });
  });

  test('without the names, the spec keys are named', () => {
    const r = resolveCredentials(
      input(
        { projectTokens: [projectToken] },
        { fallback: { user: 'gitlab+deploy-token-11', password: P11 } },
      ),
    );
    expect(r.sources.CI_DEPLOY_PASSWORD?.detail).toBe('spec token.fallback (password_env)');
    expect(r.sources.CI_DEPLOY_USER?.detail).toBe('spec token.fallback (username_env)');
  });

  test('a fallback user naming no token: stale, refused', () => {
    const r = resolveCredentials(
      input({ projectTokens: [projectToken] }, { fallback: { user: 'nobody', password: P11 } }),
    );
    expect(r.exitCode).toBe(1);
    expect(r.reason).toContain(
      'CI_DEPLOY_USER "nobody" (from spec token.fallback (username_env)) names no active deploy token',
    );
  });

  test('a password but no user and no token to take it from: the missing token first, then the missing user', () => {
    const r = resolveCredentials(input({}, { fallback: { passwordEnv: 'DEPLOY_PASS', password: P11 } }));
    expect(r.exitCode).toBe(1);
    expect(r.reason).toMatch(/^the job gets no CI_DEPLOY_USER \/ CI_DEPLOY_PASSWORD/);
    expect(r.details).toContain(
      'token.fallback gives CI_DEPLOY_PASSWORD but not CI_DEPLOY_USER, and no gitlab-deploy-token names the user it belongs to',
    );
    expect(r.fix).toBe(
      'add token.fallback.username_env to the spec, naming a variable with the token username',
    );
    expect(words(r)).not.toContain(P11);
  });

  test('visible variables win over the fallback', () => {
    const r = resolveCredentials(
      input(
        { version: '15.0.5-ee', groupTokens: [groupToken], groupVars: groupPair() },
        { fallback: { user: 'gitlab+deploy-token-11', password: P11 } },
      ),
    );
    expect(r.credentials).toEqual({ username: 'tanuki-deployer', password: G21 });
  });
});
