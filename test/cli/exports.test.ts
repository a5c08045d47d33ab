/** `resolve --export dotenv`: GitLab does not mask dotenv variables, so the password needs a flag. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario } from '../helpers/scenarios.js';
import { startStandin, type RunningStandin } from '../../src/standin/server.js';
import { runCli } from '../helpers/cli.js';
import { inRunner } from '../helpers/action.js';
import { parseGitlabDotenv } from '../export/parsers.js';

const scenario = loadScenario('1-project-token.json');
let standin: RunningStandin;
let dir: string;
beforeAll(async () => {
  standin = await startStandin(scenario, { now: () => new Date('2026-11-25T10:00:00Z') });
});
afterAll(() => standin.close());
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'dt-dotenv-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const env = () => ({
  GITLAB_TOKEN: scenario.apiTokens[0],
  CI_SERVER_URL: standin.url,
  CI_PROJECT_ID: '3',
  ...scenario.jobEnv,
});

test('without --allow-unmasked-dotenv: exit 2, naming the flag and the safer ways, and no file', async () => {
  const out = join(dir, 'deploy.env');
  const r = await runCli(['resolve', '--export', 'dotenv', '--output', out], env());
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('--allow-unmasked-dotenv');
  expect(r.stderr).toContain('exec');
  expect(existsSync(out)).toBe(false);
  expect(r.stdout).toBe('');
});

test("with the flag: GitLab's parser reads the values back, the file is 0600, and a warning says it leaks", async () => {
  const out = join(dir, 'deploy.env');
  const r = await runCli(
    ['resolve', '--export', 'dotenv', '--output', out, '--allow-unmasked-dotenv'],
    env(),
  );
  expect(r.code).toBe(0);
  expect(parseGitlabDotenv(readFileSync(out, 'utf8'))).toEqual({
    CI_DEPLOY_USER: 'gitlab+deploy-token-11',
    CI_DEPLOY_PASSWORD: 'gldt-ProjToken11ProjToken1',
  });
  expect(statSync(out).mode & 0o777).toBe(0o600);
  expect(r.stderr).toContain('neither masks nor protects');
  expect(r.stderr).not.toContain('gldt-ProjToken11ProjToken1');
});

test('a relative --output is taken from the working directory the command was given', async () => {
  const r = await runCli(
    ['resolve', '--export', 'dotenv', '--output', 'deploy.env', '--allow-unmasked-dotenv'],
    env(),
    { cwd: dir },
  );
  expect(r.code).toBe(0);
  expect(parseGitlabDotenv(readFileSync(join(dir, 'deploy.env'), 'utf8')).CI_DEPLOY_USER).toBe(
    'gitlab+deploy-token-11',
  );
  expect(existsSync(join(process.cwd(), 'deploy.env'))).toBe(false);
});

test('dotenv needs --output', async () => {
  const r = await runCli(['resolve', '--export', 'dotenv'], env());
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('--output');
});

test('two stdout targets are refused before anything is written', async () => {
  const r = await runCli(['resolve', '--export', 'shell,json'], env());
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
});

test('--export github: masks first on stdout (by @actions/core), then GITHUB_ENV and GITHUB_OUTPUT', async () => {
  const { writeFileSync } = await import('node:fs');
  const envFile = join(dir, 'env');
  const outFile = join(dir, 'out');
  writeFileSync(envFile, '');
  writeFileSync(outFile, '');
  let stdout = '';
  const r = await inRunner({ ...process.env }, { write: (s) => void (stdout += s) }, () =>
    runCli(['resolve', '--export', 'github'], { ...env(), GITHUB_ENV: envFile, GITHUB_OUTPUT: outFile }),
  );
  expect(r.code).toBe(0);
  expect(r.stdout).toBe('');
  const lines = stdout.split('\n').filter(Boolean);
  expect(lines.length).toBeGreaterThan(3);
  expect(lines.every((l) => l.startsWith('::add-mask::'))).toBe(true);
  expect(readFileSync(envFile, 'utf8')).toContain('CI_DEPLOY_PASSWORD<<ghadelimiter_');
  expect(readFileSync(outFile, 'utf8')).not.toContain('gldt-ProjToken11ProjToken1');
});

describe('a stdout export is printed only once every file target was written', () => {
  const PASSWORD = 'gldt-ProjToken11ProjToken1';
  /** Everything the run left in its temp dir (RUNNER_TEMP: credential files, records, reports). */
  const leftIn = (d: string) =>
    (readdirSync(d, { recursive: true }) as string[]).filter((p) => !statSync(join(d, p)).isDirectory());

  test.each(['shell', 'json'])(
    '--export %s,dotenv with an unwritable --output: exit 2, nothing on stdout, no file left',
    async (target) => {
      const out = join(dir, 'missing', 'deploy.env');
      const r = await runCli(
        [
          'resolve',
          '--export',
          `${target},dotenv`,
          '--output',
          out,
          '--allow-unmasked-dotenv',
          '--configure',
          'git',
        ],
        { ...env(), RUNNER_TEMP: dir },
      );
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`cannot write ${out}`);
      // `eval "$(deploy-token resolve …)"` applies nothing: no password, no GIT_CONFIG_GLOBAL.
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('removed the 1 credential file(s) this run wrote');
      expect(leftIn(dir)).toEqual([]);
    },
  );

  test('--export github,dotenv when GITHUB_ENV cannot be written: the dotenv report goes again', async () => {
    const out = join(dir, 'deploy.env');
    const outFile = join(dir, 'out');
    writeFileSync(outFile, '');
    const r = await runCli(
      ['resolve', '--export', 'github,dotenv', '--output', out, '--allow-unmasked-dotenv'],
      { ...env(), RUNNER_TEMP: dir, GITHUB_ENV: join(dir, 'missing', 'env'), GITHUB_OUTPUT: outFile },
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot write GITHUB_ENV');
    expect(existsSync(out)).toBe(false);
    expect(
      r.stdout
        .split('\n')
        .filter(Boolean)
        .every((l) => l.startsWith('::add-mask::')),
    ).toBe(true);
    expect(readFileSync(outFile, 'utf8')).not.toContain(PASSWORD);
  });

  test('--export shell,dotenv that succeeds: the report is on disk and the exports on stdout', async () => {
    const out = join(dir, 'deploy.env');
    const r = await runCli(
      ['resolve', '--export', 'shell,dotenv', '--output', out, '--allow-unmasked-dotenv'],
      {
        ...env(),
        RUNNER_TEMP: dir,
      },
    );
    expect(r.code).toBe(0);
    expect(parseGitlabDotenv(readFileSync(out, 'utf8')).CI_DEPLOY_PASSWORD).toBe(PASSWORD);
    expect(r.stdout).toContain(`export CI_DEPLOY_PASSWORD='${PASSWORD}'`);
  });
});
