/**
 * What gathering reads before the resolver decides (src/resolve/gather.ts), in process:
 * - whether the job's ref is protected (docs/gitlab-rules.md, "Protected variables"): in a job
 *   CI_COMMIT_REF_PROTECTED decides; otherwise `--ref` (default $CI_COMMIT_REF_NAME) is matched against
 *   the protected branches or tags the API lists (msw answering from the stand-in);
 * - file variables (docs/gitlab-rules.md, "Sources"): the job gets the path of a file holding the
 *   value; it is read when the API says the variable is a file or the path ends in the key's name,
 *   one trailing newline dropped;
 * - the job environment, the spec's fallback variables, the environment name, GITLAB_CI.
 */
import { http, HttpResponse } from 'msw';
import { createGitLabClient } from '../../src/gitlab/client.js';
import type { CiVariable } from '../../src/gitlab/types.js';
import { gatherInput, readFileVariables, refToCheck } from '../../src/resolve/gather.js';
import type { ResolveInput } from '../../src/resolve/types.js';
import { appWorld, type AppWorld } from '../helpers/scenarios.js';
import { GITLAB, mswFor } from '../helpers/standin-msw.js';

const NOW = new Date('2026-11-25T10:00:00Z');
const API = 'glpat-gatherGatherGather12';

describe('refToCheck: in a job CI_COMMIT_REF_PROTECTED decides', () => {
  test('true and false, with the ref name', () => {
    expect(refToCheck({ CI_COMMIT_REF_PROTECTED: 'true', CI_COMMIT_REF_NAME: 'main' }, undefined)).toEqual({
      state: 'protected',
      ref: 'main',
      source: 'CI_COMMIT_REF_PROTECTED',
    });
    expect(
      refToCheck({ CI_COMMIT_REF_PROTECTED: 'false', CI_COMMIT_REF_NAME: 'feature' }, undefined),
    ).toEqual({
      state: 'unprotected',
      ref: 'feature',
      source: 'CI_COMMIT_REF_PROTECTED',
    });
  });

  test('without a ref name, the state alone', () => {
    expect(refToCheck({ CI_COMMIT_REF_PROTECTED: 'true' }, undefined)).toEqual({
      state: 'protected',
      source: 'CI_COMMIT_REF_PROTECTED',
    });
  });

  test("--ref naming the job's own ref: the job still knows", () => {
    expect(
      refToCheck({ CI_COMMIT_REF_PROTECTED: 'false', CI_COMMIT_REF_NAME: 'feature' }, 'feature'),
    ).toMatchObject({
      state: 'unprotected',
      source: 'CI_COMMIT_REF_PROTECTED',
    });
  });

  test('--ref naming another ref: the protections are asked', () => {
    expect(refToCheck({ CI_COMMIT_REF_PROTECTED: 'true', CI_COMMIT_REF_NAME: 'main' }, 'feature')).toEqual({
      ask: { name: 'feature', kind: 'branch' },
    });
  });

  test('any other value of CI_COMMIT_REF_PROTECTED is not an answer: the ref is asked', () => {
    expect(refToCheck({ CI_COMMIT_REF_PROTECTED: 'yes', CI_COMMIT_REF_NAME: 'main' }, undefined)).toEqual({
      ask: { name: 'main', kind: 'branch' },
    });
    expect(refToCheck({ CI_COMMIT_REF_NAME: 'main' }, undefined)).toEqual({
      ask: { name: 'main', kind: 'branch' },
    });
  });

  test('a tag: $CI_COMMIT_TAG, or refs/tags/', () => {
    expect(refToCheck({ CI_COMMIT_REF_NAME: 'v1.2', CI_COMMIT_TAG: 'v1.2' }, undefined)).toEqual({
      ask: { name: 'v1.2', kind: 'tag' },
    });
    expect(refToCheck({}, 'refs/tags/v1.2')).toEqual({ ask: { name: 'v1.2', kind: 'tag' } });
  });

  test('no ref at all: unknown, and how to give one', () => {
    const unknown = { state: 'unknown', source: 'no ref given (--ref NAME, default $CI_COMMIT_REF_NAME)' };
    expect(refToCheck({}, undefined)).toEqual(unknown);
    expect(refToCheck({ CI_COMMIT_REF_NAME: '' }, undefined)).toEqual(unknown);
    expect(refToCheck({}, '')).toEqual(unknown);
  });
});

