/**
 * Credential files live only as long as needed: `plan` lists them without content; `resolve
 * --configure` records a manifest that `cleanup` removes exactly (idempotently); `exec` removes its
 * files at the end, also when killed with SIGTERM; the action's post step removes what main wrote.
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction } from '../helpers/action.js';
import { runPostAll } from '../helpers/action.js';
import { loadScenario } from '../helpers/scenarios.js';
import { runCli } from '../helpers/cli.js';
import { standinPerFile } from '../helpers/standin.js';

const PASSWORD = 'gldt-ProjToken11ProjToken1';
const scenario = loadScenario('1-project-token.json');
let root: string;
let runnerTemp: string;
const standin = standinPerFile(scenario);
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'dt-life-'));
  runnerTemp = join(root, 'runner-temp');
  mkdirSync(runnerTemp);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const env = () => ({
  GITLAB_TOKEN: scenario.apiTokens[0],
  CI_SERVER_URL: standin.url,
  CI_PROJECT_PATH: 'tanuki/awesome_project',
  CI_REGISTRY: 'registry.example.com',
  RUNNER_TEMP: runnerTemp,
  HOME: root,
  ...scenario.jobEnv,
});
const privateDirs = () => readdirSync(runnerTemp).filter((f) => /^deploy-token-[A-Za-z0-9]{6}$/.test(f));

test('plan lists the files, modes and variables it would write, without content', async () => {
  const text = await runCli(['plan', '--configure', 'docker,git'], env());
  expect(text.code).toBe(0);
  expect(text.stdout).toContain('<private dir>/docker/config.json (0600, docker) ← $DOCKER_CONFIG');
  // Each client, with what the token's scopes (read_repository, read_registry) let it do.
  expect(text.stdout).toContain('client    docker: $DOCKER_CONFIG; pull yes; push no (needs write_registry)');
  expect(text.stdout).toMatch(
    /client {4}git: \$GIT_CONFIG_GLOBAL, \$GIT_TERMINAL_PROMPT; pull yes; push no \(a deploy token has no write_repository scope/,
  );
  expect(text.stdout).toContain('<private dir>/gitconfig (0600, git) ← $GIT_CONFIG_GLOBAL');
  const json = JSON.parse((await runCli(['plan', '--configure', 'npm', '--format', 'json'], env())).stdout);
  expect(json.files).toEqual([{ client: 'npm', path: 'npmrc', mode: '0600', env: 'NPM_CONFIG_USERCONFIG' }]);
  expect(JSON.stringify(json) + text.stdout).not.toContain(PASSWORD);
  expect(privateDirs()).toEqual([]);
});

test('resolve --configure writes the files, exports their variables, and cleanup removes exactly them', async () => {
  const r = await runCli(['resolve', '--export', 'json', '--configure', 'docker'], env());
  expect(r.code).toBe(0);
  const out = JSON.parse(r.stdout);
  const authFile = `${out.variables.DOCKER_CONFIG as string}/config.json`;
  expect(JSON.parse(readFileSync(authFile, 'utf8')).auths['registry.example.com']).toBeDefined();
  expect(privateDirs()).toHaveLength(1);
  const keep = join(runnerTemp, 'unrelated.txt');
  writeFileSync(keep, 'not ours');
  const c1 = await runCli(['cleanup'], env());
  expect(c1.code).toBe(0);
  expect(c1.stdout).toContain(`removed ${authFile}`);
  expect(privateDirs()).toEqual([]);
  expect(existsSync(keep)).toBe(true);
  const c2 = await runCli(['cleanup'], env());
  expect(c2.stdout).toContain('0 removed');
});

test('exec removes its files when the command ends, also when it fails', async () => {
  const ok = await runCli(
    ['exec', '--configure', 'git', '--', 'sh', '-c', 'test -f "$GIT_CONFIG_GLOBAL"'],
    env(),
  );
  expect(ok.code).toBe(0);
  expect(ok.stderr).toMatch(/removed the 1 credential file\(s\) this run wrote/);
  expect(privateDirs()).toEqual([]);
  const failed = await runCli(['exec', '--configure', 'git', '--', 'sh', '-c', 'exit 3'], env());
  expect(failed.code).toBe(3);
  expect(privateDirs()).toEqual([]);
});

test.each([
  ['SIGTERM', 143],
  ['SIGINT', 130],
] as const)('exec removes its files when it is killed with %s', async (signal, expected) => {
  const r = await new Promise<{ code: number | null; seen: number }>((resolve) => {
    const child = spawn(
      process.execPath,
      ['dist/cli.js', 'exec', '--configure', 'docker', '--', 'sh', '-c', 'echo ready; exec sleep 20'],
      {
        env: { PATH: process.env.PATH ?? '', ...env() },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let seen = -1;
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) {
        seen = privateDirs().length;
        child.kill(signal);
      }
    });
    child.on('close', (code) => resolve({ code, seen }));
  });
  expect(r.seen).toBe(1);
  expect(r.code).toBe(expected);
  expect(privateDirs()).toEqual([]);
});

test('the action writes the files for `configure`, and its post step removes them', async () => {
  const files = {
    env: join(root, 'env'),
    out: join(root, 'out'),
    state: join(root, 'state'),
    summary: join(root, 'summary'),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const inputs = {
    'INPUT_GITLAB-URL': standin.url,
    'INPUT_GITLAB-TOKEN': scenario.apiTokens[0]!,
    INPUT_PROJECT: 'tanuki/awesome_project',
    INPUT_CONFIGURE: 'docker,git',
  };
  let out = '';
  const code = await runAction({
    env: {
      ...env(),
      ...inputs,
      GITHUB_ENV: files.env,
      GITHUB_OUTPUT: files.out,
      GITHUB_STATE: files.state,
      GITHUB_STEP_SUMMARY: files.summary,
    },
    cwd: root,
    now: () => new Date(),
    stdout: { write: (s) => void (out += s) },
  });
  expect(out).not.toContain('::error::');
  expect(code).toBe(0);
  expect(readFileSync(files.env, 'utf8')).toMatch(/DOCKER_CONFIG<</);
  expect(privateDirs()).toHaveLength(1);
  const state = /manifest<<(\S+)\n([\s\S]*?)\n\1/.exec(readFileSync(files.state, 'utf8'))![2]!;
  let post = '';
  const postEnv = { STATE_manifest: state, RUNNER_TEMP: runnerTemp };
  expect(await runPostAll(postEnv, { write: (s) => void (post += s) })).toBe(0);
  expect(post).toContain('removed');
  expect(privateDirs()).toEqual([]);
  // Run again (post-if: always() may meet an already clean state): still no failure.
  expect(await runPostAll(postEnv, { write: () => undefined })).toBe(0);
  expect(await runPostAll({ STATE_manifest: '{broken' }, { write: () => undefined })).toBe(0);
});
