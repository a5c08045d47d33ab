/**
 * The action as the runner runs it: INPUT_* variables, GITHUB_ENV / GITHUB_OUTPUT / GITHUB_STEP_SUMMARY
 * files, against the stand-in GitLab on 127.0.0.1. In-process (runAction) for the behaviour, and once
 * as `node dist/index.js` for the bundle.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inRunner, mainStep } from '../helpers/action.js';
import { emptyRunnerFiles, runnerEnv } from '../helpers/runner-env.js';
import { run as run_ } from '../../src/action/main.js';
import { loadScenario } from '../helpers/scenarios.js';
import { parseGithubFile } from '../export/parsers.js';
import { standinPerFile } from '../helpers/standin.js';

const NOW = new Date('2026-11-25T10:00:00Z');
const API = 'glpat-demoDemoDemoDemo1234';
const PASSWORD = 'gldt-ProjToken11ProjToken1';
const scenario = loadScenario('1-project-token.json');

let dir: string;
const standin = standinPerFile(scenario, { now: () => NOW });
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dt-action-'));
  emptyRunnerFiles(dir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The step's environment in a job of the stand-in's project, with its deploy token. */
const jobEnv = (inputs: Record<string, string>, extra: Record<string, string> = {}) =>
  runnerEnv(
    dir,
    { 'gitlab-url': standin.url, 'gitlab-token': API, project: 'tanuki/awesome_project', ...inputs },
    { CI_DEPLOY_PASSWORD: PASSWORD, CI_DEPLOY_USER: 'gitlab+deploy-token-11', ...extra },
  );

async function run(inputs: Record<string, string> = {}, extra: Record<string, string> = {}) {
  const { code, out } = await mainStep(jobEnv(inputs, extra), dir, () => NOW);
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  return { code, out, env: read('env'), output: read('output'), summary: read('summary') };
}

describe('main: resolve, mask first, export', () => {
  test('exports CI_DEPLOY_USER / CI_DEPLOY_PASSWORD to GITHUB_ENV and the outputs to GITHUB_OUTPUT', async () => {
    const r = await run();
    expect(r.code).toBe(0);
    expect(parseGithubFile(r.env)).toEqual({
      CI_DEPLOY_USER: 'gitlab+deploy-token-11',
      CI_DEPLOY_PASSWORD: PASSWORD,
    });
    const outputs = parseGithubFile(r.output);
    expect(outputs).toMatchObject({
      username: 'gitlab+deploy-token-11',
      'token-id': '11',
      scopes: 'read_repository,read_registry',
    });
    expect(outputs.password).toBeUndefined();
    expect(r.output).not.toContain(PASSWORD);
  });

  test('masks are issued before any other line that could contain a value', async () => {
    const r = await run();
    const lines = r.out.split('\n').filter(Boolean);
    const firstOther = lines.findIndex((l) => !l.startsWith('::add-mask::'));
    const masks = lines.slice(0, firstOther === -1 ? lines.length : firstOther);
    expect(masks).toContain(`::add-mask::${API}`);
    expect(masks).toContain(`::add-mask::${PASSWORD}`);
    // base64 of user:password (docker's auth) is masked too
    expect(masks).toContain(
      `::add-mask::${Buffer.from(`gitlab+deploy-token-11:${PASSWORD}`).toString('base64')}`,
    );
    for (const l of lines.slice(masks.length)) expect(l).not.toContain(PASSWORD);
  });

  test('password-output: true adds the password output', async () => {
    const r = await run({ 'password-output': 'true' });
    expect(parseGithubFile(r.output).password).toBe(PASSWORD);
  });

  test('export: output writes outputs but no environment', async () => {
    const r = await run({ export: 'output' });
    expect(r.env).toBe('');
    expect(parseGithubFile(r.output).username).toBe('gitlab+deploy-token-11');
  });

  test('a redacted job summary', async () => {
    const r = await run();
    expect(r.summary).toContain('#11 gitlab-deploy-token');
    expect(r.summary).toContain('read_repository, read_registry');
    expect(r.summary).not.toContain(PASSWORD);
    expect(r.summary).not.toContain(API);
  });

  test('dry-run prints the plan and exports nothing', async () => {
    const r = await run({ 'dry-run': 'true' });
    expect(r.code).toBe(0);
    expect(r.out).toContain('project token #11');
    expect(r.env).toBe('');
    expect(r.output).toBe('');
    expect(
      r.out
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n'),
    ).not.toContain(PASSWORD);
  });
});