describe('the protected branches and tags, through the API', () => {
  async function refOf(ref: string, w: AppWorld, refuse = false) {
    const { server } = mswFor(appWorld('17.5.1-ee', API, w), () => NOW);
    if (refuse) {
      server.use(
        http.get(`${GITLAB}/api/v4/projects/:id/protected_branches`, () =>
          HttpResponse.json({ message: '403 Forbidden' }, { status: 403 }),
        ),
      );
    }
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const client = createGitLabClient({ baseUrl: GITLAB, token: API, sleep: async () => undefined });
      const input = await gatherInput({
        client,
        project: 'tanuki/app',
        env: {},
        now: NOW,
        minDaysLeft: 7,
        ref,
      });
      return input.ref;
    } finally {
      server.close();
    }
  }

  test('a branch protected by its own name', async () => {
    expect(await refOf('main', { protectedBranches: ['main', 'release/*'] })).toEqual({
      state: 'protected',
      ref: 'main',
      source: 'protected branches API',
    });
  });

  test('a branch protected by a wildcard names it', async () => {
    expect(await refOf('release/1.0', { protectedBranches: ['main', 'release/*'] })).toEqual({
      state: 'protected',
      ref: 'release/1.0',
      source: 'protected branches API (wildcard release/*)',
    });
  });

  test('a branch no protection covers', async () => {
    expect(await refOf('feature', { protectedBranches: ['main', 'release/*'] })).toEqual({
      state: 'unprotected',
      ref: 'feature',
      source: 'protected branches API',
    });
  });

  test('a tag is judged by the protected tags, not the branches', async () => {
    const w = { protectedBranches: ['v*'], protectedTags: ['v1.*'] };
    expect(await refOf('refs/tags/v1.2', w)).toEqual({
      state: 'protected',
      ref: 'v1.2',
      source: 'protected tags API (wildcard v1.*)',
    });
    expect(await refOf('refs/tags/v2.0', w)).toMatchObject({
      state: 'unprotected',
      source: 'protected tags API',
    });
  });

  test('protections that cannot be read: unknown, and why', async () => {
    expect(await refOf('main', { protectedBranches: ['main'] }, true)).toEqual({
      state: 'unknown',
      ref: 'main',
      source: 'protected branches API',
      why: '403: needs the Maintainer role (Owner for group variables)',
    });
  });
});

describe('CI/CD variables that cannot be read are unknown, with why', () => {
  test('403 names the role needed', async () => {
    const { server } = mswFor(appWorld('15.0.5-ee', API, {}), () => NOW);
    server.use(
      http.get(`${GITLAB}/api/v4/projects/:id/variables`, () =>
        HttpResponse.json({ message: '403 Forbidden' }, { status: 403 }),
      ),
      http.get(`${GITLAB}/api/v4/groups/:id/variables`, () =>
        HttpResponse.json({ message: '404 Not Found' }, { status: 404 }),
      ),
    );
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const client = createGitLabClient({ baseUrl: GITLAB, token: API, sleep: async () => undefined });
      const input = await gatherInput({ client, project: 'tanuki/app', env: {}, now: NOW, minDaysLeft: 7 });
      expect(input.variables.project).toEqual({
        level: 'project',
        path: 'tanuki/app',
        why: 'project variables cannot be read (403: needs the Maintainer role (Owner for group variables))',
      });
      expect(input.variables.groups).toEqual([
        { level: 'group', path: 'tanuki', why: 'group variables cannot be read (404)' },
      ]);
    } finally {
      server.close();
    }
  });
});

describe('file variables: the job holds the path of a file with the value', () => {
  const files: Record<string, string> = {
    '/builds/tmp/CI_DEPLOY_PASSWORD': 'gldt-FromFileFromFileFrom\n',
    '/builds/tmp/CI_DEPLOY_USER': 'tanuki-deployer\r\n',
    '/builds/tmp/secret.txt': 'gldt-NamedFileNamedFileNa\n\n',
  };
  const read = (p: string) => files[p];
  const withEnv = (jobEnv: ResolveInput['jobEnv'], vars: CiVariable[] = []): ResolveInput => ({
    now: NOW,
    apiAvailable: true,
    ancestors: [],
    jobEnv,
    variables: { project: { level: 'project', path: 'tanuki/app', variables: vars }, groups: [] },
    minDaysLeft: 7,
  });

  test('a path ending in the key is read, one trailing newline (LF or CRLF) dropped', () => {
    const input = withEnv({ user: '/builds/tmp/CI_DEPLOY_USER', password: '/builds/tmp/CI_DEPLOY_PASSWORD' });
    readFileVariables(input, read);
    expect(input.jobEnv).toEqual({
      user: 'tanuki-deployer',
      password: 'gldt-FromFileFromFileFrom',
      fromFile: ['CI_DEPLOY_USER', 'CI_DEPLOY_PASSWORD'],
    });
  });

  test('another path is read when the API says the variable is a file; only one newline is dropped', () => {
    const input = withEnv({ password: '/builds/tmp/secret.txt' }, [
      { key: 'CI_DEPLOY_PASSWORD', value: null, variable_type: 'file', environment_scope: '*' },
    ]);
    readFileVariables(input, read);
    expect(input.jobEnv).toEqual({
      password: 'gldt-NamedFileNamedFileNa\n',
      fromFile: ['CI_DEPLOY_PASSWORD'],
    });
  });

  test('a file variable given to protected refs only counts too', () => {
    const input = withEnv({ password: '/builds/tmp/secret.txt' }, [
      {
        key: 'CI_DEPLOY_PASSWORD',
        value: null,
        variable_type: 'file',
        protected: true,
        environment_scope: '*',
      },
    ]);
    readFileVariables(input, read);
    expect(input.jobEnv.fromFile).toEqual(['CI_DEPLOY_PASSWORD']);
  });

  test('another path, and the API does not say file: the value as it is', () => {
    const input = withEnv({ password: '/builds/tmp/secret.txt' }, [
      { key: 'CI_DEPLOY_PASSWORD', value: null, variable_type: 'env_var', environment_scope: '*' },
      { key: 'CI_DEPLOY_USER', value: 'x', variable_type: 'file', environment_scope: '*' },
    ]);
    readFileVariables(input, read);
    expect(input.jobEnv).toEqual({ password: '/builds/tmp/secret.txt' });
  });

  test('not a path, or no such file: the value as it is', () => {
    const input = withEnv({ user: 'builds/CI_DEPLOY_USER', password: '/nowhere/CI_DEPLOY_PASSWORD' });
    readFileVariables(input, read);
    expect(input.jobEnv).toEqual({ user: 'builds/CI_DEPLOY_USER', password: '/nowhere/CI_DEPLOY_PASSWORD' });
  });
});

