/** `resolve` and `plan` through the CLI, against a stand-in GitLab on 127.0.0.1 (real HTTP). */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStandin, type RunningStandin } from '../../src/standin/server.js';
import { runCli } from '../helpers/cli.js';
import { loadScenario } from '../helpers/scenarios.js';

const NOW = new Date('2026-11-25T10:00:00Z');
const API = 'glpat-demoDemoDemoDemo1234';
const scenario = loadScenario;

let standin: RunningStandin;
let expired: RunningStandin;
beforeAll(async () => {
  standin = await startStandin(scenario('1-project-token.json'), { now: () => NOW });
  expired = await startStandin(scenario('4-expired-token.json'), { now: () => NOW });
});
afterAll(async () => {
  await standin.close();
  await expired.close();
});

const jobEnv = (password: string) => ({
  GITLAB_TOKEN: API,
  CI_SERVER_URL: standin.url,
  CI_PROJECT_PATH: 'tanuki/awesome_project',
  CI_DEPLOY_USER: 'gitlab+deploy-token-11',
  CI_DEPLOY_PASSWORD: password,
});

describe('deploy-token resolve --export shell', () => {
  const hostile = [
    'gldt-ProjToken11ProjToken1',
    'it\'s $(touch /tmp/pwned) `id` "q" \\ $HOME',
    'line1\nline2\r\n\ttab',
    "'''",
    '-n -e',
  ];
  test.each(hostile)('the exported value survives sh, dash and bash exactly: %j', async (password) => {
    const r = await runCli(['resolve', '--export', 'shell'], jobEnv(password));
    expect(r.code).toBe(0);
    for (const shell of ['sh', 'dash', 'bash']) {
      const out = execFileSync(
        shell,
        ['-c', `${r.stdout}\nprintf '%s|%s' "$CI_DEPLOY_USER" "$CI_DEPLOY_PASSWORD"`],
        {
          env: { PATH: process.env.PATH },
        },
      ).toString();
      expect(out).toBe(`gitlab+deploy-token-11|${password}`);
    }
  });

  test('without --export: exit 2, nothing on stdout', async () => {
    const r = await runCli(['resolve'], jobEnv('gldt-ProjToken11ProjToken1'));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--export');
  });

  test('an unknown export target: exit 2', async () => {
    const r = await runCli(['resolve', '--export', 'yaml'], jobEnv('x'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown export target');
  });
});

describe('deploy-token resolve --export json', () => {
  test('one object with username, password, source, token metadata, warnings', async () => {
    const r = await runCli(['resolve', '--export', 'json'], jobEnv('gldt-ProjToken11ProjToken1'));
    expect(r.code).toBe(0);
    const o = JSON.parse(r.stdout);
    expect(o).toMatchObject({
      username: 'gitlab+deploy-token-11',
      password: 'gldt-ProjToken11ProjToken1',
      rule: 'project-token',
      source: { CI_DEPLOY_PASSWORD: 'job environment (CI_DEPLOY_PASSWORD)' },
      token: { id: 11, level: 'project', scopes: ['read_repository', 'read_registry'] },
      gitlab_version: '17.5.1-ee',
    });
    expect(Array.isArray(o.warnings)).toBe(true);
  });
});

describe('deploy-token plan', () => {
  test('names token, rule, version and sources, and prints no secret', async () => {
    const r = await runCli(['plan', '--export', 'shell'], jobEnv('gldt-ProjToken11ProjToken1'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('GitLab 17.5.1-ee');
    expect(r.stdout).toContain('project token #11');
    expect(r.stdout).toContain('CI_DEPLOY_PASSWORD ← job environment');
    expect(r.stdout).toContain('export    shell → stdout');
    expect(r.stdout + r.stderr).not.toContain('gldt-ProjToken11ProjToken1');
    expect(r.stdout + r.stderr).not.toContain(API);
  });

  test('--format json has the decision and no secret', async () => {
    const r = await runCli(['plan', '--format', 'json'], jobEnv('gldt-ProjToken11ProjToken1'));
    const p = JSON.parse(r.stdout);
    expect(p).toMatchObject({
      ok: true,
      rule: 'project-token',
      token: { id: 11, username: 'gitlab+deploy-token-11' },
    });
    expect(r.stdout).not.toContain('gldt-ProjToken11ProjToken1');
  });

  test('an expired token: exit 1 with the reason and the fix', async () => {
    const r = await runCli(['plan', '--gitlab-url', expired.url, '--project', 'tanuki/awesome_project'], {
      GITLAB_TOKEN: API,
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('expired at 2026-11-25 00:00 UTC');
    expect(r.stdout).toContain('fix ');
  });

  test('colour only on a TTY and never with NO_COLOR', async () => {
    const env = jobEnv('gldt-ProjToken11ProjToken1');
    expect((await runCli(['plan'], env, { isTTY: true })).stdout).toContain('\u001b[');
    expect((await runCli(['plan'], { ...env, NO_COLOR: '1' }, { isTTY: true })).stdout).not.toContain(
      '\u001b[',
    );
    expect((await runCli(['plan'], env, { isTTY: false })).stdout).not.toContain('\u001b[');
  });
});

describe('exit codes', () => {
  test('2: no project with an API token', async () => {
    const r = await runCli(['plan', '--gitlab-url', standin.url], { GITLAB_TOKEN: API });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no project given');
  });
  test('2: a URL that is not http(s)', async () => {
    const r = await runCli(['plan', '--gitlab-url', 'ftp://x', '--project', '1'], { GITLAB_TOKEN: API });
    expect(r.code).toBe(2);
  });
  test('2: an unknown flag', async () => {
    const r = await runCli(['plan', '--no-such-flag'], {});
    expect(r.code).toBe(2);
  });
  test('3: GitLab cannot be reached; the API token is never printed', async () => {
    const r = await runCli(['plan', '--gitlab-url', 'http://127.0.0.1:9', '--project', '1'], {
      GITLAB_TOKEN: API,
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('could not');
    expect(r.stdout + r.stderr).not.toContain(API);
  });
  test('2: the API token is refused (401), with what the token needs', async () => {
    const r = await runCli(['plan', '--gitlab-url', standin.url, '--project', '3'], {
      GITLAB_TOKEN: 'glpat-wrongwrongwrongwrong',
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('read_api');
    expect(r.stderr).not.toContain('glpat-wrongwrongwrongwrong');
  });
  test('--api-token-env names another variable', async () => {
    const r = await runCli(['plan', '--api-token-env', 'MY_TOKEN'], {
      ...jobEnv('gldt-ProjToken11ProjToken1'),
      GITLAB_TOKEN: undefined,
      MY_TOKEN: API,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('project token #11');
  });
  test('0: --version and --help', async () => {
    const v = await runCli(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const h = await runCli(['--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain('Exit codes');
    for (const c of ['resolve', 'plan', 'demo']) {
      const hc = await runCli([c, '--help']);
      expect(hc.code).toBe(0);
      expect(hc.stdout).toContain('Usage: deploy-token');
    }
  });
  test('2: no command at all prints help', async () => {
    const r = await runCli([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: deploy-token');
    // The help is the whole answer: no error line with commander's internal "(outputHelp)".
    expect(r.stderr).not.toMatch(/deploy-token: error|outputHelp/);
  });
});

describe('without an API token', () => {
  test('the job environment is used, unverified, with a warning', async () => {
    const r = await runCli(['resolve', '--export', 'json'], {
      CI_DEPLOY_USER: 'gitlab+deploy-token-11',
      CI_DEPLOY_PASSWORD: 'gldt-ProjToken11ProjToken1',
      CI_JOB_TOKEN: 'job-token-value',
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).rule).toBe('unverified-environment');
    expect(r.stderr).toContain('could not be verified');
  });
});

describe("resolve without --export: the job's export: in the spec", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'dt-spec-export-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const spec = (exp: string | undefined) =>
    writeFileSync(
      join(dir, 'deploy-token.yml'),
      `version: 1\njobs:\n  build:\n    scopes: [read_registry]\n${exp ? `    export: ${exp}\n` : ''}`,
    );
  const resolve = (argv: string[]) =>
    runCli(['resolve', '--job', 'build', ...argv], jobEnv('gldt-ProjToken11ProjToken1'), { cwd: dir });

  test('export: [shell] prints the export lines', async () => {
    spec('[shell]');
    const r = await resolve([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      "export CI_DEPLOY_USER='gitlab+deploy-token-11'\nexport CI_DEPLOY_PASSWORD='gldt-ProjToken11ProjToken1'\n",
    );
  });

  test('export: [json] prints the object; --export wins over the spec', async () => {
    spec('[json]');
    expect(JSON.parse((await resolve([])).stdout).username).toBe('gitlab+deploy-token-11');
    const flag = await resolve(['--export', 'shell']);
    expect(flag.code).toBe(0);
    expect(flag.stdout).toMatch(/^export CI_DEPLOY_USER=/);
  });

  test('the checks name the spec key: dotenv without --output, two stdout targets', async () => {
    spec('[dotenv]');
    const d = await resolve([]);
    expect(d.code).toBe(2);
    expect(d.stderr).toContain('dotenv (from spec jobs.build.export) needs --output FILE');
    spec('[shell, json]');
    const two = await resolve([]);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('spec jobs.build.export shell,json would all print on stdout');
    expect(two.stdout + d.stdout).toBe('');
  });

  test('export: [dotenv] with --output writes the report', async () => {
    spec('[dotenv]');
    const out = join(dir, 'deploy.env');
    const r = await resolve(['--output', out, '--allow-unmasked-dotenv']);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('CI_DEPLOY_USER=gitlab+deploy-token-11\n');
  });

  test('no export: in the job and no --export: exit 2, nothing printed', async () => {
    spec(undefined);
    const r = await resolve([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('resolve needs --export');
    expect(r.stdout).toBe('');
  });

  test('a job the spec does not have is named as such', async () => {
    spec('[shell]');
    const r = await runCli(['resolve', '--job', 'deploy'], jobEnv('x'), { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('job "deploy" is not in the spec');
  });

  test("plan shows what resolve would export from the job's export:", async () => {
    spec('[shell]');
    const r = await runCli(['plan', '--job', 'build'], jobEnv('gldt-ProjToken11ProjToken1'), { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('export    shell → stdout: CI_DEPLOY_USER, CI_DEPLOY_PASSWORD');
  });
});
