/**
 * The BUILT action, dist/index.js then dist/post.js, run as the runner runs them: a fresh `node`
 * process with INPUT_* and the runner's files in its environment, the post step with STATE_* read
 * back from GITHUB_STATE. Against the stand-in GitLab on 127.0.0.1 (asynchronous: it answers from
 * this process). The runner's files are read back with the parser written from GitHub's docs.
 */
import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStandin, type RunningStandin } from '../../src/standin/server.js';
import { loadScenario } from '../helpers/scenarios.js';
import { parseGithubFile } from '../export/parsers.js';
import { emptyRunnerFiles, runnerEnv } from '../helpers/runner-env.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const PASSWORD = 'gldt-ProjToken11ProjToken1';
const USER = 'gitlab+deploy-token-11';
const SLOW = 60_000;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dt-dist-'));
  emptyRunnerFiles(dir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

interface Step {
  code: number;
  out: string;
  env: Record<string, string>;
  output: Record<string, string>;
  state: Record<string, string>;
  summary: string;
}

function node(entry: string, env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(root, 'dist', entry)],
      { cwd: dir, env: { PATH: process.env.PATH ?? '', ...env }, timeout: 30_000, encoding: 'utf8' },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, out: stdout + stderr }),
    );
  });
}

/** The step's environment, with the workspace in `dir` too. */
const stepEnv = (inputs: Record<string, string>, extra: Record<string, string> = {}) =>
  runnerEnv(dir, inputs, { GITHUB_WORKSPACE: dir, ...extra });

/** main, then post with the state main saved, as the runner does. */
async function mainAndPost(env: Record<string, string>): Promise<{ main: Step; post: Step }> {
  const read = (): Omit<Step, 'code' | 'out'> => ({
    env: parseGithubFile(readFileSync(join(dir, 'env'), 'utf8')),
    output: statSync(env.GITHUB_OUTPUT!).isFile()
      ? parseGithubFile(readFileSync(env.GITHUB_OUTPUT!, 'utf8'))
      : {},
    state: parseGithubFile(readFileSync(join(dir, 'state'), 'utf8')),
    summary: readFileSync(join(dir, 'summary'), 'utf8'),
  });
  const m = await node('index.js', env);
  const main = { ...m, ...read() };
  const stateEnv = Object.fromEntries(Object.entries(main.state).map(([k, v]) => [`STATE_${k}`, v]));
  const p = await node('post.js', { ...env, ...stateEnv });
  return { main, post: { ...p, ...read() } };
}

/** What is left in RUNNER_TEMP besides the runner's own files. */
const leftOver = () =>
  readdirSync(dir).filter(
    (f) => !['env', 'output', 'summary', 'state', 'out-dir', 'deploy-token.yml'].includes(f),
  );

const visible = (out: string) =>
  out
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');

const maybe = existsSync(join(root, 'dist', 'index.js')) ? describe : describe.skip;