describe('without an API token: the environment only', () => {
  const gather = (env: Record<string, string>, extra: Partial<Parameters<typeof gatherInput>[0]> = {}) =>
    gatherInput({ env, now: NOW, minDaysLeft: 7, readFile: () => undefined, ...extra });

  test('CI_DEPLOY_USER / CI_DEPLOY_PASSWORD, empty ones left out; nothing read from GitLab', async () => {
    const input = await gather({ CI_DEPLOY_USER: '', CI_DEPLOY_PASSWORD: 'gldt-EnvEnvEnvEnvEnvEnvEn' });
    expect(input.apiAvailable).toBe(false);
    expect(input.jobEnv).toEqual({ password: 'gldt-EnvEnvEnvEnvEnvEnvEn' });
    expect(input.variables.project).toEqual({ level: 'project', path: 'the project', why: 'no API token' });
    expect(input.minDaysLeft).toBe(7);
  });

  test('a GitLab job is GITLAB_CI=true exactly', async () => {
    expect((await gather({ GITLAB_CI: 'true' })).inGitLabJob).toBe(true);
    expect((await gather({ GITLAB_CI: '1' })).inGitLabJob).toBe(false);
    expect((await gather({})).inGitLabJob).toBe(false);
  });

  test('the environment name: --environment, else $CI_ENVIRONMENT_NAME, else none', async () => {
    expect((await gather({ CI_ENVIRONMENT_NAME: 'staging' })).environment).toBe('staging');
    expect(
      (await gather({ CI_ENVIRONMENT_NAME: 'staging' }, { environment: 'production' })).environment,
    ).toBe('production');
    expect('environment' in (await gather({}))).toBe(false);
  });

  test('the ref the job knows, or none to ask', async () => {
    expect((await gather({ CI_COMMIT_REF_PROTECTED: 'true' })).ref).toMatchObject({ state: 'protected' });
    expect('ref' in (await gather({ CI_COMMIT_REF_NAME: 'main' }))).toBe(false);
  });

  test("the spec's fallback reads the variables it names; unset or empty ones are absent", async () => {
    const input = await gather(
      { DEPLOY_USER: 'deployer', DEPLOY_PASS: 'gldt-FallbackFallbackFal', EMPTY: '' },
      { fallback: { usernameEnv: 'DEPLOY_USER', passwordEnv: 'DEPLOY_PASS' } },
    );
    expect(input.fallback).toEqual({
      usernameEnv: 'DEPLOY_USER',
      passwordEnv: 'DEPLOY_PASS',
      user: 'deployer',
      password: 'gldt-FallbackFallbackFal',
    });
    const empty = await gather({ EMPTY: '' }, { fallback: { usernameEnv: 'EMPTY', passwordEnv: 'UNSET' } });
    expect(empty.fallback).toEqual({ usernameEnv: 'EMPTY', passwordEnv: 'UNSET' });
    expect('fallback' in (await gather({}))).toBe(false);
  });

  test('the job the spec names is passed on', async () => {
    const job = { name: 'push', scopes: ['write_registry' as const], lfs: false };
    expect((await gather({}, { job })).job).toEqual(job);
    expect('job' in (await gather({}))).toBe(false);
  });

  test('a file variable in the environment is read here too', async () => {
    const input = await gather(
      { CI_DEPLOY_PASSWORD: '/builds/tmp/CI_DEPLOY_PASSWORD' },
      { readFile: () => 'gldt-FromFileFromFileFrom\n' },
    );
    expect(input.jobEnv).toEqual({ password: 'gldt-FromFileFromFileFrom', fromFile: ['CI_DEPLOY_PASSWORD'] });
  });
});