describe('main: failures are annotations with the fix, and write nothing', () => {
  test('no usable token: ::error:: with the fix, exit 1', async () => {
    const r = await run({}, { CI_DEPLOY_USER: 'gitlab+deploy-token-999' });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/::error::stale variables/);
    expect(r.env).toBe('');
    expect(r.output).toBe('');
  });

  test.each([
    ['dry-run', 'yes'],
    ['password-output', '1'],
    ['export', 'file'],
    ['configure', 'docker,svn'],
  ])('input %s=%s is refused with the allowed values', async (name, value) => {
    const r = await run({ [name]: value });
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/::error::input/);
    expect(r.env).toBe('');
  });

  test.each(['True', 'TRUE', 'false', 'False', 'FALSE'])(
    'YAML 1.2 core boolean %s is accepted',
    async (b) => {
      const r = await run({ 'dry-run': b });
      expect(r.code).toBe(0);
    },
  );

  /** Everything under RUNNER_TEMP, and whether any of it holds the password (plain or base64). */
  function leftBehind(): { paths: string[]; holdingPassword: string[] } {
    const paths = (readdirSync(dir, { recursive: true }) as string[]).sort();
    const forms = [PASSWORD, Buffer.from(`gitlab+deploy-token-11:${PASSWORD}`).toString('base64')];
    const holdingPassword = paths.filter((p) => {
      try {
        const text = readFileSync(join(dir, p), 'utf8');
        return forms.some((f) => text.includes(f));
      } catch {
        return false; // a directory
      }
    });
    return { paths, holdingPassword };
  }

  test('configure without GITHUB_STATE: exit 2 before any credential file is written', async () => {
    const env = jobEnv({ configure: 'git' });
    delete env.GITHUB_STATE;
    const { code, out } = await mainStep(env, dir, () => NOW);
    expect(code).toBe(2);
    expect(out).toContain('::error::input configure needs GITHUB_STATE');
    // Only the runner's own (empty) files: no private directory, no credential file.
    expect(leftBehind()).toEqual({ paths: ['env', 'output', 'state', 'summary'], holdingPassword: [] });
    expect(readFileSync(join(dir, 'env'), 'utf8')).toBe('');
  });

  test('configure, GITHUB_ENV missing: refused before any credential file is written', async () => {
    const r = await run({ configure: 'git' }, { GITHUB_ENV: join(dir, 'missing', 'env') });
    expect(r.code).toBe(2);
    expect(r.out).toContain('cannot write GITHUB_ENV');
    expect(leftBehind().paths.filter((p) => p.startsWith('deploy-token-'))).toEqual([]);
  });

  test('configure, then GITHUB_OUTPUT fails after GITHUB_ENV and the files were written: all taken back', async () => {
    mkdirSync(join(dir, 'out-dir'));
    const r = await run({ configure: 'git' }, { GITHUB_OUTPUT: join(dir, 'out-dir') });
    expect(r.code).toBe(2);
    expect(r.out).toContain('cannot write GITHUB_ENV / GITHUB_OUTPUT (EISDIR)');
    expect(r.out).toContain('removed the 1 credential file(s)');
    expect(r.env).toBe('');
    expect(leftBehind().paths.filter((p) => p.startsWith('deploy-token-'))).toEqual([]);
    expect(leftBehind().holdingPassword).toEqual([]);
  });

  test('warnings become ::warning:: annotations', async () => {
    const r = await run({ 'min-days-left': '365' });
    expect(r.out).toMatch(/::warning::.*expires in \d+ days/);
  });
});

describe('run() from src/action/main.ts, with username and password', () => {
  test('no gitlab-token: no API call (GITLAB_TOKEN and the instance ignored), one warning, the pair exported', async () => {
    let out = '';
    const env = jobEnv(
      { username: 'gitlab+deploy-token-11', password: PASSWORD, 'gitlab-token': '', 'gitlab-url': '' },
      { GITLAB_TOKEN: API, CI_SERVER_URL: 'http://127.0.0.1:9' },
    );
    delete env.CI_DEPLOY_PASSWORD;
    delete env.CI_DEPLOY_USER;
    const code = await inRunner(env, { write: (s) => void (out += s) }, () =>
      run_({ cwd: dir, now: () => NOW }),
    );
    expect([code, out]).toEqual([0, expect.any(String)]);
    expect(parseGithubFile(readFileSync(join(dir, 'env'), 'utf8'))).toEqual({
      CI_DEPLOY_USER: 'gitlab+deploy-token-11',
      CI_DEPLOY_PASSWORD: PASSWORD,
    });
    expect(out.split('\n').filter((l) => l.startsWith('::warning'))).toEqual([
      expect.stringContaining('without any call to GitLab'),
    ]);
    expect(parseGithubFile(readFileSync(join(dir, 'output'), 'utf8')).source).toBe('input password');
  });

  test('username without password: exit 2 naming input password', async () => {
    let out = '';
    const env = jobEnv({ username: 'gitlab+deploy-token-11' });
    const code = await inRunner(env, { write: (s) => void (out += s) }, () =>
      run_({ cwd: dir, now: () => NOW }),
    );
    expect(code).toBe(2);
    expect(out).toContain('::error::input password is missing');
  });
});

describe('the bundle, as the runner starts it', () => {
  test('node dist/index.js', async () => {
    // Asynchronous: the stand-in GitLab answers from this process's event loop.
    const env = { PATH: process.env.PATH ?? '', ...jobEnv({}) };
    const r = await promisify(execFile)(process.execPath, ['dist/index.js'], {
      env,
      encoding: 'utf8',
      timeout: 30000,
    });
    expect(parseGithubFile(readFileSync(join(dir, 'env'), 'utf8')).CI_DEPLOY_PASSWORD).toBe(PASSWORD);
    expect(r.stdout.split('\n')[0]).toMatch(/^::add-mask::/);
  });
});