maybe('dist/index.js and dist/post.js as the runner runs them', () => {
  test(
    'username / password only: no API call at all (the instance does not even listen), one warning',
    async () => {
      const env = stepEnv(
        { username: USER, password: PASSWORD, configure: 'git' },
        // An API token in the environment and an instance that refuses connections: neither is used.
        { GITLAB_TOKEN: 'glpat-notUsedNotUsedNot01', CI_SERVER_URL: 'http://127.0.0.1:9' },
      );
      const { main, post } = await mainAndPost(env);
      expect([main.code, visible(main.out)]).toEqual([0, expect.any(String)]);
      expect(main.out.split('\n')[0]).toBe(`::add-mask::${PASSWORD}`);
      expect(main.env).toMatchObject({ CI_DEPLOY_USER: USER, CI_DEPLOY_PASSWORD: PASSWORD });
      expect(Object.keys(main.env).length).toBeGreaterThan(2); // the client's setting too
      expect(main.output).toMatchObject({ username: USER, source: 'input password' });
      expect(main.output.password).toBeUndefined();
      const warnings = main.out.split('\n').filter((l) => l.startsWith('::warning'));
      expect(warnings).toEqual([expect.stringContaining('without any call to GitLab')]);
      expect(warnings[0]).toMatch(/this pair.*expires.*scopes.*fix: add input gitlab-token/);
      expect(main.summary).toContain('<td>password from</td><td>input password</td>');
      expect(visible(main.out) + main.summary).not.toContain(PASSWORD);
      expect(post.code).toBe(0);
      expect(leftOver()).toEqual([]);
    },
    SLOW,
  );

  test(
    'the bundle needs no node_modules: dist/ copied alone runs the main step',
    async () => {
      const alone = mkdtempSync(join(tmpdir(), 'dt-dist-alone-'));
      try {
        cpSync(join(root, 'dist'), join(alone, 'dist'), { recursive: true });
        writeFileSync(join(alone, 'package.json'), '{"type":"module"}');
        const r = await new Promise<{ code: number; out: string }>((resolve) =>
          execFile(
            process.execPath,
            [join(alone, 'dist', 'index.js')],
            {
              cwd: alone,
              env: {
                PATH: process.env.PATH ?? '',
                ...stepEnv({ username: USER, password: PASSWORD }),
              },
              encoding: 'utf8',
              timeout: 30_000,
            },
            (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, out: stdout + stderr }),
          ),
        );
        expect([r.code, r.out]).toEqual([0, expect.stringContaining(`::add-mask::${PASSWORD}`)]);
        expect(parseGithubFile(readFileSync(join(dir, 'env'), 'utf8')).CI_DEPLOY_PASSWORD).toBe(PASSWORD);
      } finally {
        rmSync(alone, { recursive: true, force: true });
      }
    },
    SLOW,
  );

  describe('with the stand-in GitLab', () => {
    let standin: RunningStandin;
    const sc1 = loadScenario('1-project-token.json');
    const sc2 = loadScenario('2-group-token-15.0.json');
    let standin2: RunningStandin;
    beforeAll(async () => {
      standin = await startStandin(sc1);
      standin2 = await startStandin(sc2);
    });
    afterAll(async () => {
      await standin.close();
      await standin2.close();
    });

    test(
      'API token only, in a GitLab-less GitHub job: the password from the group CI/CD variables',
      async () => {
        const env = stepEnv({
          'gitlab-url': standin2.url,
          'gitlab-token': sc2.apiTokens[0]!,
          project: sc2.project!,
        });
        const { main } = await mainAndPost(env);
        expect(main.code).toBe(0);
        expect(main.env.CI_DEPLOY_USER).toBeTruthy();
        expect(main.env.CI_DEPLOY_PASSWORD).toBeTruthy();
        expect(main.output.source).toMatch(/group CI\/CD variable/);
        expect(main.out).toContain(`::add-mask::${main.env.CI_DEPLOY_PASSWORD}`);
        expect(visible(main.out) + main.summary).not.toContain(main.env.CI_DEPLOY_PASSWORD);
      },
      SLOW,
    );

    test(
      'both: the pair verified against GitLab, named as the inputs',
      async () => {
        const env = stepEnv({
          'gitlab-url': standin.url,
          'gitlab-token': sc1.apiTokens[0]!,
          project: 'tanuki/awesome_project',
          username: USER,
          password: PASSWORD,
          'password-output': 'true',
        });
        const { main } = await mainAndPost(env);
        expect(main.code).toBe(0);
        expect(main.output).toMatchObject({ username: USER, 'token-id': '11', password: PASSWORD });
        expect(main.summary).toMatch(/<td>token<\/td><td>#11 gitlab-deploy-token/);
        expect(main.summary).toMatch(/<td>expires<\/td><td>\d{4}-\d\d-\d\d \(\d+ days\)/);
        expect(main.summary).not.toMatch(/\.rb|MR !/);
        expect(main.out).not.toContain('without any call to GitLab');
      },
      SLOW,
    );

    test(
      'both, with a username GitLab would not give the job: exit 1, nothing exported',
      async () => {
        const env = stepEnv({
          'gitlab-url': standin.url,
          'gitlab-token': sc1.apiTokens[0]!,
          project: 'tanuki/awesome_project',
          username: 'gitlab+deploy-token-999',
          password: PASSWORD,
        });
        const { main } = await mainAndPost(env);
        expect([main.code, main.out]).toEqual([1, expect.stringMatching(/^::error::/m)]);
        expect(main.env).toEqual({});
      },
      SLOW,
    );

    test(
      'dry run: the plan in a group, nothing exported, nothing saved',
      async () => {
        const env = stepEnv(
          {
            'gitlab-url': standin.url,
            'gitlab-token': sc1.apiTokens[0]!,
            project: 'tanuki/awesome_project',
            'dry-run': 'true',
          },
          { CI_DEPLOY_PASSWORD: PASSWORD, CI_DEPLOY_USER: USER },
        );
        const { main, post } = await mainAndPost(env);
        expect(main.code).toBe(0);
        expect(main.out).toContain('::group::deploy-token: plan (dry run)');
        expect(main.out).toContain('::endgroup::');
        expect(main.env).toEqual({});
        expect(main.output).toEqual({});
        expect(main.state).toEqual({});
        expect(main.summary).toContain('<h3>deploy-token (dry run)</h3>');
        expect(post.out).toContain('nothing to clean up');
      },
      SLOW,
    );

    test(
      'ephemeral: main creates and exports a token for the job, post deletes it',
      async () => {
        writeFileSync(
          join(dir, 'deploy-token.yml'),
          'version: 1\njobs:\n  pull:\n    scopes: ["read_registry"]\n',
        );
        const env = stepEnv({
          'gitlab-url': standin.url,
          'gitlab-token': sc1.apiTokens[0]!,
          project: 'tanuki/awesome_project',
          ephemeral: 'true',
          job: 'pull',
        });
        const { main, post } = await mainAndPost(env);
        const id = /created ephemeral token #(\d+)/.exec(main.out)?.[1];
        expect([main.code, id]).toEqual([0, expect.stringMatching(/^\d+$/)]);
        expect(main.env.CI_DEPLOY_PASSWORD).toMatch(/^gldt-/);
        expect(main.out).toContain(`::add-mask::${main.env.CI_DEPLOY_PASSWORD}`);
        expect(main.state.manifest).toBeDefined();
        expect([post.code, post.out]).toEqual([0, expect.stringContaining(`ephemeral token #${id} deleted`)]);
        expect(leftOver()).toEqual([]);
      },
      SLOW,
    );

    test(
      'a failure after GITHUB_ENV and the credential files were written: nothing left behind',
      async () => {
        mkdirSync(join(dir, 'out-dir'));
        const env = stepEnv(
          {
            'gitlab-url': standin.url,
            'gitlab-token': sc1.apiTokens[0]!,
            project: 'tanuki/awesome_project',
            configure: 'git,docker',
          },
          { CI_DEPLOY_PASSWORD: PASSWORD, CI_DEPLOY_USER: USER, GITHUB_OUTPUT: join(dir, 'out-dir') },
        );
        const { main, post } = await mainAndPost(env);
        expect([main.code, main.out]).toEqual([
          2,
          expect.stringContaining('cannot write GITHUB_ENV / GITHUB_OUTPUT (EISDIR)'),
        ]);
        expect(readFileSync(join(dir, 'env'), 'utf8')).toBe('');
        expect(post.code).toBe(0);
        expect(leftOver()).toEqual([]);
      },
      SLOW,
    );
  });
});
